import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { NewProvider, ProviderRow, ProviderUpdate } from './providers.table.js';

export interface ProviderSearch {
  q?: string | undefined;
  category?: string | undefined;
  city?: string | undefined;
  limit: number;
  offset: number;
}

export interface ProviderListing extends ProviderRow {
  rating_average: number | null;
  rating_count: number;
}

/** `%`/`_` typed by a user are literal characters, not wildcards. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export async function searchProviders(db: Db, search: ProviderSearch): Promise<ProviderListing[]> {
  let query = db
    .selectFrom('providers')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('reviews')
          .select((r) => ['provider_id', r.fn.avg<number>('rating').as('average'), r.fn.countAll<number>().as('count')])
          .groupBy('provider_id')
          .as('ratings'),
      (join) => join.onRef('ratings.provider_id', '=', 'providers.id'),
    )
    .selectAll('providers')
    .select((eb) => [
      eb.ref('ratings.average').as('rating_average'),
      eb.fn.coalesce('ratings.count', sql<number>`0`).as('rating_count'),
    ]);

  if (search.category) query = query.where(sql`lower(providers.category)`, '=', search.category.toLowerCase());
  if (search.city) query = query.where(sql`lower(providers.city)`, '=', search.city.toLowerCase());
  // Every word must match somewhere (name, category, city, description or a service), so "barber hamburg" finds
  // the barber in Hamburg.
  for (const term of (search.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = likePattern(term);
    const matches = (column: string) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        matches('providers.name'),
        matches('providers.category'),
        matches('providers.city'),
        matches('providers.description'),
        eb.exists(
          eb
            .selectFrom('services')
            .select('services.id')
            .whereRef('services.provider_id', '=', 'providers.id')
            .where('services.active', '=', 1)
            .where(matches('services.name')),
        ),
      ]),
    );
  }
  return query.orderBy('providers.name').limit(search.limit).offset(search.offset).execute();
}

export async function findProviderBySlug(db: Db, slug: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('providers').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findProviderByUser(db: Db, userId: number): Promise<ProviderRow | undefined> {
  return db.selectFrom('providers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function ratingOf(db: Db, providerId: number): Promise<{ average: number | null; count: number }> {
  const row = await db
    .selectFrom('reviews')
    .select((eb) => [eb.fn.avg<number | null>('rating').as('average'), eb.fn.countAll<number>().as('count')])
    .where('provider_id', '=', providerId)
    .executeTakeFirstOrThrow();
  return { average: row.average === null ? null : Math.round(Number(row.average) * 10) / 10, count: Number(row.count) };
}

export async function insertProvider(db: Db, values: NewProvider): Promise<ProviderRow> {
  return db.insertInto('providers').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateProvider(db: Db, id: number, values: ProviderUpdate): Promise<ProviderRow> {
  return db.updateTable('providers').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function listCategoriesAndCities(db: Db): Promise<{ categories: string[]; cities: string[] }> {
  const [categories, cities] = await Promise.all([
    db.selectFrom('providers').select('category').distinct().where('category', '!=', '').orderBy('category').execute(),
    db.selectFrom('providers').select('city').distinct().where('city', '!=', '').orderBy('city').execute(),
  ]);
  return { categories: categories.map((r) => r.category), cities: cities.map((r) => r.city) };
}
