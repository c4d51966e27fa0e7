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

/** A member's blocked times that overlap `range`, by start. */
export async function listBlockedTimes(db: Db, memberId: number, range: Interval): Promise<BlockedTimeRow[]> {
  return db
    .selectFrom('blocked_times')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('start_at', '<', iso(range.end))
    .where('end_at', '>', iso(range.start))
    .orderBy('start_at')
    .orderBy('id')
    .execute();
}

/**
 * Deletes one of the business's blocked times, or only of `memberId` when given (a staff member's own); false when
 * there is no such one (another business's included).
 */
export async function deleteBlockedTime(
  db: Db,
  scope: { providerId: number; memberId?: number | undefined },
  id: number,
): Promise<boolean> {
  let query = db.deleteFrom('blocked_times').where('id', '=', id).where('provider_id', '=', scope.providerId);
  if (scope.memberId !== undefined) query = query.where('member_id', '=', scope.memberId);
  const result = await query.executeTakeFirst();
  return result.numDeletedRows > 0n;
}
