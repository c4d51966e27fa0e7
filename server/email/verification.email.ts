import { createVerificationToken } from '../auth/email-verification.js';
import type { Db } from '../db/connect.js';
import type { SessionUser } from '../http/app-env.js';
import { newMessageId } from './compose.js';
import type { NewEmail } from './email.table.js';
import { renderEmail } from './layout.js';
import { insertEmails } from './outbox.repository.js';

/** The "confirm your email" message, as an outbox row: the email worker delivers it like any other. */
export function verificationEmail(user: SessionUser, link: string, appUrl: string, now: Date): NewEmail {
  const content = renderEmail({
    subject: 'Confirm your email address',
    heading: 'Confirm your email',
    paragraphs: [
      `Hi ${user.name}, please confirm that ${user.email} is your address.`,
      user.role === 'customer'
        ? 'Once it is confirmed, bookings you made as a guest with this address appear in your account.'
        : 'Confirming it makes sure booking notifications reach you.',
      'The link works for 7 days. If you did not create an account, ignore this email.',
    ],
    details: [],
    actions: [{ label: 'Confirm my email', url: link }],
    footer: 'Book your services',
  });
  return {
    appointment_id: null,
    to_user_id: user.id,
    to_address: user.email,
    to_role: user.role,
    kind: 'verify_email',
    ...content,
    ics: null,
    message_id: newMessageId(appUrl),
    status: 'pending',
    next_attempt_at: now.toISOString(),
    dedupe_key: null,
  };
}

export interface VerificationEmailDeps {
  db: Db;
  now: () => Date;
  appUrl: string;
  secretKey: string;
}

/** Queues the verification email for a user (at signup, and on request: app.ts hands this to auth). */
export async function sendVerificationEmail(deps: VerificationEmailDeps, user: SessionUser): Promise<void> {
  const token = createVerificationToken(deps.secretKey, user, deps.now());
  const link = `${deps.appUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await insertEmails(deps.db, [verificationEmail(user, link, deps.appUrl, deps.now())]);
}
