import { createHmac, randomBytes, randomUUID } from 'node:crypto';

/**
 * Signing as the Standard Webhooks spec has it (https://www.standardwebhooks.com/, docs/webhooks.md): the secret is
 * `whsec_` and base64 key bytes; a signature is `v1,` and the base64 HMAC-SHA256 of `<id>.<timestamp>.<body>`.
 */
const PREFIX = 'whsec_';

export const newSecret = (): string => `${PREFIX}${randomBytes(24).toString('base64')}`;

/** A message id for `Webhook-Id`: one per event, shared by its endpoints and every attempt. */
export const newEventId = (): string => `msg_${randomUUID().replaceAll('-', '')}`;

export function signature(secret: string, id: string, timestampS: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampS}.${body}`).digest('base64')}`;
}

/**
 * The request headers. With several secrets (during a rotation) `Webhook-Signature` lists one signature each,
 * separated by spaces, which the spec lets receivers accept when any one matches.
 */
export function signedHeaders(secrets: readonly string[], id: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'Content-Type': 'application/json',
    'Webhook-Id': id,
    'Webhook-Timestamp': String(timestamp),
    'Webhook-Signature': secrets.map((secret) => signature(secret, id, timestamp, body)).join(' '),
  };
}
