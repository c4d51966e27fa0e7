import type { Db } from '../db/connect.js';
import { corrections, queryWords } from '../search/search-query.js';
import { words } from '../search/search-terms.js';
import { listCategoriesAndCities, type ProviderListing, searchProviders } from './providers.repository.js';

/** What an empty search offers instead: a respelt query, businesses matching some of its words, and categories. */
export interface SearchSuggestions {
  /** The query with its misspelt words respelt, when that finds something. */
  didYouMean: string | null;
  /** Up to three businesses matching any one word, whatever the filters. */
  nearby: ProviderListing[];
  /** The directory's categories, to browse instead. */
  categories: string[];
}

/**
 * A search already forgives one or two letters; a suggestion may reach a letter further in long words, and only
 * towards words a customer would recognise (categories, cities, synonyms), never towards a stem.
 */
export async function searchSuggestions(db: Db, q: string): Promise<SearchSuggestions> {
  const [{ categories, cities }, nearby] = await Promise.all([
    listCategoriesAndCities(db),
    searchProviders(db, { q, match: 'any', limit: 3, offset: 0 }),
  ]);
  const known = words([...categories, ...cities].join(' '));
  const typed = queryWords(q);
  const respelt = typed.map((word) =>
    word.length < 4 ? word : (corrections(word, known, Math.floor(word.length / 3))[0] ?? word),
  );
  const candidate = respelt.join(' ');
  const found =
    candidate !== typed.join(' ') && (await searchProviders(db, { q: candidate, limit: 1, offset: 0 })).length > 0;
  return { didYouMean: found ? candidate : null, nearby, categories };
}
