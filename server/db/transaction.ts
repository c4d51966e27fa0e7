import { setImmediate } from 'node:timers';
import { CompiledQuery, sql } from 'kysely';
import type { Db } from './connect.js';
import { isPostgres } from './dialect.js';

interface Waiting {
  work: (trx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface GroupState {
  queue: Waiting[];
  scheduled: boolean;
}

/** At most this many writes share one commit, so a group never keeps readers waiting for long. */
export const MAX_GROUP = 64;

const states = new WeakMap<Db, GroupState>();

/**
 * Runs `work` in a transaction that holds the database write lock from its first statement
 * (SQLite `BEGIN IMMEDIATE`; on PostgreSQL a transaction-scoped advisory lock that every such transaction takes),
 * so a check-then-insert inside it cannot interleave with another writer, in this process or any other
 * instance. It resolves only once its changes are committed.
 *
 * Group commit: writes that queue up in the same turn of the event loop run one after another in ONE
 * transaction, each inside its own savepoint, and share its commit. With `synchronous=FULL` every commit
 * costs an fsync (milliseconds), which capped bookings at a few hundred a second when each paid its own.
 * Each write still sees everything written before it (also by the earlier writes of its group, exactly as if
 * they had committed first); one that throws is rolled back to its savepoint alone. If the commit fails,
 * every write of the group fails with it. A lone write is a group of one.
 */
export function withWriteLock<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let state = states.get(db);
    if (!state) {
      state = { queue: [], scheduled: false };
      states.set(db, state);
    }
    state.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    schedule(db, state);
  });
}

/** Waits one turn of the event loop (`setImmediate`), so that requests read in the same turn join the group. */
function schedule(db: Db, state: GroupState): void {
  if (state.scheduled || state.queue.length === 0) return;
  state.scheduled = true;
  setImmediate(() => {
    void runGroup(db, state).finally(() => {
      state.scheduled = false;
      schedule(db, state);
    });
  });
}

async function runGroup(db: Db, state: GroupState): Promise<void> {
  let group: Waiting[] = [];
  try {
    // The connection is taken like any other query's, so readers queued before this group go first.
    await db.connection().execute(async (conn) => {
      group = state.queue.splice(0, MAX_GROUP);
      const unrun = await commitGroup(conn, group);
      state.queue.unshift(...unrun);
    });
  } catch (error) {
    // The connection could not be had at all (a destroyed database): nobody in the group ran.
    for (const entry of group) entry.reject(error);
  }
}

/**
 * Runs the group in one transaction and settles every entry. Returns the entries it never got to run because
 * the transaction was lost under it (SQLite rolls back by itself on some errors); they go into the next group.
 */
/**
 * Arbitrary, fixed: the key of the one advisory lock that serializes writers on PostgreSQL, as SQLite's single
 * writer does. Read committed gives each statement after it a snapshot that includes every earlier writer's commit.
 */
const WRITE_LOCK_KEY = 0x626f6f6b;

/** The fixed statements every write runs, compiled once: no builder work for them on each booking. */
const statements = {
  beginImmediate: CompiledQuery.raw('begin immediate'),
  savepoint: CompiledQuery.raw('savepoint group_write'),
  release: CompiledQuery.raw('release group_write'),
  rollbackToSavepoint: CompiledQuery.raw('rollback to group_write'),
  commit: CompiledQuery.raw('commit'),
};

async function beginWriting(conn: Db): Promise<void> {
  if (!isPostgres(conn)) {
    await conn.executeQuery(statements.beginImmediate);
    return;
  }
  await sql`begin`.execute(conn);
  try {
    await sql`select pg_advisory_xact_lock(${sql.lit(WRITE_LOCK_KEY)})`.execute(conn);
  } catch (error) {
    await sql`rollback`.execute(conn).catch(() => undefined);
    throw error;
  }
}

async function commitGroup(conn: Db, group: Waiting[]): Promise<Waiting[]> {
  try {
    await beginWriting(conn);
  } catch (error) {
    for (const entry of group) entry.reject(error);
    return [];
  }
  const done: { entry: Waiting; value: unknown }[] = [];
  for (const [index, entry] of group.entries()) {
    try {
      await conn.executeQuery(statements.savepoint);
      const value = await entry.work(conn);
      await conn.executeQuery(statements.release);
      done.push({ entry, value });
    } catch (error) {
      try {
        await conn.executeQuery(statements.rollbackToSavepoint);
        await conn.executeQuery(statements.release);
        entry.reject(error);
      } catch (lost) {
        // No savepoint to return to: the whole transaction is gone, and with it the earlier writes of the group.
        await sql`rollback`.execute(conn).catch(() => undefined);
        entry.reject(error);
        for (const earlier of done) earlier.entry.reject(lost);
        return group.slice(index + 1);
      }
    }
  }
  try {
    await conn.executeQuery(statements.commit);
  } catch (error) {
    await sql`rollback`.execute(conn).catch(() => undefined);
    for (const { entry } of done) entry.reject(error);
    return [];
  }
  for (const { entry, value } of done) entry.resolve(value);
  return [];
}
