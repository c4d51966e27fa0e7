import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.js';
import { outboxClaims } from '../outbox/claim.js';
import type { WebhookDeliveriesTable, WebhookDeliveryRow } from './webhooks.table.js';

export type NewDelivery = Pick<
  Insertable<WebhookDeliveriesTable>,
  'endpoint_id' | 'event_id' | 'event_type' | 'payload'
>;

/** Queues deliveries due now; one that exists already for its (endpoint, event) is skipped, so each goes once. */
export async function insertDeliveries(db: Db, rows: readonly NewDelivery[], now: Date): Promise<WebhookDeliveryRow[]> {
  if (!rows.length) return [];
  const iso = now.toISOString();
  return db
    .insertInto('webhook_deliveries')
    .values(rows.map((row) => ({ ...row, status: 'pending' as const, next_attempt_at: iso, created_at: iso })))
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
    .returningAll()
    .execute();
}

/**
 * The delivery outbox's claim (server/outbox/claim.ts): due deliveries of enabled endpoints, and those of a worker
 * that died; each claim counts as an attempt. An outcome is recorded only by the pass holding the lease.
 */
export const deliveryClaims = outboxClaims({
  table: 'webhook_deliveries',
  waiting: 'pending',
  working: 'sending',
  due: (eb) =>
    eb.exists(
      eb
        .selectFrom('webhook_endpoints')
        .select('webhook_endpoints.id')
        .whereRef('webhook_endpoints.id', '=', 'webhook_deliveries.endpoint_id')
        .where('webhook_endpoints.enabled', '=', 1),
    ),
});

/** A disabled endpoint's waiting deliveries are given up (the log shows them; "Redeliver" sends one again). */
export async function failWaitingDeliveries(db: Db, endpointId: number, error: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: error, lease_until: null, claimed_by: null })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

export async function listDeliveries(db: Db, endpointId: number, limit: number): Promise<WebhookDeliveryRow[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** A finished delivery (delivered or failed) goes again, due now, under its same `Webhook-Id`. */
export async function redeliver(
  db: Db,
  endpointId: number,
  id: number,
  now: Date,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString() })
    .where('id', '=', id)
    .where('endpoint_id', '=', endpointId)
    .where('status', 'in', ['delivered', 'failed'])
    .returningAll()
    .executeTakeFirst();
}

export async function findDelivery(db: Db, endpointId: number, id: number): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', id)
    .where('endpoint_id', '=', endpointId)
    .executeTakeFirst();
}
