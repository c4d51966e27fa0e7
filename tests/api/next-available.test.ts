import { beforeEach, describe, expect, it } from 'vitest';
import { noBusyTimes } from '../../server/slots/availability.loader.js';
import { nextAvailableTimes } from '../../server/slots/next-available.js';
import { book, createProvider } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { countingPlugin } from '../support/statement-count.js';
import { createTestContext, NOW, type TestContext } from '../support/test-app.js';

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
    // Services, the members performing them, weekly hours, overrides, closures, bookings: one query each.
    expect(counter.n).toBe(6);
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

describe('GET /api/providers/:slug/next-available', () => {
  let ctx: TestContext;
  const next = (slug: string, query: string) => call(ctx, 'GET', `/api/providers/${slug}/next-available?${query}`);

  beforeEach(async () => {
    ctx = await createTestContext();
  });

  it('is the first free slot of the service and its date in the asked zone', async () => {
    // NOW is Tuesday 09:00 in Berlin; one hour's notice makes 10:00 (09:00Z) the first start.
    const p = await createProvider(ctx);
    let res = await next(p.slug, `service=${p.serviceId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      timeZone: 'Europe/Berlin',
      slot: { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z' },
      date: '2026-12-01',
    });
    // Seen from Honolulu (UTC−10) that start is still Monday evening.
    res = await next(p.slug, `service=${p.serviceId}&tz=Pacific/Honolulu`);
    expect(res.body).toMatchObject({ timeZone: 'Pacific/Honolulu', date: '2026-11-30' });
  });

  it('looks past closed weeks and from a given date, up to the booking horizon', async () => {
    const p = await createProvider(ctx, { rules: { maxDaysAhead: 40 } });
    // Closed for three weeks: the first free day is Tuesday 22 December, beyond the directory's two weeks.
    for (let day = 0; day < 21; day++) {
      const date = new Date(NOW.getTime() + day * 86_400_000).toISOString().slice(0, 10);
      await call(ctx, 'PUT', `/api/admin/schedule/overrides/${date}`, { session: p.session, body: { intervals: [] } });
    }
    let res = await next(p.slug, `service=${p.serviceId}`);
    expect(res.body).toMatchObject({ slot: { start: '2026-12-22T08:00:00.000Z' }, date: '2026-12-22' });
    // From a Saturday: the Monday after it.
    res = await next(p.slug, `service=${p.serviceId}&from=2026-12-26`);
    expect(res.body).toMatchObject({ slot: { start: '2026-12-28T08:00:00.000Z' }, date: '2026-12-28' });
    // Past the 40-day horizon nothing is offered.
    res = await next(p.slug, `service=${p.serviceId}&from=2027-01-11`);
    expect(res.body).toEqual({ timeZone: 'Europe/Berlin', slot: null, date: null });
  });

  it('is null without opening hours; unknown services and bad input are clear errors', async () => {
    const p = await createProvider(ctx, { weekly: [] });
    expect((await next(p.slug, `service=${p.serviceId}`)).body).toMatchObject({ slot: null, date: null });
    let res = await next(p.slug, 'service=999999');
    expect(res.status).toBe(404);
    res = await next(p.slug, `service=${p.serviceId}&tz=Mars/Olympus&from=2026-02-30`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request' });
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['from', 'tz']);
    expect((await next('nobody-here', `service=${p.serviceId}`)).status).toBe(404);
  });
});
