import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { CATEGORY_SYNONYMS } from './synonyms.js';

/** The directory's languages: a word is indexed and looked up under its stem in each, as nobody says which. */
const STEMMERS = [english, german, portuguese];

/** Index token of a synonym group: letters only, so FTS5's tokenizer keeps it whole, and no real word. */
export const groupToken = (group: string): string => `zzsyn${group}`;

/** Lower case, accents off ("Zoë" → "zoe", "Dentária" → "dentaria", "Zahnärzte" → "zahnarzte"), words only. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A word and its stems in every language, without repeats. */
export function forms(word: string): string[] {
  return [...new Set([word, ...STEMMERS.map((stem) => stem(word))])];
}

/**
 * Every form of every synonym → the groups it belongs to. Made by the first search rather than at start-up: the
 * stemmers take a while over a few hundred words (docs/operations.md, production start).
 */
let groupsByForm: Map<string, Set<string>> | undefined;

function synonymForms(): Map<string, Set<string>> {
  if (groupsByForm) return groupsByForm;
  const map = new Map<string, Set<string>>();
  for (const [group, list] of Object.entries(CATEGORY_SYNONYMS))
    for (const form of list.flatMap(forms)) map.set(form, (map.get(form) ?? new Set()).add(group));
  groupsByForm = map;
  return map;
}

/** The synonym words themselves: a typo is also corrected towards them. */
export const SYNONYM_WORDS: readonly string[] = [...new Set(Object.values(CATEGORY_SYNONYMS).flat())];

/** The synonym groups a word belongs to, by any of its forms. */
export function groupsOf(word: string): string[] {
  return [...new Set(forms(word).flatMap((form) => [...(synonymForms().get(form) ?? [])]))];
}

/** What a business is indexed under. */
export interface SearchDocument {
  name: string;
  category: string;
  city: string;
  description: string;
  services: string[];
}

/**
 * The index text of a business: each word with its stems, plus a group token for each synonym group its
 * category or services name (what it offers, not what its description happens to mention).
 */
export function documentTerms(doc: SearchDocument): string {
  const all = words([doc.name, doc.category, doc.city, doc.description, ...doc.services].join(' '));
  const offers = words([doc.category, ...doc.services].join(' '));
  const groups = new Set(offers.flatMap(groupsOf));
  return [...new Set([...all.flatMap(forms), ...[...groups].map(groupToken)])].join(' ');
}
