import { randomUUID } from 'node:crypto';
import type { BusyTimeSource, BusyTimesOfMembers } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { log } from '../logger.js';
import {
  bookableDaysOf,
  claimBusyRefresh,
  markBusyFailed,
  readBusy,
  readBusyOfConnections,
  replaceBusy,
} from './busy.repository.js';
import type { CalendarConnectionRow } from './calendar.table.js';
import { type CalendarAdapter, CalendarCallError } from './calendar.types.js';
import { recordCallFailure } from './connection-health.js';
import {
  findConnection,
  findConnectionById,
  findConnectionsOfMembers,
  listConnectionsToRefresh,
  listOwnEvents,
} from './connections.repository.js';

const DAY_MS = 86_400_000;

export interface BusyCacheDeps {
  db: Db;
  now: () => Date;
  adapterFor: (connection: CalendarConnectionRow) => CalendarAdapter;
  /** Busy times older than this are refreshed when someone reads them. */
  ttlMs: number;
  /** Longer than a read of a calendar can take: a refresh that takes longer is taken for dead. */
  leaseMs: number;
}

export interface BusyCache {
  /**
   * For availability: one member's cached busy times (their calendar blocks only them), never a call to the calendar
   * (it may run under the booking lock).
   */
  busyTimes: BusyTimeSource<Db>;
  /** {@link busyTimes} of many members in two queries (a directory page's), refreshing the stale alike. */
  busyTimesOfMembers: BusyTimesOfMembers<Db>;
  /** Reads a connection's calendar now and replaces its cached busy times. */
  refresh(connectionId: number): Promise<void>;
  /** The background pass: refreshes every active connection not checked for `olderThanMs`. */
  refreshStale(olderThanMs: number): Promise<void>;
  /** Resolves when no refresh is running (tests). */
  idle(): Promise<void>;
}

/**
 * Each member's busy times, kept in the database and refreshed in the background and on demand:
 * a read that finds them older than the TTL starts a refresh and answers from the cache, so
 * the slots request and the booking transaction never wait on Google or Microsoft.
 */
export function busyCache(deps: BusyCacheDeps): BusyCache {
  const running = new Map<number, Promise<void>>();

  async function load(connectionId: number, steal: boolean): Promise<void> {
    const connection = await findConnectionById(deps.db, connectionId);
    if (connection?.status !== 'active') return;
    const now = deps.now();
    // Of all instances, one at a time reads a calendar; the others answer from what is stored meanwhile.
    const claim = { claimId: randomUUID(), now, leaseUntil: new Date(now.getTime() + deps.leaseMs) };
    if (!(await claimBusyRefresh(deps.db, connection.id, claim, steal))) return;
    // From a day ago to a day past the furthest bookable day.
    const daysAhead = await bookableDaysOf(deps.db, connection.provider_id);
    const window = { start: now.getTime() - DAY_MS, end: now.getTime() + (daysAhead + 2) * DAY_MS };
    try {
      const own = await listOwnEvents(deps.db, connection.id, {
        start: new Date(window.start).toISOString(),
        end: new Date(window.end).toISOString(),
      });
      const busy = await deps.adapterFor(connection).busyIntervals(window, own);
      // In one transaction: a booking never sees the old busy times gone and the new not yet there.
      await withWriteLock(deps.db, (trx) => replaceBusy(trx, connection.id, claim.claimId, busy, now));
    } catch (error) {
      const failure =
        error instanceof CalendarCallError
          ? error
          : new CalendarCallError('transient', String(error), { cause: error });
      await markBusyFailed(deps.db, connection.id, claim.claimId, now, failure.message);
      await recordCallFailure(deps.db, connection.id, failure, now);
      if (failure.kind !== 'config')
        log.error(`calendar busy times of connection ${connection.id} not refreshed: ${failure.message}`);
    }
  }

  const start = (connectionId: number, steal = false): Promise<void> => {
    const run = load(connectionId, steal)
      .catch((error: unknown) =>
        log.error({ err: error }, `calendar busy times of connection ${connectionId} not refreshed`),
      )
      .finally(() => {
        if (running.get(connectionId) === run) running.delete(connectionId);
      });
    running.set(connectionId, run);
    return run;
  };
  /** On a stale read: one refresh at a time per connection is plenty. */
  const kick = (connectionId: number) => running.get(connectionId) ?? start(connectionId);
  /**
   * On request: a refresh already running may have read the calendar too early, so read it again after. One running
   * on another instance is overtaken: it stores nothing.
   */
  const refresh = async (connectionId: number): Promise<void> => {
    await running.get(connectionId);
    await start(connectionId, true);
  };

  /** A read that finds the busy times older than the TTL starts their refresh and answers with them meanwhile. */
  const kickIfStale = (connection: CalendarConnectionRow) => {
    const checked = connection.busy_checked_at ? Date.parse(connection.busy_checked_at) : 0;
    if (connection.status === 'active' && deps.now().getTime() - checked > deps.ttlMs) void kick(connection.id);
  };

  return {
    async busyTimes(db, memberId, range) {
      const connection = await findConnection(db, memberId);
      if (!connection) return [];
      kickIfStale(connection);
      return readBusy(db, connection.id, range);
    },
    async busyTimesOfMembers(db, memberIds, range) {
      const connections = await findConnectionsOfMembers(db, memberIds);
      for (const connection of connections) kickIfStale(connection);
      const byConnection = await readBusyOfConnections(
        db,
        connections.map((c) => c.id),
        range,
      );
      return new Map(connections.map((c) => [c.member_id, byConnection.get(c.id) ?? []]));
    },
    refresh,
    async refreshStale(olderThanMs) {
      const due = await listConnectionsToRefresh(deps.db, new Date(deps.now().getTime() - olderThanMs).toISOString());
      for (const connection of due) await kick(connection.id);
    },
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}
