import { describe, expect, it } from 'vitest';
import { bodyHolds, createSlotsCache, type SlotsEntry, weightOf } from './slots-cache.js';

const entry = (providerId: number, version: number, patch: Partial<SlotsEntry> = {}): Omit<SlotsEntry, 'bornAt'> => ({
  providerId,
  version,
  busyReads: [{ memberId: 1, window: { start: 0, end: 86_400_000 } }],
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

  it('keeps its answers under maxBytes by their weight, the least recently used going first', async () => {
    const heavy = (providerId: number) =>
      entry(providerId, 0, { body: new Uint8Array(10_000) as Uint8Array<ArrayBuffer> });
    const weight = weightOf(heavy(1));
    const cache = createSlotsCache({ maxBytes: weight * 3 });
    for (const id of [1, 2, 3]) cache.set(`q${id}`, heavy(id));
    await cache.get('q1'); // q2 is now the least recently used
    cache.set('q4', heavy(4));
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(weight * 3);
    expect(await cache.get('q2')).toBeUndefined();
    expect(await cache.get('q1')).toBeDefined();
    // Replacing an answer counts it once; an answer heavier than the whole bound is still kept alone.
    cache.set('q1', heavy(1));
    expect(cache.bytes).toBe(weight * 3);
    cache.set('huge', entry(9, 0, { body: new Uint8Array(weight * 4) as Uint8Array<ArrayBuffer> }));
    expect(cache.size).toBe(1);
    expect(await cache.get('huge')).toBeDefined();
  });

  it('weighs an answer by its body and the busy times kept to check it', () => {
    const light = weightOf(entry(1, 0));
    const busy = Array.from({ length: 100 }, (_, i) => ({ start: i, end: i + 1 }));
    expect(weightOf(entry(1, 0, { busy: [busy] })) - light).toBe(100 * 80);
    expect(weightOf(entry(1, 0, { body: new Uint8Array(1_000) as Uint8Array<ArrayBuffer> })) - light).toBe(
      1_000 - entry(1, 0).body.byteLength,
    );
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
