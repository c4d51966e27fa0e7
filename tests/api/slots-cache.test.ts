import type { KyselyPlugin } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Interval } from '../../server/availability/availability.types.js';
import { isPostgres } from '../../server/db/dialect.js';
import { addService, book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z (09:00 Berlin); the provider opens 09:00–17:00 Berlin, 60-minute service, 30-minute grid.
const DAY = '2026-12-02';
const FIRST = '2026-12-02T08:00:00.000Z'; // Wednesday 09:00 Berlin

/** Every answer is checked against one from a fresh app on the same database, which has nothing cached. */
describe('slots answers from the cache stay exact', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let busy: Interval[];

  beforeEach(async () => {
    busy = [];
    ctx = await createTestContext({ deps: { busyTimes: async () => busy } });
    provider = await createProvider(ctx);
  });

  const path = (p: ProviderFixture, date = DAY) =>
    `/api/providers/${p.slug}/slots?service=${p.serviceId}&from=${date}&to=${date}&tz=Europe/Berlin`;
  /** The app on a connection that counts the queries it runs, so a test can tell a cached answer from a fresh one. */
  const countingApp = () => {
    let count = 0;
    const counting: KyselyPlugin = {
      transformQuery: (a) => {
        count++;
        return a.node;
      },
      transformResult: async (a) => a.result,
    };
    const app = createApp({
      db: ctx.db.withPlugin(counting),
      config: ctx.config,
      now: () => ctx.clock.now,
      busyTimes: async () => busy,
    });
    return { app, queries: () => count };
  };
  /**
   * What a cached answer reads: nothing on SQLite; on PostgreSQL its business's version, which instances share
   * (server/slots/slots-versions.ts).
   */
  const hitQueries = () => (isPostgres(ctx.db) ? 1 : 0);

  const slots = async (p = provider, date = DAY) => {
    const res = await call(ctx, 'GET', path(p, date));
    expect(res.status).toBe(200);
    // A new app remembers nothing: its answer is computed from the database.
    const fresh = await createApp({
      db: ctx.db,
      config: ctx.config,
      now: () => ctx.clock.now,
      busyTimes: async () => busy,
    }).request(`http://booking.test${path(p, date)}`);
    expect(res.body, 'cached answer differs from a fresh one').toEqual(await fresh.json());
    return (res.body.slots as { start: string }[]).map((s) => s.start);
  };

  it('answers a repeated question without touching the database', async () => {
    const { app, queries } = countingApp();
    const first = await app.request(`http://booking.test${path(provider)}`);
    const afterFirst = queries();
    expect(afterFirst).toBeGreaterThan(0);
    const second = await app.request(`http://booking.test${path(provider)}`);
    expect(queries()).toBe(afterFirst + hitQueries());
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await second.text()).toBe(await first.text());
  });

  it('follows bookings, cancellations and reschedules at once', async () => {
    expect(await slots()).toContain(FIRST);
    const booked = await book(ctx, provider, FIRST);
    expect(booked.status).toBe(201);
    expect(await slots()).not.toContain(FIRST);
    const token = new URL(booked.body.booking.manageUrl).searchParams.get('token');
    const id = booked.body.booking.id;
    expect(
      (
        await call(ctx, 'POST', `/api/bookings/${id}/reschedule`, {
          body: { token, start: '2026-12-02T12:00:00.000Z' },
        })
      ).status,
    ).toBe(200);
    expect(await slots()).toContain(FIRST);
    expect(await slots()).not.toContain('2026-12-02T12:00:00.000Z');
    expect(
      (
        await call(ctx, 'POST', `/api/admin/appointments/${id}/reschedule`, {
          session: provider.session,
          body: { start: '2026-12-02T13:00:00.000Z' },
        })
      ).status,
    ).toBe(200);
    expect(await slots()).toContain('2026-12-02T12:00:00.000Z');
    expect((await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token } })).status).toBe(200);
    expect(await slots()).toContain('2026-12-02T13:00:00.000Z');
  });

  it('follows the provider’s hours, overrides, services and rules at once', async () => {
    const before = await slots();
    expect(before).toHaveLength(15);
    const admin = (method: string, url: string, body: unknown) =>
      call(ctx, method, url, { session: provider.session, body });
    expect(
      (await admin('PUT', '/api/admin/schedule/weekly', { intervals: [{ weekday: 3, start: '10:00', end: '12:00' }] }))
        .status,
    ).toBe(200);
    expect(await slots()).toEqual(['2026-12-02T09:00:00.000Z', '2026-12-02T09:30:00.000Z', '2026-12-02T10:00:00.000Z']);
    expect((await admin('PUT', `/api/admin/schedule/overrides/${DAY}`, { intervals: [] })).status).toBe(200);
    expect(await slots()).toEqual([]);
    expect(
      (await call(ctx, 'DELETE', `/api/admin/schedule/overrides/${DAY}`, { session: provider.session })).status,
    ).toBe(204);
    expect(await slots()).toHaveLength(3);
    expect((await admin('PATCH', `/api/admin/services/${provider.serviceId}`, { durationMinutes: 120 })).status).toBe(
      200,
    );
    expect(await slots()).toEqual(['2026-12-02T09:00:00.000Z']);
    const profile = (await call(ctx, 'GET', '/api/admin/profile', { session: provider.session })).body.profile;
    expect(
      (
        await admin('PUT', '/api/admin/profile', {
          ...profile,
          bookingRules: { ...profile.bookingRules, maxDaysAhead: 1 },
        })
      ).status,
    ).toBe(200);
    expect(await slots()).toEqual([]); // Wednesday 10:00 is now beyond the one-day horizon
    expect((await admin('PATCH', `/api/admin/services/${provider.serviceId}`, { active: false })).status).toBe(200);
    expect((await call(ctx, 'GET', path(provider))).status).toBe(404);
  });

  it('reads calendar busy times fresh on every request', async () => {
    expect(await slots()).toContain(FIRST);
    busy = [{ start: Date.parse(FIRST), end: Date.parse(FIRST) + 30 * 60_000 }];
    expect(await slots()).not.toContain(FIRST);
    busy = [];
    expect(await slots()).toContain(FIRST);
  });

  it('follows the clock: the notice period and the horizon move with now, both ways', async () => {
    const today = async () => slots(provider, '2026-12-01');
    expect((await today())[0]).toBe('2026-12-01T09:00:00.000Z'); // 10:00 Berlin, one hour after now
    ctx.clock.now = new Date('2026-12-01T09:10:00.000Z');
    expect((await today())[0]).toBe('2026-12-01T10:30:00.000Z');
    ctx.clock.now = new Date('2026-12-01T08:00:00.000Z');
    expect((await today())[0]).toBe('2026-12-01T09:00:00.000Z');
  });

  it('keeps providers, services, dates and zones apart', async () => {
    const other = await createProvider(ctx, { weekly: [{ weekday: 3, start: '14:00', end: '15:00' }] });
    expect(await slots(other)).toEqual(['2026-12-02T13:00:00.000Z']);
    expect(await slots()).toHaveLength(15);
    expect(await slots(provider, '2026-12-03')).toHaveLength(15);
    const inNewYork = await call(
      ctx,
      'GET',
      `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=${DAY}&to=${DAY}&tz=America/New_York`,
    );
    expect(inNewYork.body.timeZone).toBe('America/New_York');
    expect(inNewYork.body.slots).toHaveLength(15);
    await book(ctx, other, '2026-12-02T13:00:00.000Z');
    expect(await slots(other)).toEqual([]);
    expect(await slots()).toHaveLength(15);
  });

  it('is emptied only by writes that can change slots: not by an unknown route or a review', async () => {
    const counted = countingApp();
    const app = { app: counted.app };
    const { queries } = counted;
    const customer = await signUp(app, 'customer');
    const visit = await call(app, 'POST', '/api/bookings', {
      session: customer,
      body: {
        provider: provider.slug,
        service: provider.serviceId,
        start: '2026-12-01T10:00:00.000Z',
        customer: { name: 'Rita Reviewer', email: customer.email },
      },
    });
    expect(visit.status).toBe(201);
    ctx.clock.now = new Date('2026-12-01T12:00:00.000Z');
    expect(
      (
        await call(app, 'POST', `/api/admin/appointments/${visit.body.booking.id}/complete`, {
          session: provider.session,
        })
      ).status,
    ).toBe(200);
    const spare = await addService(ctx, provider, { durationMinutes: 30 });
    const spareSlots = `/api/providers/${provider.slug}/slots?service=${spare}&from=${DAY}&to=${DAY}`;

    const ask = async () => {
      const before = queries();
      expect((await call(app, 'GET', path(provider))).status).toBe(200);
      return queries() - before;
    };
    expect(await ask()).toBeGreaterThan(0);
    expect((await call(app, 'GET', spareSlots)).status).toBe(200);
    expect(await ask()).toBe(hitQueries());
    expect((await call(app, 'POST', '/api/no/such/route', { body: {} })).status).toBe(404);
    expect(
      (
        await call(app, 'POST', '/api/reviews', {
          session: customer,
          body: { appointmentId: visit.body.booking.id, rating: 5, body: 'Great.' },
        })
      ).status,
    ).toBe(201);
    expect(await ask(), 'answered from the cache').toBe(hitQueries());

    // A slot-relevant write by the provider empties it: the spare service, deleted, is gone from the answers at once.
    expect((await call(app, 'DELETE', `/api/admin/services/${spare}`, { session: provider.session })).status).toBe(204);
    expect((await call(app, 'GET', spareSlots)).status).toBe(404);
    expect(await ask()).toBeGreaterThan(0);
  });
});
