/** Businesses whose index text is out of date (written by triggers, see migrations 0070 and 0119). */
export interface SearchStaleTable {
  provider_id: number;
}

/**
 * The full-text index (FTS5 on SQLite, a table with a generated `tsvector` on PostgreSQL): `rowid` is the provider's
 * id, `terms` its index text (server/search/search-terms.ts).
 */
export interface ProviderSearchTable {
  rowid: number;
  terms: string;
}

/** The distinct terms of `provider_search` (fts5vocab `row` on SQLite, a `ts_stat` view on PostgreSQL). */
export interface ProviderSearchVocabTable {
  term: string;
  doc: number;
  cnt: number;
}

/** One row (`id` 1): how many times the index was rebuilt for stale businesses (migration 0120). */
export interface SearchVersionTable {
  id: number;
  version: number;
}
