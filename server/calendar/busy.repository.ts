import type { Interval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';

/** Replaces a connection's cached busy times with a fresh read. */
export async function replaceBusy(db: Db, connectionId: number, busy: readonly Interval[], now: Date): Promise<void> {
  await db.deleteFrom('calendar_busy').where('connection_id', '=', connectionId).execute();
  // Batches keep each statement under SQLite's bound-variable limit.
  for (let i = 0; i < busy.length; i += 300) {
    await db
      .insertInto('calendar_busy')
      .values(
        busy.slice(i, i + 300).map((b) => ({
          connection_id: connectionId,
          start_at: new Date(b.start).toISOString(),
          end_at: new Date(b.end).toISOString(),
        })),
      )
      .execute();
  }
  const iso = now.toISOString();
  // A good read also clears the error of an earlier failed one: the calendar is reachable again.
  await db
    .updateTable('calendar_connections')
    .set({ busy_refreshed_at: iso, busy_checked_at: iso, last_error: null })
    .where('id', '=', connectionId)
    .execute();
}

/**
 * A refresh was tried and failed: wait a TTL before trying again rather than on every read, and say why on the
 * connection. The busy times already cached stay (stale beats none); `busy_refreshed_at` keeps saying how old they are.
 */
export async function markBusyFailed(db: Db, connectionId: number, now: Date, error: string): Promise<void> {
  await db
    .updateTable('calendar_connections')
    .set({ busy_checked_at: now.toISOString(), last_error: `busy times not refreshed: ${error}` })
    .where('id', '=', connectionId)
    .execute();
}

export async function readBusy(db: Db, connectionId: number, range: Interval): Promise<Interval[]> {
  const rows = await db
    .selectFrom('calendar_busy')
    .select(['start_at', 'end_at'])
    .where('connection_id', '=', connectionId)
    .where('start_at', '<', new Date(range.end).toISOString())
    .where('end_at', '>', new Date(range.start).toISOString())
    .orderBy('start_at')
    .execute();
  return rows.map((r) => ({ start: Date.parse(r.start_at), end: Date.parse(r.end_at) }));
}

/** How far ahead the provider takes bookings: how far ahead busy times matter. */
export async function bookableDaysOf(db: Db, providerId: number): Promise<number> {
  const row = await db.selectFrom('providers').select('max_days_ahead').where('id', '=', providerId).executeTakeFirst();
  return row?.max_days_ahead ?? 60;
}
