import type { KyselyPlugin } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { noBusyTimes } from '../../server/slots/availability.loader.js';
import { nextAvailableTimes } from '../../server/slots/next-available.js';
import { book, createProvider } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, NOW, type TestContext } from '../support/test-app.js';

/** Counts the statements a Kysely instance runs. */
function countingPlugin(counter: { n: number }): KyselyPlugin {
  return {
    transformQuery: (args) => {
      counter.n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
}

describe('next available time in search results', () => {
  let ctx: TestContext;

  beforeEach(async () => {
    ctx = await createTestContext();
  });

  it('is the first free start of the first service, after notice and existing bookings', async () => {
    // NOW is Tuesday 09:00 in Berlin; one hour's notice makes 10:00 (09:00Z) the first start.
    const open = await createProvider(ctx, { slug: 'open-studio', profile: { name: 'Open Studio' } });
    let res = await call(ctx, 'GET', '/api/providers?q=open');
    expect(res.status).toBe(200);
    expect(res.body.providers[0]).toMatchObject({ slug: 'open-studio', nextAvailable: '2026-12-01T09:00:00.000Z' });

    expect((await book(ctx, open, '2026-12-01T09:00:00.000Z')).status).toBe(201);
    res = await call(ctx, 'GET', '/api/providers?q=open');
    expect(res.body.providers[0].nextAvailable).toBe('2026-12-01T10:00:00.000Z');
  });

  it('is null without hours, and beyond two weeks', async () => {
    await createProvider(ctx, { slug: 'no-hours', profile: { name: 'No Hours' }, weekly: [] });
    const far = await createProvider(ctx, { slug: 'far-away', profile: { name: 'Far Away' } });
    // Closed every weekday for the next three weeks: nothing within 14 days.
    for (let day = 1; day <= 21; day++) {
      const date = new Date(NOW.getTime() + (day - 1) * 86_400_000).toISOString().slice(0, 10);
      await call(ctx, 'PUT', `/api/admin/schedule/overrides/${date}`, {
        session: far.session,
        body: { intervals: [] },
      });
    }
    const res = await call(ctx, 'GET', '/api/providers');
    const bySlug = Object.fromEntries(
      res.body.providers.map((p: { slug: string; nextAvailable: string | null }) => [p.slug, p.nextAvailable]),
    );
    expect(bySlug).toEqual({ 'far-away': null, 'no-hours': null });
  });

  it('runs a fixed number of queries for a page, however many providers it holds', async () => {
    for (let i = 0; i < 6; i++) await createProvider(ctx, { slug: `batch-${i}` });
    const providers = await ctx.db.selectFrom('providers').selectAll().execute();
    const counter = { n: 0 };
    const next = await nextAvailableTimes(ctx.db.withPlugin(countingPlugin(counter)), providers, {
      now: NOW.getTime(),
      busyTimes: noBusyTimes,
    });
    // Services, weekly hours, overrides, closures, bookings: one query each.
    expect(counter.n).toBe(5);
    expect([...next.values()].every((t) => t === '2026-12-01T09:00:00.000Z')).toBe(true);
  });
});

describe('directory search', () => {
  it('matches every word somewhere: name, category, city, description or a service', async () => {
    const ctx = await createTestContext();
    await createProvider(ctx, {
      slug: 'kiez-barber',
      profile: { name: 'Kiez Barber', category: 'Barber', city: 'Hamburg' },
      service: { name: 'Skin fade' },
    });
    await createProvider(ctx, {
      slug: 'berlin-barber',
      profile: { name: 'Spree Cuts', category: 'Barber', city: 'Berlin' },
    });
    const slugs = async (q: string) =>
      (await call(ctx, 'GET', `/api/providers?q=${encodeURIComponent(q)}`)).body.providers.map(
        (p: { slug: string }) => p.slug,
      );
    expect(await slugs('barber hamburg')).toEqual(['kiez-barber']);
    expect(await slugs('  Barber  ')).toEqual(['kiez-barber', 'berlin-barber']);
    expect(await slugs('fade hamburg')).toEqual(['kiez-barber']);
    expect(await slugs('barber lisbon')).toEqual([]);
    expect(await slugs('100%_')).toEqual([]);
  });
});
