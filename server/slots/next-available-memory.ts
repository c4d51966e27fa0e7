import type { NextAvailableAnswer } from './next-available.js';
import type { SlotsVersions } from './slots-versions.js';

/** A remembered "next available" of one business. */
export interface RememberedNextAvailable extends NextAvailableAnswer {
  /** The business's version taken before its data was read: any later change of it makes the answer stale. */
  version: number;
  /** Wall-clock (monotonic) birth, for the age limit. */
  bornAt: number;
}

export interface NextAvailableMemoryOptions {
  /** The slots cache's versions: the same changes make both stale. */
  versions: SlotsVersions;
  /** Longest life of an answer, whatever happens: the bound on staleness for changes the versions cannot see. */
  maxAgeMs?: number;
  /** Bounds memory: the least recently used answers go first. An answer is a few numbers (and its busy times). */
  maxEntries?: number;
  /** A monotonic clock in ms (tests). */
  clock?: () => number;
}

export interface NextAvailableMemory {
  /** Each business's current version: a page's in one read (none on SQLite), taken before any of its data. */
  versionsOf(providerIds: readonly number[]): Promise<Map<number, number>>;
  /** The business's answer, unless it changed after `version` was taken for the answer or the answer is too old. */
  get(providerId: number, version: number): RememberedNextAvailable | undefined;
  /** Remembers an answer computed from data read after `version` was taken; its age counts from now. */
  set(providerId: number, answer: NextAvailableAnswer, version: number): void;
  readonly size: number;
}

/**
 * The directory's "next available" per business, so a page of businesses already seen costs lookups, not a load of
 * their hours and bookings and a computation (next-available-cached.ts checks `now` and the busy times).
 */
export function createNextAvailableMemory(options: NextAvailableMemoryOptions): NextAvailableMemory {
  const { versions } = options;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const clock = options.clock ?? (() => performance.now());
  const answers = new Map<number, RememberedNextAvailable>();
  return {
    versionsOf: (providerIds) => versions.changedAtOf(providerIds),
    get(providerId, version) {
      const answer = answers.get(providerId);
      if (!answer) return undefined;
      answers.delete(providerId);
      if (clock() - answer.bornAt > maxAgeMs || version > answer.version) return undefined;
      // Re-inserted, so the Map's order is least recently used first.
      answers.set(providerId, answer);
      return answer;
    },
    set(providerId, answer, version) {
      // A slower request computed from older data than the answer already here: keep the newer.
      if ((answers.get(providerId)?.version ?? -1) > version) return;
      answers.delete(providerId);
      answers.set(providerId, { ...answer, version, bornAt: clock() });
      while (answers.size > maxEntries) answers.delete(answers.keys().next().value!);
    },
    get size() {
      return answers.size;
    },
  };
}
