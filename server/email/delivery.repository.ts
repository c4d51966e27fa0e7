import type { Updateable } from 'kysely';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import type { EmailOutboxTable, EmailRow } from './email.table.js';

/**
 * Leases up to `limit` due rows to one worker pass (`claimId`) in a single statement: rows
 * waiting for their next attempt, and rows whose lease ran out because a worker died while
 * holding them. Every claim counts as an attempt, so a row that kills its worker gives up too.
 * Under the write lock, so that passes of several instances on one PostgreSQL never lease a row twice (there a
 * second update would not re-run the subquery that chose the rows).
 */
export async function claimDueEmails(
  db: Db,
  claim: { claimId: string; now: Date; leaseUntil: Date; limit: number },
): Promise<EmailRow[]> {
  const now = claim.now.toISOString();
  const rows = await withWriteLock(db, (trx) => {
    const due = trx
      .selectFrom('email_outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(claim.limit);
    return trx
      .updateTable('email_outbox')
      .set((eb) => ({
        status: 'sending',
        lease_until: claim.leaseUntil.toISOString(),
        claimed_by: claim.claimId,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  });
  return rows.sort((a, b) => a.id - b.id);
}

// An outcome is recorded only by the pass that holds the lease (a stale pass changes nothing), and gives the lease
// up. A sent or failed email's account-link token is erased: only the inbox keeps it.
// Each outcome is one small write. On its own, each paid a commit and its fsync (two per booking, and under load
// they kept bookings waiting for the connection); through withWriteLock they share the commit of whatever else
// is writing in the same turn, bookings included.
async function settle(db: Db, id: number, claimId: string, outcome: Updateable<EmailOutboxTable>): Promise<void> {
  await withWriteLock(db, (trx) =>
    trx
      .updateTable('email_outbox')
      .set({ ...outcome, lease_until: null, claimed_by: null })
      .where('id', '=', id)
      .where('claimed_by', '=', claimId)
      .where('status', '=', 'sending')
      .execute(),
  );
}

/** `content`: what a draft was written out as (draft.ts); the row keeps it in the draft's place. */
export async function markSent(
  db: Db,
  id: number,
  claimId: string,
  sent: { at: Date; transport: 'smtp' | 'mailbox'; content?: Pick<EmailRow, 'subject' | 'html' | 'text' | 'ics'> },
): Promise<void> {
  await settle(db, id, claimId, {
    ...(sent.content && { ...sent.content, draft: null }),
    status: 'sent',
    sent_at: sent.at.toISOString(),
    transport: sent.transport,
    link_token_sealed: null,
  });
}

export async function markRetry(
  db: Db,
  id: number,
  claimId: string,
  retry: { at: Date; error: string },
): Promise<void> {
  await settle(db, id, claimId, {
    status: 'pending',
    next_attempt_at: retry.at.toISOString(),
    last_error: retry.error,
  });
}

export async function markFailed(db: Db, id: number, claimId: string, error: string): Promise<void> {
  await settle(db, id, claimId, { status: 'failed', last_error: error, link_token_sealed: null });
}

/** Hands back rows a stopping pass never tried, uncounted, so the next pass sends them at once. */
export async function releaseClaim(db: Db, ids: readonly number[], claimId: string): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('email_outbox')
    .set((eb) => ({ status: 'pending', lease_until: null, claimed_by: null, attempts: eb('attempts', '-', 1) }))
    .where('id', 'in', [...ids])
    .where('claimed_by', '=', claimId)
    .where('status', '=', 'sending')
    .execute();
}
