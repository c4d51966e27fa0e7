import { distance } from 'fastest-levenshtein';
import type { TextAlternatives, TextQuery } from '../db/text-search.js';
import { forms, groupsOf, groupToken, SYNONYM_WORDS, words } from './search-terms.js';

/** At most this many words of a query count; the rest of a pasted paragraph is ignored. */
const MAX_WORDS = 8;

/** The index's distinct terms, sorted (FTS5's vocabulary): what a query word may be corrected towards. */
export type Vocabulary = readonly string[];

/** How far a typed word may be from a real one: none for short words, where one letter is another word. */
const tolerance = (word: string): number => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);

function hasPrefix(vocabulary: Vocabulary, prefix: string): boolean {
  let low = 0;
  let high = vocabulary.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((vocabulary[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  return vocabulary[low]?.startsWith(prefix) ?? false;
}

/** Real words within the word's tolerance (index terms and synonyms), nearest first. */
export function corrections(word: string, vocabulary: Vocabulary, max = tolerance(word)): string[] {
  if (max === 0) return [];
  const scored: [string, number][] = [];
  for (const candidate of new Set([...vocabulary, ...SYNONYM_WORDS])) {
    if (Math.abs(candidate.length - word.length) > max || candidate.startsWith('zzsyn')) continue;
    const d = distance(word, candidate);
    if (d > 0 && d <= max) scored.push([candidate, d]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([candidate]) => candidate);
}

/** Everything one typed word may match: itself as a prefix, its stems, its synonyms' group, or what it misspells. */
function alternatives(word: string, vocabulary: Vocabulary): TextAlternatives {
  const groups = groupsOf(word);
  const exact = forms(word);
  const known = groups.length > 0 || hasPrefix(vocabulary, word) || exact.some((f) => hasPrefix(vocabulary, f));
  const fixes = known ? [] : corrections(word, vocabulary);
  const terms = new Set([
    ...exact,
    ...fixes.flatMap(forms),
    ...[...groups, ...fixes.flatMap(groupsOf)].map(groupToken),
  ]);
  return { prefix: word, terms: [...terms] };
}

/** The query's words (normalised), at most eight. */
export const queryWords = (q: string): string[] => words(q).slice(0, MAX_WORDS);

/**
 * The full-text query for a typed query: every word must match (as prefix, stem, synonym or correction), or one
 * with `any`. `null` when the query has no words at all (only punctuation): it matches nothing.
 */
export function matchExpression(q: string, vocabulary: Vocabulary, mode: 'all' | 'any' = 'all'): TextQuery | null {
  const list = queryWords(q);
  if (list.length === 0) return null;
  return { words: list.map((word) => alternatives(word, vocabulary)), mode };
}
