import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { noBusyTimes } from '../../server/slots/availability.loader.js';
import { nextAvailableTimes } from '../../server/slots/next-available.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const ZONE = 'Europe/Berlin';
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

/** Closures as date ranges: one entry for a holiday, every date in it closed, removable as one. */
describe('closures', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { timeZone: ZONE, weekly: everyDay, rules: { maxDaysAhead: 200 } });
  });

  const as = (method: string, path: string, body?: unknown) =>
    call(ctx, method, `/api/admin/schedule${path}`, { session: provider.session, body });
  /** The local dates in [from, to] that offer at least one slot. */
  const openDates = async (from: string, to: string) => {
    const res = await call(
      ctx,
      'GET',
      `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=${from}&to=${to}&tz=${ZONE}`,
    );
    expect(res.status).toBe(200);
    return [
      ...new Set(
        (res.body.slots as { start: string }[]).map((s) => DateTime.fromISO(s.start, { zone: ZONE }).toISODate()),
      ),
    ];
  };

  it('closes every date of a range across the spring DST change, as one entry, and reopens them when removed', async () => {
    // Europe/Berlin moves to summer time on Sunday 28 March 2027.
    expect(await openDates('2027-03-25', '2027-04-01')).toHaveLength(8);
    const created = await as('POST', '/closures', { from: '2027-03-26', to: '2027-03-30', label: 'Easter holiday' });
    expect(created.status).toBe(201);
    expect(created.body.closure).toEqual({
      id: expect.any(Number),
      from: '2027-03-26',
      to: '2027-03-30',
      label: 'Easter holiday',
    });

    expect(await openDates('2027-03-25', '2027-04-01')).toEqual(['2027-03-25', '2027-03-31', '2027-04-01']);
    const schedule = await as('GET', '?from=2027-03-01&to=2027-03-31');
    expect(schedule.body.closures).toEqual([created.body.closure]);
    // One entry, not five closed dates.
    expect(schedule.body.overrides).toEqual([]);
    // Bookings inside it are refused like any closed time.
    const refused = await book(ctx, provider, '2027-03-29T08:00:00.000Z');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('slot_not_offered');

    expect((await as('DELETE', `/closures/${created.body.closure.id}`)).status).toBe(204);
    expect(await openDates('2027-03-25', '2027-04-01')).toHaveLength(8);
    expect((await as('GET', '?from=2027-03-01&to=2027-03-31')).body.closures).toEqual([]);
  });

  it('wins over special hours on the same date, keeps single-day special hours elsewhere, and hides the directory’s next time', async () => {
    expect((await as('PUT', '/overrides/2026-12-03', { intervals: [{ start: '10:00', end: '12:00' }] })).status).toBe(
      200,
    );
    expect((await as('PUT', '/overrides/2026-12-10', { intervals: [{ start: '10:00', end: '11:00' }] })).status).toBe(
      200,
    );
    expect((await as('POST', '/closures', { from: '2026-12-01', to: '2026-12-08' })).status).toBe(201);

    expect(await openDates('2026-12-02', '2026-12-10')).toEqual(['2026-12-09', '2026-12-10']);
    const tenth = await call(
      ctx,
      'GET',
      `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=2026-12-10&to=2026-12-10&tz=${ZONE}`,
    );
    expect(tenth.body.slots.map((s: { start: string }) => s.start)).toEqual(['2026-12-10T09:00:00.000Z']);

    const row = await ctx.db
      .selectFrom('providers')
      .selectAll()
      .where('slug', '=', provider.slug)
      .executeTakeFirstOrThrow();
    const next = await nextAvailableTimes(ctx.db, [row], { now: ctx.clock.now.getTime(), busyTimes: noBusyTimes });
    expect(next.get(row.id)).toBe('2026-12-09T08:00:00.000Z');
  });

  it('refuses a backwards, too long or malformed range with a clear error, and another owner’s closure is not found', async () => {
    for (const [body, field] of [
      [{ from: '2026-12-10', to: '2026-12-09' }, 'to'],
      [{ from: '2026-12-01', to: '2028-01-01' }, 'to'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
      [{ from: '2026-12-01', to: '2026-12-02', label: 'x'.repeat(101) }, 'label'],
    ] as const) {
      const res = await as('POST', '/closures', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', fields: { [field]: expect.any(String) } });
    }
    const mine = await as('POST', '/closures', { from: '2026-12-24', to: '2026-12-26' });
    const other = await createProvider(ctx);
    const theirs = (path: string, method = 'DELETE') =>
      call(ctx, method, `/api/admin/schedule${path}`, { session: other.session });
    expect((await theirs(`/closures/${mine.body.closure.id}`)).status).toBe(404);
    expect((await theirs('?from=2026-12-01&to=2026-12-31', 'GET')).body.closures).toEqual([]);
    expect((await as('GET', '?from=2026-12-01&to=2026-12-31')).body.closures).toHaveLength(1);
  });
});
