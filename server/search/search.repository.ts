import type { Db } from '../db/connect.js';
import { type TextQuery, textMatches } from '../db/text-search.js';
import { withWriteLock } from '../db/transaction.js';
import type { Vocabulary } from './search-query.js';
import { documentTerms } from './search-terms.js';

/** The vocabulary, read once per database and dropped whenever the index changes. */
const vocabularies = new WeakMap<Db, Promise<Vocabulary>>();

/**
 * Re-indexes the businesses that triggers marked stale (migration 0070), before a search reads the index. Most
 * searches find nothing stale and cost one indexed lookup. Read and write under the write lock, so a change made
 * meanwhile marks its business stale again rather than being lost.
 */
export async function refreshSearchIndex(db: Db): Promise<void> {
  if (!(await db.selectFrom('search_stale').select('provider_id').limit(1).executeTakeFirst())) return;
  await withWriteLock(db, async (trx) => {
    const ids = (await trx.selectFrom('search_stale').select('provider_id').execute()).map((r) => r.provider_id);
    if (ids.length === 0) return;
    const [providers, services] = await Promise.all([
      trx
        .selectFrom('providers')
        .select(['id', 'name', 'category', 'city', 'description'])
        .where('id', 'in', ids)
        .execute(),
      trx
        .selectFrom('services')
        .select(['provider_id', 'name'])
        .where('provider_id', 'in', ids)
        .where('active', '=', 1)
        .execute(),
    ]);
    await trx.deleteFrom('provider_search').where('rowid', 'in', ids).execute();
    for (const p of providers) {
      const offered = services.filter((s) => s.provider_id === p.id).map((s) => s.name);
      await trx
        .insertInto('provider_search')
        .values({ rowid: p.id, terms: documentTerms({ ...p, services: offered }) })
        .execute();
    }
    await trx.deleteFrom('search_stale').where('provider_id', 'in', ids).execute();
  });
  vocabularies.delete(db);
}

/** The index's distinct terms, sorted. */
export function searchVocabulary(db: Db): Promise<Vocabulary> {
  let vocabulary = vocabularies.get(db);
  if (!vocabulary) {
    vocabulary = db
      .selectFrom('provider_search_vocab')
      .select('term')
      .orderBy('term')
      .execute()
      .then((rows) => rows.map((r) => r.term));
    vocabularies.set(db, vocabulary);
  }
  return vocabulary;
}

/** The index rows a text query matches. */
const matching = (db: Db, query: TextQuery) =>
  db.selectFrom('provider_search').where(textMatches(db, 'provider_search', query));

/** Ids of the businesses a text query matches, as a subquery. */
export const matchingProviderIds = (db: Db, query: TextQuery) => matching(db, query).select('rowid');

/** How many businesses a text query matches: read from the index alone, no business row. */
export async function countMatches(db: Db, query: TextQuery): Promise<number> {
  const row = await matching(db, query)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
