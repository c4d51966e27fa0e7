import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool, Updateable } from 'kysely';
import { claimRows, writeClaimed } from '../db/claim.js';
import type { Instant } from '../db/columns.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/database.js';

/** The columns by which rows are claimed: every outbox table has them. */
interface ClaimColumns {
  id: number;
  status: string;
  /** Counts claims, not failures: a row that kills its worker every time gives up too. */
  attempts: number;
  next_attempt_at: Instant;
  /** Until when the claimer holds the row; after that it is due again (its worker is taken for dead). */
  lease_until: Instant | null;
  /** The claim (one worker pass) holding the row: it alone may record the outcome. */
  claimed_by: string | null;
}

/** The tables whose rows are claimed this way. */
export type OutboxTable = {
  [T in keyof Database]: Selectable<Database[T]> extends ClaimColumns ? T : never;
}[keyof Database];

type StatusOf<T extends OutboxTable> = Selectable<Database[T]> extends { status: infer S extends string } ? S : never;

export interface Outbox<T extends OutboxTable> {
  table: T;
  /** The status of a row waiting for its (next) attempt. */
  waiting: StatusOf<T>;
  /** The status of a row a claimer holds. */
  working: StatusOf<T>;
  /** What else a row needs to be due; refer to the row by the table's name. */
  due?: (eb: ExpressionBuilder<Database, T>) => Expression<SqlBool>;
}

export interface Claim {
  /** Names this claim (one worker pass), fresh each time: `randomUUID()`. */
  claimId: string;
  now: Date;
  leaseUntil: Date;
  limit: number;
}

export interface OutboxClaims<T extends OutboxTable> {
  /**
   * Leases up to `limit` due rows to the claim, oldest due first, and returns them by id: rows waiting whose time
   * has come, and rows whose lease ran out. No two claims hold a row at once, on any number of instances.
   */
  claim(db: Db, claim: Claim): Promise<Selectable<Database[T]>[]>;
  /** Records an outcome and ends the lease, only while the claim still holds it; false when it no longer did. */
  settle(db: Db, id: number, claimId: string, outcome: Updateable<Database[T]>): Promise<boolean>;
  /** Hands back rows the claim never tried (its worker is stopping), uncounted, due at once for the next claim. */
  release(db: Db, ids: readonly number[], claimId: string): Promise<void>;
}

/**
 * One way of claiming outbox rows for all the workers (email, calendar sync, and any added later): a lease
 * (`lease_until`, `claimed_by`) taken in one short transaction, `for update skip locked` on PostgreSQL
 * (server/db/claim.ts), and settled only by its holder.
 */
export function outboxClaims<T extends OutboxTable>(outbox: Outbox<T>): OutboxClaims<T> {
  const table: string = outbox.table;
  const waiting = outbox.waiting as string;
  const working = outbox.working as string;
  // Kysely cannot name the columns of a table picked by a type parameter; those of the claim it can.
  const claimable = (db: Db) => db as unknown as Kysely<Record<string, ClaimColumns>>;
  const due = outbox.due as
    | ((eb: ExpressionBuilder<Record<string, ClaimColumns>, string>) => Expression<SqlBool>)
    | undefined;

  return {
    async claim(db, { claimId, now, leaseUntil, limit }) {
      const at = now.toISOString();
      const rows = await claimRows(db, async (trx, lockDue) => {
        let query = claimable(trx)
          .selectFrom(table)
          .select('id')
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', waiting), eb('next_attempt_at', '<=', at)]),
              eb.and([eb('status', '=', working), eb('lease_until', '<=', at)]),
            ]),
          );
        if (due) query = query.where(due);
        const ids = (await lockDue(query.orderBy('next_attempt_at').orderBy('id').limit(limit)).execute()).map(
          (row) => row.id,
        );
        if (!ids.length) return [];
        return claimable(trx)
          .updateTable(table)
          .set((eb) => ({
            status: working,
            lease_until: leaseUntil.toISOString(),
            claimed_by: claimId,
            attempts: eb('attempts', '+', 1),
          }))
          .where('id', 'in', ids)
          .returningAll()
          .execute();
      });
      return rows.sort((a, b) => a.id - b.id) as unknown as Selectable<Database[T]>[];
    },

    async settle(db, id, claimId, outcome) {
      const result = await writeClaimed(db, (w) =>
        claimable(w)
          .updateTable(table)
          .set({ ...(outcome as Partial<ClaimColumns>), lease_until: null, claimed_by: null })
          .where('id', '=', id)
          .where('claimed_by', '=', claimId)
          .where('status', '=', working)
          .executeTakeFirst(),
      );
      return result.numUpdatedRows > 0n;
    },

    async release(db, ids, claimId) {
      if (!ids.length) return;
      await writeClaimed(db, (w) =>
        claimable(w)
          .updateTable(table)
          .set((eb) => ({ status: waiting, lease_until: null, claimed_by: null, attempts: eb('attempts', '-', 1) }))
          .where('id', 'in', [...ids])
          .where('claimed_by', '=', claimId)
          .where('status', '=', working)
          .execute(),
      );
    },
  };
}
