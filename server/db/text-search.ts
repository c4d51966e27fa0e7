import { type RawBuilder, sql } from 'kysely';
import { isPostgres } from './dialect.js';

type SomeDb = Parameters<typeof isPostgres>[0];

/** One typed word: any term that starts with `prefix`, or any of `terms` exactly. */
export interface TextAlternatives {
  prefix: string;
  terms: readonly string[];
}

/** A text query: `all` its words must match, or `any` one of them. */
export interface TextQuery {
  words: readonly TextAlternatives[];
  mode: 'all' | 'any';
}

// Terms are letters and digits only (server/search/search-terms.ts `words`), so neither quoting can be broken out
// of; the quotes are doubled anyway, as each syntax asks.
const fts5Term = (term: string) => `"${term.replaceAll('"', '""')}"`;
const tsTerm = (term: string) => `'${term.replaceAll("'", "''")}'`;

/** The query in FTS5's MATCH syntax: `("hair"* OR "hair" OR "zzsynhair") AND (…)`. */
function fts5(query: TextQuery): string {
  const word = (w: TextAlternatives) => `(${[`${fts5Term(w.prefix)}*`, ...w.terms.map(fts5Term)].join(' OR ')})`;
  return query.words.map(word).join(query.mode === 'all' ? ' AND ' : ' OR ');
}

/** The query in PostgreSQL's tsquery syntax: `('hair':* | 'hair' | 'zzsynhair') & (…)`. */
function tsquery(query: TextQuery): string {
  const word = (w: TextAlternatives) => `(${[`${tsTerm(w.prefix)}:*`, ...w.terms.map(tsTerm)].join(' | ')})`;
  return query.words.map(word).join(query.mode === 'all' ? ' & ' : ' | ');
}

/**
 * The condition "this row of `table` matches the query", on its full-text index: FTS5's MATCH on SQLite, the
 * `document` tsvector's GIN index on PostgreSQL (migrations 0070 and 0119 make both, under one table name).
 */
export function textMatches(db: SomeDb, table: string, query: TextQuery): RawBuilder<boolean> {
  return isPostgres(db)
    ? sql<boolean>`${sql.ref(`${table}.document`)} @@ to_tsquery('simple', ${tsquery(query)})`
    : sql<boolean>`${sql.table(table)} match ${fts5(query)}`;
}
