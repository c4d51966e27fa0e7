import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The manage token exists in plaintext only while a booking is created (the appointment keeps
 * its hash). Emails sent later (reschedule, cancel, reminder, review request) must link to the
 * same booking without rotating the token, which would break the link in every earlier email
 * and in the customer's browser. So the outbox keeps the token sealed with AES-256-GCM under a
 * key derived from SECRET_KEY: a copy of the database alone yields no usable links.
 *
 * Stored email bodies carry `LINK_TOKEN` in place of the token; it is filled in when the email
 * is sent or shown to its recipient, and blanked in the provider's copy of the customer's email.
 * Account links (`proof-emails.ts`) use the same placeholder with their own sealed token, kept on the outbox row.
 */
export const LINK_TOKEN = '{{manage_token}}';

const VERSION = 'v1';

const keys = new Map<string, Buffer>();
const keyOf = (secret: string) => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = Buffer.from(hkdfSync('sha256', secret, 'book-your-services', 'email-link-token', 32))));
  return key;
};

export function sealLinkToken(secret: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The token, or undefined when it was sealed under another secret or tampered with. */
export function openLinkToken(secret: string, sealed: string): string | undefined {
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return undefined;
  const raw = Buffer.from(payload, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** A stored body with the token filled in (or blanked with a hint, for readers who must not have it). */
export function fillLinkToken(body: string, token: string | undefined): string {
  return body.replaceAll(LINK_TOKEN, token === undefined ? 'hidden' : encodeURIComponent(token));
}
