import type { SelectQueryBuilder } from 'kysely';
import type { Db } from './connect.js';
import { isPostgres } from './dialect.js';
import { withWriteLock } from './transaction.js';

/** Makes a select of due rows lock what it returns against other claimers (or leaves it be, where one writer is all). */
// biome-ignore lint/suspicious/noExplicitAny: any query of any table; the select is the caller's, typed there
export type LockDue = <Q extends SelectQueryBuilder<any, any, any>>(query: Q) => Q;

/**
 * Runs one claim: `work` selects the due rows through `lockDue` and marks them taken, in one short transaction.
 *
 * PostgreSQL: a transaction of its own with `for update skip locked`, and no write lock, so the workers of several
 * instances claim side by side: each skips the rows another claimer holds locked, and a row another claimer has
 * already taken (and committed) is checked again as it is now, so it is no longer due.
 * SQLite: under the write lock, since there is one writer anyway (and its claim joins the group commit).
 */
export function claimRows<T>(db: Db, work: (trx: Db, lockDue: LockDue) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return withWriteLock(db, (trx) => work(trx, (query) => query));
  return db.transaction().execute((trx) => work(trx, (query) => query.forUpdate().skipLocked() as typeof query));
}

/**
 * A write to rows the caller holds a claim on (recording an outcome, handing a claim back): nobody else's
 * check-then-insert can depend on them, so on PostgreSQL it is one statement of its own, queued behind no lock.
 * On SQLite it shares the group commit of whatever else is writing in the same turn (one fsync for all).
 */
export function writeClaimed<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return isPostgres(db) ? work(db) : withWriteLock(db, work);
}
