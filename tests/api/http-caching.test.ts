import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, PUBLIC_CACHE_CONTROL } from '../../server/app.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z; the provider opens 09:00–17:00 Berlin, Monday to Friday.
const DAY = '2026-12-02';
const FIRST = '2026-12-02T08:00:00.000Z';

describe('HTTP caching of public answers', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  const slotsPath = () =>
    `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=${DAY}&to=${DAY}&tz=Europe/Berlin`;
  const slots = (headers: Record<string, string> = {}) => call(ctx, 'GET', slotsPath(), { headers });

  beforeAll(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { profile: { name: 'Cut Above', category: 'Hair salon', city: 'Berlin' } });
  });

  it('tags a slots answer with a strong ETag that stays the same for the same answer', async () => {
    const first = await slots();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await slots()).headers.get('etag')).toBe(etag); // from the cache
    // A new app, nothing cached, computes the same bytes and so the same tag.
    const fresh = await createApp({ db: ctx.db, config: ctx.config, now: () => ctx.clock.now }).request(
      `http://booking.test${slotsPath()}`,
    );
    expect(fresh.headers.get('etag')).toBe(etag);
  });

  it('answers 304 without a body when the client holds the current answer', async () => {
    const etag = (await slots()).headers.get('etag')!;
    for (const ifNoneMatch of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
      const again = await slots({ 'If-None-Match': ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.body).toBeNull();
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    }
    const other = await slots({ 'If-None-Match': '"something-else"' });
    expect(other.status).toBe(200);
    expect(other.body.slots.length).toBeGreaterThan(0);
  });

  it('changes the ETag once a booking takes a slot, and the old tag gets the new answer', async () => {
    const before = await slots();
    expect(before.body.slots.map((s: { start: string }) => s.start)).toContain(FIRST);
    expect((await book(ctx, provider, FIRST)).status).toBe(201);
    const after = await slots({ 'If-None-Match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.body.slots.map((s: { start: string }) => s.start)).not.toContain(FIRST);
  });

  it('lets browsers and CDNs keep public answers for a short while, for any origin', async () => {
    const paths = [
      slotsPath(),
      `/api/providers/${provider.slug}/next-available?service=${provider.serviceId}`,
      `/api/providers/${provider.slug}`,
      `/api/providers/${provider.slug}/reviews`,
      '/api/providers?q=hair',
      '/api/providers/facets',
    ];
    for (const path of paths) {
      const res = await call(ctx, 'GET', path, { headers: { Origin: 'https://some-salon.example' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(PUBLIC_CACHE_CONTROL);
      expect(PUBLIC_CACHE_CONTROL).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
      // The same CORS answer for every origin, so caches need no `Vary: Origin`.
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('set-cookie'), path).toBeNull();
    }
  });

  it('reads no session on public reads: a dead cookie is neither looked up nor cleared there', async () => {
    const cookie = { Cookie: 'session=not-a-live-session' };
    const publicRead = await call(ctx, 'GET', slotsPath(), { headers: cookie });
    expect(publicRead.status).toBe(200);
    expect(publicRead.headers.get('set-cookie')).toBeNull();
    expect(publicRead.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    // Elsewhere the session middleware still runs and clears it.
    const me = await call(ctx, 'GET', '/api/me', { headers: cookie });
    expect(me.status).toBe(401);
    expect(me.headers.get('set-cookie')).toMatch(/session=;/);
  });

  it('marks private answers, errors and writes no-store', async () => {
    const answers = [
      await call(ctx, 'GET', '/api/me', { session: provider.session }),
      await call(ctx, 'GET', '/api/admin/profile', { session: provider.session }),
      await call(ctx, 'GET', '/api/admin/appointments', { session: provider.session }),
      await call(ctx, 'GET', '/api/providers/nobody-here'),
      await call(ctx, 'GET', `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=x&to=y`),
      await call(ctx, 'POST', '/api/bookings', { body: {} }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 400, 400]);
    for (const a of answers) expect(a.headers.get('cache-control')).toBe('no-store');
  });

  it('never shares a rate-limited answer', async () => {
    const limited = await createTestContext({ config: { slotsRateLimit: 1 } });
    const owner = await createProvider(limited);
    const ask = (date: string) =>
      call(limited, 'GET', `/api/providers/${owner.slug}/slots?service=${owner.serviceId}&from=${date}&to=${date}`);
    expect((await ask('2026-12-02')).status).toBe(200);
    const refused = await ask('2026-12-03');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
