import type { Interval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { BlockedTimeRow } from './blocked-times.table.js';

const iso = (ms: number) => new Date(ms).toISOString();

export async function insertBlockedTime(
  db: Db,
  row: { provider_id: number; member_id: number; start_at: string; end_at: string; label: string },
): Promise<BlockedTimeRow> {
  return db.insertInto('blocked_times').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The provider's blocked times that overlap `range`, by start. */
export async function listBlockedTimes(db: Db, providerId: number, range: Interval): Promise<BlockedTimeRow[]> {
  return db
    .selectFrom('blocked_times')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('start_at', '<', iso(range.end))
    .where('end_at', '>', iso(range.start))
    .orderBy('start_at')
    .orderBy('id')
    .execute();
}

/** Deletes one of the provider's blocked times; false when the provider has no such one (another's included). */
export async function deleteBlockedTime(db: Db, providerId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('blocked_times')
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
