import type { Context } from 'hono';
import type { EmailRow } from './email.table.js';
import { fillLinkToken } from './link-token.js';

/**
 * The body as its reader may see it: the customer's token filled in for the customer, blanked
 * ("hidden") for anyone else, such as the provider looking at the customer's copy.
 */
export function bodyFor(row: EmailRow, token: string | undefined) {
  return { html: fillLinkToken(row.html, token), text: fillLinkToken(row.text, token) };
}

/** An email in a mailbox. Render `html` only in `<iframe sandbox srcdoc>` or through `htmlUrl`. */
export function mailboxEmail(row: EmailRow, body: { html: string; text: string }, htmlUrl: string) {
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
export function adminEmail(row: EmailRow, body: { html: string; text: string }, htmlUrl: string) {
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
