import type { Interval, SlotsChanged } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { BusyRead } from './availability.loader.js';
import { sameBusy } from './busy-of-members.js';
import { createNextAvailableMemory, type NextAvailableMemory } from './next-available-memory.js';
import { localSlotsVersions, type SlotsVersions } from './slots-versions.js';

/**
 * One cached answer of `GET /api/providers/:slug/slots`: the JSON body, good for a window of `now` while its
 * business is unchanged and its members' calendar busy times (read fresh on every request) are those it was
 * computed with. The data it was computed from is not kept: a month of a busy business's appointments is a
 * thousand small objects, and a cache churning through them left V8's heap three times its live size
 * (bench/README.md, memory); an answer that no longer holds is computed again, as it would be within a minute.
 */
export interface SlotsEntry {
  providerId: number;
  /** `version()` taken before the first read of the data: any change after it makes the entry stale. */
  version: number;
  /** Each member asked about (one, or every performer for "any"): the busy times to read. */
  busyReads: BusyRead[];
  /** The JSON answer as the bytes sent, so a repeated question costs no serialising. */
  body: Uint8Array<ArrayBuffer>;
  /** Strong validator of `body` (its hash): equal bodies, equal tags, whenever computed. */
  etag: string;
  /** The busy times `body` was computed with, one list per member. */
  busy: Interval[][];
  /** `body` holds while the app clock is in [validFrom, validUntil]. */
  validFrom: number;
  validUntil: number;
  /** Wall-clock (monotonic) birth, for the age limit. */
  bornAt: number;
}

export interface SlotsCacheOptions {
  /** Where changes are counted (default: this process's memory, see slots-versions.ts). */
  versions?: SlotsVersions;
  /** Longest life of an entry, whatever happens: the bound on staleness for changes the cache cannot see. */
  maxAgeMs?: number;
  /** Bounds the number of answers: the least recently used go first. */
  maxEntries?: number;
  /**
   * Bounds memory (default 48 MB): the least recently used answers go first once their weight ({@link weightOf})
   * passes it. A busy provider's month weighs ~35 KB, a quiet one's a few KB.
   */
  maxBytes?: number;
  /** Bounds the directory's remembered "next available" times, one per business (default 10,000). */
  maxNextAvailable?: number;
  /** A monotonic clock in ms (tests). */
  clock?: () => number;
}

export interface SlotsCache {
  /** The directory's "next available" time per business, stale with the same versions as the slots answers. */
  readonly nextAvailable: NextAvailableMemory;
  /** The version to store an entry with: taken before the first read of the data of the business `slug` names. */
  version(slug: string): Promise<number>;
  get(key: string): Promise<SlotsEntry | undefined>;
  /** Stores an entry; its age counts from now. */
  set(key: string, entry: Omit<SlotsEntry, 'bornAt'>): void;
  /** Call once a write that can change this provider's slots has committed, and await it before answering. */
  invalidateProvider: SlotsChanged;
  /**
   * Bumps the provider of every appointment change, inside its transaction: an appointment listener (app.ts wires
   * it; slots need not know the bookings feature).
   */
  appointmentListener: (trx: Db, event: { providerId: number }) => Promise<void>;
  readonly size: number;
  /** The entries' summed {@link weightOf}. */
  readonly bytes: number;
}

/**
 * Remembers slot answers per (slug, service, staff, dates, zone) so that a popular booking page costs a lookup, not a
 * load of the provider's appointments and a computation.
 *
 * Correctness rests on versions (slots-versions.ts): bumped for a provider by each of its appointment changes
 * (inside the transaction) and by each write of its hours, services, rules or profile once that write is done (see
 * {@link SlotsChanged}): nothing else, so a request to an unknown route or a review leaves every answer cached. An
 * entry records the version before its first read and is stale once its provider changed after that. Calendar busy
 * times are not cached at all; `now` only moves the body's window (the first slot falls under the notice period;
 * the horizon moves). With versions in the database every instance on it sees every change at once; `maxAgeMs`
 * bounds anything else.
 */
export function createSlotsCache(options: SlotsCacheOptions = {}): SlotsCache {
  const versions = options.versions ?? localSlotsVersions();
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const maxBytes = options.maxBytes ?? 48 * 1024 * 1024;
  const clock = options.clock ?? (() => performance.now());
  const entries = new Map<string, SlotsEntry & { weight: number }>();
  let bytes = 0;
  const evict = () => {
    while (entries.size > maxEntries || (bytes > maxBytes && entries.size > 1)) remove(entries.keys().next().value!);
  };
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.weight;
  };

  return {
    nextAvailable: createNextAvailableMemory({
      versions,
      maxAgeMs,
      clock,
      ...(options.maxNextAvailable !== undefined && { maxEntries: options.maxNextAvailable }),
    }),
    version: (slug) => versions.before(slug),
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (clock() - entry.bornAt > maxAgeMs || (await versions.changedAt(entry.providerId)) > entry.version) {
        if (entries.get(key) === entry) remove(key);
        return undefined;
      }
      // Re-inserted, so the Map's order is least recently used first (unless another request replaced it meanwhile).
      if (entries.get(key) === entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(key, entry) {
      remove(key);
      const weight = weightOf(entry);
      entries.set(key, { ...entry, bornAt: clock(), weight });
      bytes += weight;
      evict();
    },
    invalidateProvider: (providerId) => versions.changed(providerId),
    appointmentListener: (trx, event) => versions.changed(event.providerId, trx),
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

/** Bytes a V8 heap spends on one small object of numbers (an interval): measured, roughly. */
const OBJECT_BYTES = 80;

/** What an entry costs in memory, near enough to bound it: the body's bytes plus one small object per interval. */
export function weightOf(entry: Pick<SlotsEntry, 'body' | 'busyReads' | 'busy'>): number {
  let objects = entry.busyReads.length;
  for (const list of entry.busy) objects += list.length;
  return entry.body.byteLength + objects * OBJECT_BYTES;
}

/** The entry's body still answers at `now` with these busy times (one list per member). */
export function bodyHolds(entry: SlotsEntry, now: number, busy: readonly (readonly Interval[])[]): boolean {
  return (
    now >= entry.validFrom &&
    now <= entry.validUntil &&
    entry.busy.length === busy.length &&
    entry.busy.every((list, i) => sameBusy(list, busy[i]!))
  );
}
