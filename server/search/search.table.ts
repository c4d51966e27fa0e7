/** Businesses whose index text is out of date (written by triggers, see migration 0070). */
export interface SearchStaleTable {
  provider_id: number;
}

/** FTS5 table: `rowid` is the provider's id, `terms` its index text (server/search/search-terms.ts). */
export interface ProviderSearchTable {
  rowid: number;
  terms: string;
}

/** FTS5's vocabulary of `provider_search` (fts5vocab, `row`): one row a distinct term. */
export interface ProviderSearchVocabTable {
  term: string;
  doc: number;
  cnt: number;
}
