import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
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
 * Leases up to `limit` due deliveries of enabled endpoints to one worker pass, like the email outbox
 * (server/email/delivery.repository.ts): waiting rows and rows whose lease ran out, each claim counted as an attempt,
 * under the write lock so that two instances on one PostgreSQL never lease a row twice.
 */
export async function claimDueDeliveries(
  db: Db,
  claim: { claimId: string; now: Date; leaseUntil: Date; limit: number },
): Promise<WebhookDeliveryRow[]> {
  const now = claim.now.toISOString();
  const rows = await withWriteLock(db, (trx) => {
    const due = trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select('d.id')
      .where('e.enabled', '=', 1)
      .where((eb) =>
        eb.or([
          eb.and([eb('d.status', '=', 'pending'), eb('d.next_attempt_at', '<=', now)]),
          eb.and([eb('d.status', '=', 'sending'), eb('d.lease_until', '<=', now)]),
        ]),
      )
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(claim.limit);
    return trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: 'sending',
        lease_until: claim.leaseUntil.toISOString(),
        claimed_by: claim.claimId,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  });
  return rows.sort((a, b) => a.id - b.id);
}

/** Records an attempt's outcome, only for the pass holding the lease (a stale pass changes nothing). */
export async function settleDelivery(
  db: Db,
  id: number,
  claimId: string,
  outcome: Updateable<WebhookDeliveriesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ ...outcome, lease_until: null, claimed_by: null })
    .where('id', '=', id)
    .where('claimed_by', '=', claimId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

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
