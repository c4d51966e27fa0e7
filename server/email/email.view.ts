import type { Context } from 'hono';
import { z } from 'zod';
import type { EmailRow } from './email.table.js';
import { fillLinkToken } from './link-token.js';

/**
 * The body as its reader may see it: the customer's token filled in for the customer, blanked
 * ("hidden") for anyone else, such as the provider looking at the customer's copy.
 */
export function bodyFor(row: EmailRow, token: string | undefined) {
  return { html: fillLinkToken(row.html, token), text: fillLinkToken(row.text, token) };
}

export const mailboxEmailSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  appointmentId: z.number().int().nullable(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** `mailbox`: kept on this site only (no SMTP_URL); `smtp`: handed to the mail server. */
  transport: z.enum(['smtp', 'mailbox']).nullable(),
  hasInvitation: z.boolean(),
  /** Open only in a sandboxed frame: it is served with a `sandbox` CSP. */
  htmlUrl: z.string(),
  html: z.string(),
  text: z.string(),
});

export const adminEmailSchema = mailboxEmailSchema.extend({
  toRole: z.enum(['customer', 'provider']),
  messageId: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

/** The stored HTML of an email, served under a `sandbox` CSP. */
export const sandboxedHtmlDoc = { description: 'The HTML of the email', schema: z.string(), contentType: 'text/html' };

/** An email in a mailbox. Render `html` only in `<iframe sandbox srcdoc>` or through `htmlUrl`. */
export function mailboxEmail(
  row: EmailRow,
  body: { html: string; text: string },
  htmlUrl: string,
): z.output<typeof mailboxEmailSchema> {
  return {
    id: row.id,
    kind: row.kind,
    appointmentId: row.appointment_id,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    /** `mailbox`: "sent" only into the site's own mailbox (no SMTP_URL): nobody got it by email. */
    transport: row.transport,
    hasInvitation: row.ics !== null,
    htmlUrl,
    ...body,
  };
}

/** The provider's delivery log entry: who it went to and how delivery is going. */
export function adminEmail(
  row: EmailRow,
  body: { html: string; text: string },
  htmlUrl: string,
): z.output<typeof adminEmailSchema> {
  return {
    ...mailboxEmail(row, body, htmlUrl),
    toRole: row.to_role,
    messageId: row.message_id,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastError: row.last_error,
  };
}

/**
 * Serves stored email HTML so it can never act in our origin: CSP `sandbox` puts the document in
 * an opaque origin with scripts, forms and plugins off even when opened directly, and nothing
 * may load but inline styles and images (https://www.w3.org/TR/CSP3/#directive-sandbox). Only
 * popups are allowed, so a link opens as an ordinary page in a new tab.
 */
export function sandboxedHtml(c: Context, html: string): Response {
  c.header(
    'Content-Security-Policy',
    "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
  );
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'private, no-store');
  // Links (manage, review) open in a new tab, outside the sandbox, rather than inside the frame.
  return c.html(html.replace('<head>', '<head><base target="_blank">'));
}
