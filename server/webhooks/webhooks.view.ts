import { eventsOf } from './endpoints.repository.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './webhooks.table.js';

/** An endpoint as the admin API shows it: never its secret (only the answers that create one show that, once). */
export const endpointView = (row: WebhookEndpointRow, now: Date) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: eventsOf(row),
  enabled: row.enabled === 1,
  failureCount: row.failure_count,
  failingSince: row.failing_since,
  /** Set when it was disabled for persistent failure. */
  disabledAt: row.disabled_at,
  /** Until when the secret before the last rotation still signs too. */
  previousSecretUntil:
    row.previous_secret_until && row.previous_secret_until > now.toISOString() ? row.previous_secret_until : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const deliveryView = (row: WebhookDeliveryRow) => ({
  id: row.id,
  eventId: row.event_id,
  type: row.event_type,
  status: row.status,
  attempts: row.attempts,
  statusCode: row.last_status_code,
  durationMs: row.last_duration_ms,
  error: row.last_error,
  lastAttemptAt: row.last_attempt_at,
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
  deliveredAt: row.delivered_at,
  createdAt: row.created_at,
});
