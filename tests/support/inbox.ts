import type { Email } from 'postal-mime';
import { emailWorker } from './email.js';
import type { TestSmtp } from './smtp.js';
import type { TestContext } from './test-app.js';

/** Sends everything due in the outbox over real SMTP to the test server, as the running app would. */
export async function deliverOverSmtp(ctx: TestContext, smtp: TestSmtp): Promise<void> {
  const worker = emailWorker(ctx, { smtpUrl: smtp.url });
  await worker.runOnce();
  await worker.stop();
}

const recipients = (email: Email) => (email.to ?? []).map((a) => a.address?.toLowerCase());

/** The emails the SMTP server accepted for `to`, oldest first. */
export const inboxOf = (smtp: TestSmtp, to: string): Email[] => smtp.received.filter((e) => recipients(e).includes(to.toLowerCase()));

/**
 * The token of the newest link to `page` (`/verify-email`, `/reset-password`) in `to`'s real inbox, in an email
 * with this subject if given (the worker sends in parallel, so arrival order says little).
 */
export function tokenFromInbox(smtp: TestSmtp, to: string, page: string, subject?: string): string {
  const emails = inboxOf(smtp, to).filter((e) => subject === undefined || e.subject === subject);
  const links = emails.flatMap((e) => [...(e.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0])));
  const link = links.filter((url) => url.pathname === page).at(-1);
  const token = link?.searchParams.get('token');
  if (!token) throw new Error(`no ${page} link in the inbox of ${to}`);
  return token;
}
