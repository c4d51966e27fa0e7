import { type Sealer, sealer } from '../crypto/seal.js';

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

const sealers = new Map<string, Sealer>();
const sealerFor = (secret: string) => {
  let found = sealers.get(secret);
  if (!found) {
    found = sealer(secret, 'email-link-token');
    sealers.set(secret, found);
  }
  return found;
};

export function sealLinkToken(secret: string, token: string): string {
  return sealerFor(secret).seal(token);
}

/** The token, or undefined when it was sealed under another secret or tampered with. */
export function openLinkToken(secret: string, sealed: string): string | undefined {
  return sealerFor(secret).open(sealed);
}

/** A stored body with the token filled in (or blanked with a hint, for readers who must not have it). */
export function fillLinkToken(body: string, token: string | undefined): string {
  return body.replaceAll(LINK_TOKEN, token === undefined ? 'hidden' : encodeURIComponent(token));
}
