import type { Updateable } from 'kysely';
import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import type { WebhookEndpointRow, WebhookEndpointsTable } from './webhooks.table.js';

export async function listEndpoints(db: Db, providerId: number): Promise<WebhookEndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('provider_id', '=', providerId).orderBy('id').execute();
}

/** One of the business's endpoints; another business's is as absent as a missing one. */
export async function findEndpoint(db: Db, providerId: number, id: number): Promise<WebhookEndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
}

export async function insertEndpoint(
  db: Db,
  endpoint: { providerId: number; url: string; description: string; events: string[]; secretSealed: string },
  now: Date,
): Promise<WebhookEndpointRow> {
  return db
    .insertInto('webhook_endpoints')
    .values({
      provider_id: endpoint.providerId,
      url: endpoint.url,
      description: endpoint.description,
      events: JSON.stringify(endpoint.events),
      secret_sealed: endpoint.secretSealed,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateEndpoint(
  db: Db,
  providerId: number,
  id: number,
  changes: Omit<Updateable<WebhookEndpointsTable>, 'id' | 'provider_id'>,
  now: Date,
): Promise<WebhookEndpointRow | undefined> {
  return db
    .updateTable('webhook_endpoints')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .returningAll()
    .executeTakeFirst();
}

/** The business's enabled endpoints that subscribed to `type`. */
// Asked on every change of an appointment (the webhook listener): built once (server/db/prepared.ts).
const enabledEndpoints = preparedQuery((db: Db, p: { providerId: number }) =>
  db.selectFrom('webhook_endpoints').selectAll().where('provider_id', '=', p.providerId).where('enabled', '=', 1),
);

export async function subscribedEndpoints(db: Db, providerId: number, type: string): Promise<WebhookEndpointRow[]> {
  const rows = await enabledEndpoints.execute(db, { providerId });
  return rows.filter((row) => eventsOf(row).includes(type));
}

export const eventsOf = (row: WebhookEndpointRow): string[] => JSON.parse(row.events) as string[];

/** A delivered attempt: the endpoint is healthy again. */
export async function recordEndpointSuccess(db: Db, id: number): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ failure_count: 0, failing_since: null })
    .where('id', '=', id)
    .where('failure_count', '>', 0)
    .execute();
}

/** A failed attempt: counted, and the endpoint as it is now. */
export async function recordEndpointFailure(db: Db, id: number, now: Date): Promise<WebhookEndpointRow | undefined> {
  return db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      failure_count: eb('failure_count', '+', 1),
      failing_since: eb.fn.coalesce('failing_since', eb.val(now.toISOString())),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Disables an endpoint that is still enabled; false when another pass did it first. */
export async function disableFailingEndpoint(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ enabled: 0, disabled_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
