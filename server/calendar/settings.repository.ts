import type { Db } from '../db/connect.js';

/** The business's calendar settings, the same for every member's calendar. */
export interface CalendarSettings {
  includeCustomerContact: boolean;
}

export async function findSettings(db: Db, providerId: number): Promise<CalendarSettings> {
  const row = await db
    .selectFrom('calendar_settings')
    .select('include_customer_contact')
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return { includeCustomerContact: row?.include_customer_contact === 1 };
}

export async function saveSettings(db: Db, providerId: number, values: { includeCustomerContact: boolean }) {
  const columns = { include_customer_contact: values.includeCustomerContact ? 1 : 0 };
  await db
    .insertInto('calendar_settings')
    .values({ provider_id: providerId, ...columns })
    .onConflict((oc) => oc.column('provider_id').doUpdateSet(columns))
    .execute();
}

/** When the member's feed URL was made; undefined: they have none. */
export async function findFeedCreatedAt(db: Db, memberId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('member_feeds')
    .select('feed_created_at')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.feed_created_at;
}

/** A member's new feed token (its hash): the old one stops working. */
export async function saveFeed(
  db: Db,
  member: { id: number; provider_id: number },
  tokenHash: string,
  now: Date,
): Promise<void> {
  const values = { feed_token_hash: tokenHash, feed_created_at: now.toISOString() };
  await db
    .insertInto('member_feeds')
    .values({ member_id: member.id, provider_id: member.provider_id, ...values })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
    .execute();
}

export async function deleteFeed(db: Db, memberId: number): Promise<void> {
  await db.deleteFrom('member_feeds').where('member_id', '=', memberId).execute();
}

/** The member whose feed token hashes to `hash`, with their business. */
export async function findFeedOwner(
  db: Db,
  hash: string,
): Promise<{ providerId: number; memberId: number; name: string } | undefined> {
  const row = await db
    .selectFrom('member_feeds')
    .innerJoin('providers', 'providers.id', 'member_feeds.provider_id')
    .innerJoin('team_members', 'team_members.id', 'member_feeds.member_id')
    .select([
      'providers.id as providerId',
      'providers.name as business',
      'team_members.id as memberId',
      'team_members.name as member',
      'team_members.left_at',
      'team_members.role',
    ])
    .where('member_feeds.feed_token_hash', '=', hash)
    .executeTakeFirst();
  // A member who left takes no feed of the business's customers with them.
  if (!row || row.left_at !== null) return undefined;
  // The owner's feed is the business's, as it was before teams; a member's says whose it is.
  const name = row.role === 'owner' ? row.business : `${row.business} — ${row.member}`;
  return { providerId: row.providerId, memberId: row.memberId, name };
}
