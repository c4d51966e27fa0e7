import type { Db } from '../db/connect.js';
import { type TextQuery, textMatches } from '../db/text-search.js';
import { withWriteLock } from '../db/transaction.js';
import type { Vocabulary } from './search-query.js';
import { documentTerms } from './search-terms.js';

/** The vocabulary, read once per database and index version. */
const vocabularies = new WeakMap<Db, { version: number; terms: Promise<Vocabulary> }>();

/** Businesses re-indexed per statement: a whole directory marked stale (a migration) stays within bind limits. */
const BATCH = 500;

/**
 * Re-indexes the businesses that triggers marked stale (migrations 0070 and 0119) and raises the index's version.
 * Read and write under the write lock, so a change made meanwhile marks its business stale again rather than being
 * lost, and two instances never re-index at once. Returns the version the index is at.
 */
async function reindexStale(db: Db): Promise<number> {
  return withWriteLock(db, async (trx) => {
    let changed = false;
    for (;;) {
      const ids = (await trx.selectFrom('search_stale').select('provider_id').limit(BATCH).execute()).map(
        (r) => r.provider_id,
      );
      if (ids.length === 0) break;
      changed = true;
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
      const rows = providers.map((p) => {
        const offered = services.filter((s) => s.provider_id === p.id).map((s) => s.name);
        return { rowid: p.id, terms: documentTerms({ ...p, services: offered }) };
      });
      if (rows.length > 0) await trx.insertInto('provider_search').values(rows).execute();
      await trx.deleteFrom('search_stale').where('provider_id', 'in', ids).execute();
    }
    if (changed)
      await trx
        .updateTable('search_version')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', 1)
        .execute();
    const row = await trx.selectFrom('search_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
    return row.version;
  });
}

/**
 * Brings the index up to date and returns its distinct terms, sorted: what a misspelt word is corrected towards.
 * Most searches find nothing stale and the vocabulary's version unchanged, which costs one small query; the
 * version tells an instance that another re-indexed since it read the vocabulary.
 */
export async function refreshedVocabulary(db: Db): Promise<Vocabulary> {
  const state = await db
    .selectFrom('search_version')
    .select((eb) => ['version', eb.exists(eb.selectFrom('search_stale').select('provider_id')).as('stale')])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const version = state.stale ? await reindexStale(db) : state.version;
  const cached = vocabularies.get(db);
  if (cached?.version === version) return cached.terms;
  const terms = db
    .selectFrom('provider_search_vocab')
    .select('term')
    .orderBy('term')
    .execute()
    .then((rows) => rows.map((r) => r.term));
  vocabularies.set(db, { version, terms });
  return terms;
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
