import { sealer } from '../crypto/seal.js';
import type { WebhookEndpointRow } from './webhooks.table.js';

/** After a rotation the old secret signs alongside the new one this long, so receivers can switch without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export const webhookSecrets = (secretKey: string) => sealer(secretKey, 'webhook-secret');

/** The secrets a delivery is signed with now: the current one, and the previous one during its overlap. */
export function signingSecrets(secretKey: string, endpoint: WebhookEndpointRow, now: Date): string[] {
  const secrets = webhookSecrets(secretKey);
  const current = secrets.open(endpoint.secret_sealed);
  if (current === undefined) throw new Error(`webhook endpoint #${endpoint.id}: its secret does not open`);
  const previous =
    endpoint.previous_secret_sealed &&
    endpoint.previous_secret_until &&
    endpoint.previous_secret_until > now.toISOString()
      ? secrets.open(endpoint.previous_secret_sealed)
      : undefined;
  return previous === undefined ? [current] : [current, previous];
}
