import type { Db } from '../db/connect.js';
import type { NewEmail } from './email.table.js';
import { sealLinkToken } from './link-token.js';
import { insertEmails } from './outbox.repository.js';

/**
 * Emails whose link proves that its reader owns the address (confirm it, set a new password, confirm a repeated
 * sign-up, join a team). Only the inbox may see their link: no mailbox on the site and no API answer shows them, the outbox keeps
 * their token sealed until it is sent and then erases it, and without SMTP the link goes to the server log.
 */
export const PROOF_EMAIL_KINDS = ['verify_email', 'password_reset', 'signup_confirm', 'team_invitation'] as const;
export type ProofEmailKind = (typeof PROOF_EMAIL_KINDS)[number];

/**
 * Queues a proof email whose body carries `LINK_TOKEN` where the token goes. It counts toward the recipient's
 * hourly cap: whoever asked for it has not proven they own the address (that is what the link is for).
 */
export async function queueProofEmail(
  db: Db,
  email: NewEmail & { kind: ProofEmailKind },
  token: string,
  secretKey: string,
  now: Date,
): Promise<void> {
  await insertEmails(db, [
    { ...email, link_token_sealed: sealLinkToken(secretKey, token), cap_counted_at: now.toISOString() },
  ]);
}
