import type { Updateable } from 'kysely';
import type { Db } from '../db/connect.js';
import { type Claim, outboxClaims } from '../outbox/claim.js';
import type { EmailOutboxTable, EmailRow } from './email.table.js';

const emails = outboxClaims({ table: 'email_outbox', waiting: 'pending', working: 'sending' });

/** Leases due emails to one worker pass (server/outbox/claim.ts): waiting ones, and those of a worker that died. */
export const claimDueEmails = (db: Db, claim: Claim): Promise<EmailRow[]> => emails.claim(db, claim);

/** Hands back rows a stopping pass never tried, uncounted, so the next pass sends them at once. */
export const releaseClaim = (db: Db, ids: readonly number[], claimId: string): Promise<void> =>
  emails.release(db, ids, claimId);

// An outcome is recorded only by the pass that holds the lease (a stale pass changes nothing), and gives the lease
// up. A sent or failed email's account-link token is erased: only the inbox keeps it.
async function settle(db: Db, id: number, claimId: string, outcome: Updateable<EmailOutboxTable>): Promise<void> {
  await emails.settle(db, id, claimId, outcome);
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
