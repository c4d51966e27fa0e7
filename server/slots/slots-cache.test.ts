import { describe, expect, it } from 'vitest';
import { input } from '../availability/availability.fixtures.js';
import { bodyHolds, createSlotsCache, type SlotsEntry } from './slots-cache.js';

const entry = (providerId: number, version: number, patch: Partial<SlotsEntry> = {}): Omit<SlotsEntry, 'bornAt'> => ({
  providerId,
  version,
  members: [{ memberId: 1, input: input(), classTimes: [] }],
  seats: 1,
  timeZone: 'Europe/Berlin',
  pageUrl: '/api/providers/p/slots?service=1&from=2026-12-01&to=2026-12-01&tz=Europe%2FBerlin',
  body: new TextEncoder().encode(`{"provider":${providerId}}`),
  etag: `"${providerId}"`,
  busy: [],
  validFrom: 1_000,
  validUntil: 2_000,
  ...patch,
});

describe('createSlotsCache', () => {
  it('keeps an entry until its provider changes after the version it was read at', async () => {
    const cache = createSlotsCache();
    const v = await cache.version('p');
    cache.set('a', entry(1, v));
    cache.set('b', entry(2, v));
    expect((await cache.get('a'))?.etag).toBe('"1"');
    await cache.invalidateProvider(2);
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('b')).toBeUndefined();
  });

  it('refuses an entry whose data was read before a change it did not see', async () => {
    const cache = createSlotsCache();
    const before = await cache.version('p'); // a request starts reading…
    await cache.invalidateProvider(1); // …a booking for the provider commits meanwhile…
    cache.set('a', entry(1, before)); // …and the request stores what it read
    expect(await cache.get('a')).toBeUndefined();
  });

  it('forgets entries older than maxAgeMs, and the least recently used beyond maxEntries', async () => {
    let t = 0;
    const cache = createSlotsCache({ maxAgeMs: 100, maxEntries: 2, clock: () => t });
    cache.set('a', entry(1, 0));
    cache.set('b', entry(2, 0));
    await cache.get('a'); // b is now the least recently used
    cache.set('c', entry(3, 0));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    t = 101;
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('never holds more than maxEntries answers, however many questions come', async () => {
    const cache = createSlotsCache({ maxEntries: 100 });
    for (let i = 0; i < 2_000; i++) {
      cache.set(`question-${i}`, entry(i % 300, await cache.version('p')));
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect(await cache.get('question-1999')).toBeDefined();
    expect(await cache.get('question-0')).toBeUndefined();
  });

  it('knows when a body still answers: inside its window of now and for the same busy times', () => {
    const stored = { ...entry(1, 0), bornAt: 0, busy: [[{ start: 5, end: 9 }], []] };
    expect(bodyHolds(stored, 1_500, [[{ start: 5, end: 9 }], []])).toBe(true);
    expect(bodyHolds(stored, 999, [[{ start: 5, end: 9 }], []])).toBe(false);
    expect(bodyHolds(stored, 2_001, [[{ start: 5, end: 9 }], []])).toBe(false);
    expect(bodyHolds(stored, 1_500, [[], []])).toBe(false);
    expect(bodyHolds(stored, 1_500, [[{ start: 5, end: 10 }], []])).toBe(false);
    // A busy time that moved from one member to another changes who is free.
    expect(bodyHolds(stored, 1_500, [[], [{ start: 5, end: 9 }]])).toBe(false);
  });
});
