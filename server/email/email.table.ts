import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../auth/auth.table.js';
import type { CreatedAt, Instant } from '../db/columns.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface EmailOutboxTable {
  id: Generated<number>;
  appointment_id: number | null;
  to_user_id: number | null;
  to_address: string;
  kind: string;
  subject: string;
  html: string;
  text: string;
  ics: string | null;
  message_id: string;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  last_error: string | null;
  sent_at: Instant | null;
  created_at: CreatedAt;
  /** Whose copy this is: decides the wording and who may read it. */
  to_role: Role;
  /** Set for emails that must exist at most once (a reminder per appointment time and recipient). */
  dedupe_key: string | null;
  /** The worker pass holding the lease: it alone may record the outcome. */
  claimed_by: string | null;
  /** How it went out: over SMTP, or into the built-in mailbox only (no SMTP_URL). */
  transport: 'smtp' | 'mailbox' | null;
  /** An account link's token (address proof), sealed like manage tokens; erased once the email is sent. */
  link_token_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when someone who has not proven they own the address caused this email: it counts toward the hourly cap. */
  cap_counted_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** `Reply-To`, only for an address the product knows belongs to the person (see compose.ts). */
  reply_to: string | null;
  /**
   * An appointment email's facts (JSON, see draft.ts) until it is sent; `subject`, `html`, `text` and `ics` are
   * empty until then, and hold what was sent from then on.
   */
  draft: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An appointment's manage token, sealed with the server's secret, for links in later emails. */
export interface EmailLinkTokensTable {
  appointment_id: number;
  token_sealed: string;
}

export type EmailRow = Selectable<EmailOutboxTable>;
export type NewEmail = Insertable<EmailOutboxTable>;
