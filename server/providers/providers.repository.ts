import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import { matchingProviderIds, refreshedVocabulary } from '../search/search.repository.js';
import { matchExpression } from '../search/search-query.js';
import type { NewProvider, ProviderRow, ProviderUpdate } from './providers.table.js';

export interface ProviderSearch {
  q?: string | undefined;
  category?: string | undefined;
  city?: string | undefined;
  /** `all` (default): every word of `q` matches; `any`: one is enough. */
  match?: 'all' | 'any';
  limit: number;
  offset: number;
}

export interface ProviderListing extends ProviderRow {
  rating_average: number | null;
  rating_count: number;
}

/**
 * Businesses the directory lists: open, and run by someone who confirmed their email address (an address nobody
 * proved cannot put a business in front of customers).
 */
const listed = (db: Db) =>
  db
    .selectFrom('providers')
    .innerJoin('users', 'users.id', 'providers.user_id')
    .where('users.email_verified_at', 'is not', null)
    .where('providers.closed_at', 'is', null);

/** More matches than this and a page walks the name index to its rows instead of sorting every match. */
const BROAD_MATCH = 100;

export async function searchProviders(db: Db, search: ProviderSearch): Promise<ProviderListing[]> {
  let query = listed(db).selectAll('providers');
  if (search.category) query = query.where(sql`lower(providers.category)`, '=', search.category.toLowerCase());
  if (search.city) query = query.where(sql`lower(providers.city)`, '=', search.city.toLowerCase());
  if (search.q?.trim()) {
    // Every word must match somewhere (name, category, city, description or a service), so "barber hamburg" finds
    // the barber in Hamburg; "any" is the looser search behind an empty result's suggestions.
    const expression = matchExpression(search.q, await refreshedVocabulary(db), search.match);
    if (expression === null) return [];
    // Neither planner can tell how many businesses a word matches. SQLite always starts from the matches: right for
    // a rare word, but a common one ("hair") then sorts a tenth of the directory for 20 rows; PostgreSQL may walk
    // the whole name index for a word that matches nothing. So the index is asked first, for up to 101 matches: a
    // narrow match is then looked up by id, and a broad one walks the name index (`+id` keeps SQLite off the id
    // lookup) and stops with the page.
    const found = await matchingProviderIds(db, expression)
      .limit(BROAD_MATCH + 1)
      .execute();
    if (found.length === 0) return [];
    query =
      found.length > BROAD_MATCH
        ? query.where(sql`+providers.id`, 'in', matchingProviderIds(db, expression))
        : query.where(
            'providers.id',
            'in',
            found.map((r) => r.rowid),
          );
  }
  const rows = await query.orderBy('providers.name').limit(search.limit).offset(search.offset).execute();
  const ratings = await ratingsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    rating_average: ratings.get(row.id)?.average ?? null,
    rating_count: ratings.get(row.id)?.count ?? 0,
  }));
}

/** The reviews' average and count of a page of businesses: those businesses' reviews only, never every review. */
async function ratingsOf(db: Db, providerIds: number[]): Promise<Map<number, { average: number; count: number }>> {
  if (providerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reviews')
    .select((eb) => ['provider_id', eb.fn.avg<number>('rating').as('average'), eb.fn.countAll<number>().as('count')])
    .where('provider_id', 'in', providerIds)
    .groupBy('provider_id')
    .execute();
  return new Map(rows.map((r) => [r.provider_id, { average: r.average, count: r.count }]));
}

/**
 * The open business at `slug`, or at a slug it had before a rename, so links and embeds already published keep
 * reaching it (compare `slug` of the row to tell). Closed businesses are not found.
 */
export async function findProviderById(db: Db, id: number): Promise<ProviderRow | undefined> {
  return db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
}

// Every booking and slots request starts here: built once (server/db/prepared.ts).
const providerAtSlug = preparedQuery((db: Db, p: { slug: string }) =>
  db.selectFrom('providers').selectAll().where('slug', '=', p.slug),
);

export async function findProviderBySlug(db: Db, slug: string): Promise<ProviderRow | undefined> {
  const current = await providerAtSlug.executeTakeFirst(db, { slug });
  const provider =
    current ??
    (await db
      .selectFrom('provider_slugs')
      .innerJoin('providers', 'providers.id', 'provider_slugs.provider_id')
      .selectAll('providers')
      .where('provider_slugs.slug', '=', slug)
      .executeTakeFirst());
  return provider?.closed_at === null ? provider : undefined;
}

/** Who holds `slug`, now or from before a rename, closed or not: nobody else may take it. */
export async function slugHolder(db: Db, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('providers')
    .select('id')
    .where('slug', '=', slug)
    .union(db.selectFrom('provider_slugs').select('provider_id as id').where('slug', '=', slug))
    .executeTakeFirst();
  return row?.id;
}

/** Renames a business, keeping the old slug as its alias (and dropping the new one from its aliases, if it was). */
export async function retireSlug(db: Db, providerId: number, oldSlug: string, newSlug: string): Promise<void> {
  await db.deleteFrom('provider_slugs').where('provider_id', '=', providerId).where('slug', '=', newSlug).execute();
  await db.insertInto('provider_slugs').values({ slug: oldSlug, provider_id: providerId }).execute();
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
    listed(db)
      .select('providers.category')
      .distinct()
      .where('providers.category', '!=', '')
      .orderBy('providers.category')
      .execute(),
    listed(db)
      .select('providers.city')
      .distinct()
      .where('providers.city', '!=', '')
      .orderBy('providers.city')
      .execute(),
  ]);
  return { categories: categories.map((r) => r.category), cities: cities.map((r) => r.city) };
}
