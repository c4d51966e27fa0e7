import type { Interval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';

export interface BusyRefreshClaim {
  /** Names this refresh: `randomUUID()`. */
  claimId: string;
  now: Date;
  /** Longer than a read of the calendar can take: then the refresh is taken for dead and another may start. */
  leaseUntil: Date;
}

/**
 * Takes the connection's refresh lease, so that of all instances only this refresh reads the calendar; false when
 * another holds it. One statement: on PostgreSQL a concurrent taker waits for the row and then finds it taken.
 * `steal` takes it whoever holds it (a refresh asked for must read after the request); the refresh it was taken from
 * then stores nothing.
 */
export async function claimBusyRefresh(
  db: Db,
  connectionId: number,
  claim: BusyRefreshClaim,
  steal = false,
): Promise<boolean> {
  const now = claim.now.toISOString();
  const result = await db
    .updateTable('calendar_connections')
    .set({ busy_claimed_by: claim.claimId, busy_lease_until: claim.leaseUntil.toISOString() })
    .where('id', '=', connectionId)
    .$if(!steal, (q) => q.where((eb) => eb.or([eb('busy_lease_until', 'is', null), eb('busy_lease_until', '<=', now)])))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends the refresh's lease with what it found, if it still holds it; false if not (nothing is changed then). */
async function settleRefresh(
  db: Db,
  connectionId: number,
  claimId: string,
  found: { busy_checked_at: string; last_error: string | null; busy_refreshed_at?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('calendar_connections')
    .set({ ...found, busy_claimed_by: null, busy_lease_until: null })
    .where('id', '=', connectionId)
    .where('busy_claimed_by', '=', claimId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Replaces a connection's cached busy times with a fresh read, if the refresh still holds the lease (call it in one
 * transaction: a booking never sees the old busy times gone and the new not yet there).
 */
export async function replaceBusy(
  db: Db,
  connectionId: number,
  claimId: string,
  busy: readonly Interval[],
  now: Date,
): Promise<void> {
  const iso = now.toISOString();
  // A good read also clears the error of an earlier failed one: the calendar is reachable again.
  if (
    !(await settleRefresh(db, connectionId, claimId, {
      busy_refreshed_at: iso,
      busy_checked_at: iso,
      last_error: null,
    }))
  )
    return;
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
}

/**
 * A refresh was tried and failed: wait a TTL before trying again rather than on every read, and say why on the
 * connection. The busy times already cached stay (stale beats none); `busy_refreshed_at` keeps saying how old they are.
 */
export async function markBusyFailed(
  db: Db,
  connectionId: number,
  claimId: string,
  now: Date,
  error: string,
): Promise<void> {
  await settleRefresh(db, connectionId, claimId, {
    busy_checked_at: now.toISOString(),
    last_error: `busy times not refreshed: ${error}`,
  });
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

/** {@link readBusy} of several connections in one query, by connection. */
export async function readBusyOfConnections(
  db: Db,
  connectionIds: readonly number[],
  range: Interval,
): Promise<Map<number, Interval[]>> {
  const byConnection = new Map<number, Interval[]>();
  if (connectionIds.length === 0) return byConnection;
  const rows = await db
    .selectFrom('calendar_busy')
    .select(['connection_id', 'start_at', 'end_at'])
    .where('connection_id', 'in', connectionIds)
    .where('start_at', '<', new Date(range.end).toISOString())
    .where('end_at', '>', new Date(range.start).toISOString())
    .orderBy('connection_id')
    .orderBy('start_at')
    .execute();
  for (const r of rows) {
    const list = byConnection.get(r.connection_id) ?? [];
    list.push({ start: Date.parse(r.start_at), end: Date.parse(r.end_at) });
    byConnection.set(r.connection_id, list);
  }
  return byConnection;
}
