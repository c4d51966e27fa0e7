import type { Db } from '../db/connect.js';

export interface CalendarSettings {
  includeCustomerContact: boolean;
  feedTokenHash: string | null;
  feedCreatedAt: string | null;
}

export async function findSettings(db: Db, providerId: number): Promise<CalendarSettings> {
  const row = await db
    .selectFrom('calendar_settings')
    .selectAll()
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return {
    includeCustomerContact: row?.include_customer_contact === 1,
    feedTokenHash: row?.feed_token_hash ?? null,
    feedCreatedAt: row?.feed_created_at ?? null,
  };
}

export async function saveSettings(
  db: Db,
  providerId: number,
  values: { includeCustomerContact?: boolean; feedTokenHash?: string | null; feedCreatedAt?: string },
): Promise<void> {
  const columns = {
    ...(values.includeCustomerContact !== undefined && {
      include_customer_contact: values.includeCustomerContact ? 1 : 0,
    }),
    ...(values.feedTokenHash !== undefined && {
      feed_token_hash: values.feedTokenHash,
      feed_created_at: values.feedCreatedAt ?? null,
    }),
  };
  await db
    .insertInto('calendar_settings')
    .values({ provider_id: providerId, ...columns })
    .onConflict((oc) => oc.column('provider_id').doUpdateSet(columns))
    .execute();
}

/** The provider whose feed token hashes to `hash`. */
export async function findFeedOwner(db: Db, hash: string): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('calendar_settings')
    .innerJoin('providers', 'providers.id', 'calendar_settings.provider_id')
    .select(['providers.id', 'providers.name'])
    .where('calendar_settings.feed_token_hash', '=', hash)
    .executeTakeFirst();
}
