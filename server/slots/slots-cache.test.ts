import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { input } from '../availability/availability.fixtures.js';
import { bodyHolds, createSlotsCache, type SlotsEntry } from './slots-cache.js';

const entry = (providerId: number, version: number, patch: Partial<SlotsEntry> = {}): Omit<SlotsEntry, 'bornAt'> => ({
  providerId,
  version,
  input: input(),
  timeZone: 'Europe/Berlin',
  body: `{"provider":${providerId}}`,
  busy: [],
  validFrom: 1_000,
  validUntil: 2_000,
  ...patch,
});

describe('createSlotsCache', () => {
  it('keeps an entry until its provider changes after the version it was read at', () => {
    const cache = createSlotsCache();
    const v = cache.version();
    cache.set('a', entry(1, v));
    cache.set('b', entry(2, v));
    expect(cache.get('a')?.body).toBe('{"provider":1}');
    cache.invalidateProvider(2);
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
  });

  it('refuses an entry whose data was read before a change it did not see', () => {
    const cache = createSlotsCache();
    const before = cache.version(); // a request starts reading…
    cache.invalidateProvider(1); // …a booking for the provider commits meanwhile…
    cache.set('a', entry(1, before)); // …and the request stores what it read
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops everything on invalidateAll, also entries stored later from older reads', () => {
    const cache = createSlotsCache();
    const before = cache.version();
    cache.set('a', entry(1, before));
    cache.invalidateAll();
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', entry(2, before));
    expect(cache.get('b')).toBeUndefined();
    cache.set('c', entry(2, cache.version()));
    expect(cache.get('c')).toBeDefined();
  });

  it('forgets entries older than maxAgeMs, and the least recently used beyond maxEntries', () => {
    let t = 0;
    const cache = createSlotsCache({ maxAgeMs: 100, maxEntries: 2, clock: () => t });
    cache.set('a', entry(1, 0));
    cache.set('b', entry(2, 0));
    cache.get('a'); // b is now the least recently used
    cache.set('c', entry(3, 0));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    t = 101;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('knows when a body still answers: inside its window of now and for the same busy times', () => {
    const stored = { ...entry(1, 0), bornAt: 0, busy: [{ start: 5, end: 9 }] };
    expect(bodyHolds(stored, 1_500, [{ start: 5, end: 9 }])).toBe(true);
    expect(bodyHolds(stored, 999, [{ start: 5, end: 9 }])).toBe(false);
    expect(bodyHolds(stored, 2_001, [{ start: 5, end: 9 }])).toBe(false);
    expect(bodyHolds(stored, 1_500, [])).toBe(false);
    expect(bodyHolds(stored, 1_500, [{ start: 5, end: 10 }])).toBe(false);
  });

  describe('invalidateOnWrites', () => {
    const appWith = () => {
      const cache = createSlotsCache();
      const bookingRoute = (path: string) => path.startsWith('/api/bookings');
      const app = new Hono().use(cache.invalidateOnWrites(bookingRoute)).all('*', (c) => (c.req.path === '/fail' ? c.text('no', 500) : c.text('ok')));
      cache.set('a', entry(1, cache.version()));
      return { cache, app };
    };

    it('leaves the cache alone for reads', async () => {
      const { cache, app } = appWith();
      for (const method of ['GET', 'HEAD', 'OPTIONS']) await app.request('/api/admin/schedule', { method });
      expect(cache.get('a')).toBeDefined();
    });

    it('clears it after any other request, whatever its outcome', async () => {
      for (const [method, path] of [['PUT', '/api/admin/schedule/weekly'], ['POST', '/admin/services'], ['DELETE', '/fail']] as const) {
        const { cache, app } = appWith();
        await app.request(path, { method });
        expect(cache.get('a'), `${method} ${path}`).toBeUndefined();
      }
    });

    it('leaves the routes it is told to skip to the appointment events, which name the provider', async () => {
      const { cache, app } = appWith();
      await app.request('/api/bookings', { method: 'POST' });
      expect(cache.get('a')).toBeDefined();
      await cache.appointmentListener(null, { providerId: 1 });
      expect(cache.get('a')).toBeUndefined();
    });
  });
});
