import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

export interface WebhookEndpointsTable {
  id: Generated<number>;
  provider_id: number;
  url: string;
  description: Generated<string>;
  /** The event types it subscribed to, as a JSON array. */
  events: string;
  /** The signing secret (`whsec_…`), sealed with SECRET_KEY. */
  secret_sealed: string;
  /** After a rotation: the secret before, still signing alongside until `previous_secret_until`. */
  previous_secret_sealed: string | null;
  previous_secret_until: Instant | null;
  enabled: Generated<number>;
  /** Failed attempts in a row (any delivery); a success resets it. */
  failure_count: Generated<number>;
  /** The first of those failed attempts. */
  failing_since: Instant | null;
  /** Set when it was disabled for persistent failure (null when disabled by hand). */
  disabled_at: Instant | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Instant, Instant | undefined, Instant>;
}

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  /** The `Webhook-Id`: the same on every attempt and redelivery, so a receiver can drop repeats. */
  event_id: string;
  event_type: string;
  /** The request body, fixed when the event happened. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  /** The worker pass holding the lease: it alone may record the outcome. */
  claimed_by: string | null;
  last_status_code: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  last_attempt_at: Instant | null;
  delivered_at: Instant | null;
  created_at: CreatedAt;
}

export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
