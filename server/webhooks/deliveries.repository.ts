import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/connect.js';
import { type Claim, outboxClaims } from '../outbox/claim.js';
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

/** The webhook outbox, claimed like every outbox (server/outbox/claim.ts); only enabled endpoints' rows are due. */
const deliveries = outboxClaims({
  table: 'webhook_deliveries',
  waiting: 'pending',
  working: 'sending',
  due: ({ exists, selectFrom }) =>
    exists(
      selectFrom('webhook_endpoints as e')
        .select('e.id')
        .whereRef('e.id', '=', 'webhook_deliveries.endpoint_id')
        .where('e.enabled', '=', 1),
    ),
});

/** Leases due deliveries to one worker pass: waiting ones, and those of a worker that died. */
export const claimDueDeliveries = (db: Db, claim: Claim): Promise<WebhookDeliveryRow[]> => deliveries.claim(db, claim);

/** Records an attempt's outcome, only for the pass holding the lease (a stale pass changes nothing). */
export const settleDelivery = (
  db: Db,
  id: number,
  claimId: string,
  outcome: Updateable<WebhookDeliveriesTable>,
): Promise<boolean> => deliveries.settle(db, id, claimId, outcome);

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
