import type { NewEmail } from '../../server/email/email.table.js';

/** An email waiting in the outbox, due at `dueAt`, for tests of the claim itself (no appointment behind it). */
export const waitingEmail = (n: number, dueAt: Date): NewEmail => ({
  appointment_id: null,
  to_user_id: null,
  to_address: `customer${n}@example.com`,
  kind: 'confirmation',
  subject: `Email ${n}`,
  html: '<p>Hello</p>',
  text: 'Hello',
  ics: null,
  message_id: `<${n}@test>`,
  status: 'pending',
  next_attempt_at: dueAt.toISOString(),
  lease_until: null,
  last_error: null,
  sent_at: null,
  to_role: 'customer',
  dedupe_key: null,
  claimed_by: null,
  transport: null,
  reply_to: null,
});
