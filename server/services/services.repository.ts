import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import type { NewService, ServiceRow, ServiceUpdate } from './services.table.js';

export async function listActiveServices(db: Db, providerId: number): Promise<ServiceRow[]> {
  return db
    .selectFrom('services')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
}

/** Each provider's active services (id, price), in id order: for directory cards, one query for a page. */
export async function activeOffersOf(
  db: Db,
  providerIds: number[],
): Promise<Map<number, Pick<ServiceRow, 'id' | 'price_minor' | 'currency'>[]>> {
  const offers = new Map<number, Pick<ServiceRow, 'id' | 'price_minor' | 'currency'>[]>();
  if (providerIds.length === 0) return offers;
  const rows = await db
    .selectFrom('services')
    .select(['id', 'provider_id', 'price_minor', 'currency'])
    .where('provider_id', 'in', providerIds)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  for (const { provider_id, ...offer } of rows) offers.set(provider_id, [...(offers.get(provider_id) ?? []), offer]);
  return offers;
}

/** The first active service (lowest id) of each provider of a page of search results, in one query. */
export async function firstActiveServices(db: Db, providerIds: number[]): Promise<Map<number, ServiceRow>> {
  const rows = await db
    .selectFrom('services')
    .selectAll()
    .where('provider_id', 'in', providerIds)
    .where('active', '=', 1)
    .orderBy('provider_id')
    .orderBy('id')
    .execute();
  const first = new Map<number, ServiceRow>();
  for (const row of rows) if (!first.has(row.provider_id)) first.set(row.provider_id, row);
  return first;
}

export async function listServices(db: Db, providerId: number): Promise<ServiceRow[]> {
  return db.selectFrom('services').selectAll().where('provider_id', '=', providerId).orderBy('id').execute();
}

/** Scoped by provider: another provider's service id simply isn't found. */
export async function findService(db: Db, providerId: number, id: number): Promise<ServiceRow | undefined> {
  return serviceOf.executeTakeFirst(db, { providerId, id });
}

// On every booking and slots request: built once (server/db/prepared.ts).
const serviceOf = preparedQuery((db: Db, p: { providerId: number; id: number }) =>
  db.selectFrom('services').selectAll().where('provider_id', '=', p.providerId).where('id', '=', p.id),
);

export async function insertService(db: Db, values: NewService): Promise<ServiceRow> {
  return db.insertInto('services').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateService(
  db: Db,
  providerId: number,
  id: number,
  values: ServiceUpdate,
): Promise<ServiceRow | undefined> {
  return db
    .updateTable('services')
    .set(values)
    .where('provider_id', '=', providerId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function serviceHasAppointments(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom('appointments').select('id').where('service_id', '=', id).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function deleteService(db: Db, providerId: number, id: number): Promise<void> {
  await db.deleteFrom('services').where('provider_id', '=', providerId).where('id', '=', id).execute();
}
