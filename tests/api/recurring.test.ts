import { beforeEach, describe, expect, it } from 'vitest';
import type { TeamMemberRow } from '../../server/team/team.table.js';
import { addService, book, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { addMember, ownerOf } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';
import { createEndpoint } from '../support/webhooks.js';

// NOW is Tuesday 2026-12-01 09:00 in Berlin. The business is open Monday to Friday 09–17 (Berlin), books up to 365
// days ahead. Wednesdays at 10:00 Berlin are 09:00Z until the end of March 2027.
const WED_10 = ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'].map((d) => `${d}T09:00:00.000Z`);
const REPEAT = { maxCount: 10, everyWeeks: [1, 2] };

describe('recurring appointments', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { profile: { name: 'Physio Berlin' }, rules: { maxDaysAhead: 365 } });
    await allowRepeat(provider.serviceId, REPEAT);
  });

  const allowRepeat = async (serviceId: number, repeat: unknown) => {
    const res = await call(ctx, 'PATCH', `/api/admin/services/${serviceId}`, {
      session: provider.session,
      body: { repeat },
    });
    if (res.status !== 200) throw new Error(`repeat failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const check = (extra: Record<string, unknown> = {}) =>
    call(ctx, 'POST', '/api/bookings/series/check', {
      body: {
        provider: provider.slug,
        service: provider.serviceId,
        start: WED_10[0],
        everyWeeks: 1,
        count: 4,
        ...extra,
      },
    });
  const bookSeries = (extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    call(ctx, 'POST', '/api/bookings/series', {
      body: bookingBody(provider, WED_10[0]!, { everyWeeks: 1, count: 4, ...extra }),
      ...(headers && { headers }),
    });
  const confirmedAt = async (start: string) =>
    (
      await ctx.db
        .selectFrom('appointments')
        .select('id')
        .where('start_at', '=', start)
        .where('status', '=', 'confirmed')
        .execute()
    ).length;
  const counts = async () => ({
    appointments: (await ctx.db.selectFrom('appointments').select('id').execute()).length,
    series: (await ctx.db.selectFrom('appointment_series').select('id').execute()).length,
  });

  describe('the service setting', () => {
    it('is kept, sorted, and shown in the admin and the public views; null turns it off', async () => {
      const res = await allowRepeat(provider.serviceId, { maxCount: 12, everyWeeks: [2, 1] });
      expect(res.body.service.repeat).toEqual({ maxCount: 12, everyWeeks: [1, 2] });
      const pub = await call(ctx, 'GET', `/api/providers/${provider.slug}`);
      expect(pub.body.services[0].repeat).toEqual({ maxCount: 12, everyWeeks: [1, 2] });
      expect((await allowRepeat(provider.serviceId, null)).body.service.repeat).toBeNull();
      const created = await call(ctx, 'POST', '/api/admin/services', {
        session: provider.session,
        body: { name: 'Massage', durationMinutes: 30, price: { amountMinor: 100, currency: 'EUR' } },
      });
      expect(created.body.service.repeat).toBeNull();
    });

    it('refuses values out of bounds (400) and a series of a class (422), changing nothing', async () => {
      for (const repeat of [
        { maxCount: 1, everyWeeks: [1] },
        { maxCount: 53, everyWeeks: [1] },
        { maxCount: 5, everyWeeks: [] },
        { maxCount: 5, everyWeeks: [9] },
        { maxCount: 5, everyWeeks: [0] },
        { maxCount: 5 },
        'weekly',
      ]) {
        const res = await call(ctx, 'PATCH', `/api/admin/services/${provider.serviceId}`, {
          session: provider.session,
          body: { repeat },
        });
        expect(res.status, JSON.stringify(repeat)).toBe(400);
        expect(res.body.error.code).toBe('invalid_request');
      }
      const classId = await addService(ctx, provider, { durationMinutes: 60, seats: 8 });
      const onClass = await call(ctx, 'PATCH', `/api/admin/services/${classId}`, {
        session: provider.session,
        body: { repeat: REPEAT },
      });
      expect(onClass.status).toBe(422);
      expect(onClass.body.error.fields).toHaveProperty('repeat');
      // Making a recurring service a class is refused too.
      const toClass = await call(ctx, 'PATCH', `/api/admin/services/${provider.serviceId}`, {
        session: provider.session,
        body: { seats: 4 },
      });
      expect(toClass.status).toBe(422);
      const service = await call(ctx, 'GET', `/api/admin/services/${provider.serviceId}`, {
        session: provider.session,
      });
      expect(service.body.service).toMatchObject({ seats: 1, repeat: REPEAT });
    });
  });

  describe('checking a series', () => {
    it('lists every occurrence, free, with the member who would serve them all', async () => {
      const res = await check();
      expect(res.status).toBe(200);
      expect(res.body.memberSlug).toEqual(expect.any(String));
      expect(res.body.occurrences).toEqual(
        WED_10.map((start, index) => ({
          index,
          start,
          end: start.replace('T09:', 'T10:'),
          free: true,
        })),
      );
    });

    it('says which occurrences are taken, beyond the horizon, or outside the hours', async () => {
      expect((await book(ctx, provider, WED_10[2]!)).status).toBe(201);
      const taken = await check();
      expect(taken.status).toBe(200);
      expect(taken.body.occurrences.map((o: { free: boolean; reason?: string }) => o.reason ?? 'free')).toEqual([
        'free',
        'free',
        'taken',
        'free',
      ]);
      await ctx.db.updateTable('providers').set({ max_days_ahead: 14 }).execute();
      const far = await check();
      expect(far.body.occurrences.map((o: { reason?: string }) => o.reason ?? 'free')).toEqual([
        'free',
        'free',
        'beyond_horizon',
        'beyond_horizon',
      ]);
      await ctx.db.updateTable('providers').set({ max_days_ahead: 365 }).execute();
      // 09:30 Berlin today is inside the hour of notice; the Tuesdays after it are free.
      const soon = await check({ start: '2026-12-01T08:30:00.000Z', count: 2 });
      expect(soon.body.occurrences.map((o: { reason?: string }) => o.reason ?? 'free')).toEqual(['too_soon', 'free']);
      // 17:00 Berlin is past closing on every Wednesday.
      const late = await check({ start: '2026-12-02T16:00:00.000Z', count: 2 });
      expect(late.body.occurrences.map((o: { reason?: string }) => o.reason)).toEqual([
        'outside_hours',
        'outside_hours',
      ]);
      expect(late.body.memberSlug).toBeNull();
    });

    it('refuses a service without the setting (repeat_not_allowed) and an interval or count it does not allow', async () => {
      const other = await addService(ctx, provider, { durationMinutes: 30 });
      const none = await check({ service: other });
      expect(none.status).toBe(422);
      expect(none.body.error.code).toBe('repeat_not_allowed');
      const interval = await check({ everyWeeks: 3 });
      expect(interval.status).toBe(422);
      expect(interval.body.error.fields).toEqual({ everyWeeks: 'one of 1, 2' });
      const many = await check({ count: 11 });
      expect(many.status).toBe(422);
      expect(many.body.error.fields).toEqual({ count: 'at most 10' });
      for (const bad of [{ count: 1 }, { count: 53 }, { everyWeeks: 0 }, { everyWeeks: 'weekly' }, { count: 2.5 }]) {
        const res = await check(bad);
        expect(res.status, JSON.stringify(bad)).toBe(400);
      }
      expect((await check({ provider: 'nobody' })).status).toBe(404);
    });
  });

  describe('booking a series', () => {
    it('books every occurrence in one go, each its own appointment of one series, all managed with one token', async () => {
      const res = await bookSeries();
      expect(res.status).toBe(201);
      expect(res.body.skipped).toEqual([]);
      expect(res.body.series).toMatchObject({ everyWeeks: 1, count: 4, start: WED_10[0] });
      const bookings = res.body.bookings as { id: number; start: string; series: unknown; manageUrl: string }[];
      expect(bookings.map((b) => b.start)).toEqual(WED_10);
      bookings.forEach((b, index) => {
        expect(b.series).toEqual({ id: res.body.series.id, index, count: 4, everyWeeks: 1 });
        expect(new URL(b.manageUrl).searchParams.get('token')).toBe(res.body.token);
      });
      for (const b of bookings) {
        const own = await call(ctx, 'GET', `/api/bookings/${b.id}?token=${encodeURIComponent(res.body.token)}`);
        expect(own.status).toBe(200);
        expect(own.body.booking.series.index).toBe(bookings.indexOf(b));
      }
      const admin = await call(ctx, 'GET', `/api/admin/appointments/${bookings[1]!.id}`, { session: provider.session });
      expect(admin.body.appointment.series).toEqual({ id: res.body.series.id, index: 1, count: 4, everyWeeks: 1 });
      // A single booking has none.
      const single = await book(ctx, provider, '2026-12-03T09:00:00.000Z');
      expect(single.body.booking.series).toBeNull();
    });

    it('lists the occurrences with their series in the signed-in customer’s appointments', async () => {
      const customer = await signUp(ctx, 'customer');
      const res = await call(ctx, 'POST', '/api/bookings/series', {
        session: customer,
        body: bookingBody(provider, WED_10[0]!, {
          everyWeeks: 2,
          count: 2,
          customer: { name: 'Casey', email: customer.email },
        }),
      });
      expect(res.status).toBe(201);
      const mine = await call(ctx, 'GET', '/api/me/appointments', { session: customer });
      expect(mine.status).toBe(200);
      expect(mine.body.appointments.map((a: { start: string; series: unknown }) => [a.start, a.series])).toEqual([
        [WED_10[0], { id: res.body.series.id, index: 0, count: 2, everyWeeks: 2 }],
        [WED_10[2], { id: res.body.series.id, index: 1, count: 2, everyWeeks: 2 }],
      ]);
    });

    it("mode 'all' with a taken date answers 409 naming it, and books nothing", async () => {
      expect((await book(ctx, provider, WED_10[2]!)).status).toBe(201);
      const before = await counts();
      const res = await bookSeries({ mode: 'all' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('series_conflict');
      expect(res.body.occurrences.filter((o: { free: boolean }) => !o.free)).toEqual([
        { index: 2, start: WED_10[2], end: WED_10[2]!.replace('T09:', 'T10:'), free: false, reason: 'taken' },
      ]);
      expect(await counts()).toEqual(before);
    });

    it("mode 'available' books the free dates and says which it skipped; none free is a 409", async () => {
      expect((await book(ctx, provider, WED_10[2]!)).status).toBe(201);
      const res = await bookSeries({ mode: 'available' });
      expect(res.status).toBe(201);
      expect(res.body.bookings.map((b: { start: string }) => b.start)).toEqual([WED_10[0], WED_10[1], WED_10[3]]);
      expect(res.body.bookings.map((b: { series: { index: number } }) => b.series.index)).toEqual([0, 1, 3]);
      expect(res.body.skipped).toEqual([{ index: 2, start: WED_10[2], reason: 'taken' }]);
      expect(await confirmedAt(WED_10[2]!)).toBe(1);
      const again = await bookSeries({ mode: 'available' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('series_conflict');
    });

    it('keeps the wall time across the change to summer time in Berlin', async () => {
      // Tuesdays 10:00 Berlin from 16 March 2027; clocks go forward on 28 March.
      const res = await call(ctx, 'POST', '/api/bookings/series', {
        body: bookingBody(provider, '2027-03-16T09:00:00.000Z', { everyWeeks: 1, count: 4 }),
      });
      expect(res.status).toBe(201);
      expect(res.body.bookings.map((b: { start: string }) => b.start)).toEqual([
        '2027-03-16T09:00:00.000Z',
        '2027-03-23T09:00:00.000Z',
        '2027-03-30T08:00:00.000Z',
        '2027-04-06T08:00:00.000Z',
      ]);
    });

    it('replays the answer for the same Idempotency-Key and body, and refuses the key with another body', async () => {
      const key = { 'Idempotency-Key': 'series-key-1' };
      const first = await bookSeries({}, key);
      const second = await bookSeries({}, key);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(await counts()).toEqual({ appointments: 4, series: 1 });
      expect((await bookSeries({ count: 3 }, key)).status).toBe(422);
    });

    it('refuses bad bodies with 400 and books nothing', async () => {
      for (const extra of [{ mode: 'some' }, { count: 0 }, { customer: { name: 'X', email: 'not-an-email' } }]) {
        const res = await bookSeries(extra);
        expect(res.status, JSON.stringify(extra)).toBe(400);
      }
      expect((await bookSeries({ everyWeeks: 4 })).status).toBe(422);
      expect(await counts()).toEqual({ appointments: 0, series: 0 });
    });

    it('fires one webhook event per occurrence, each with the seriesId', async () => {
      await createEndpoint(ctx, provider.session, 'https://hooks.example.com/booking');
      const res = await bookSeries({ count: 2 });
      const payloads = (await ctx.db.selectFrom('webhook_deliveries').select('payload').orderBy('id').execute()).map(
        (r) => JSON.parse(r.payload),
      );
      expect(payloads.map((p) => [p.type, p.data.appointment.id, p.data.seriesId])).toEqual(
        res.body.bookings.map((b: { id: number }) => ['booking.created', b.id, res.body.series.id]),
      );
      await book(ctx, provider, '2026-12-03T09:00:00.000Z');
      const single = await ctx.db
        .selectFrom('webhook_deliveries')
        .select('payload')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(single.payload).data.seriesId).toBeNull();
    });

    it('never double-books an occurrence when a single booking of its slot races the series', async () => {
      const [series, single] = await Promise.all([
        bookSeries({ mode: 'all' }),
        call(ctx, 'POST', '/api/bookings', {
          body: { ...bookingBody(provider, WED_10[3]!), customer: { name: 'Sam', email: 'sam@example.com' } },
        }),
      ]);
      expect([series.status, single.status].sort()).toEqual([201, 409]);
      expect(await confirmedAt(WED_10[3]!)).toBe(1);
      if (series.status === 201) expect(single.body.error.code).toBe('slot_taken');
      else expect(series.body.error.code).toBe('series_conflict');
    });
  });

  describe('cancelling', () => {
    let token: string;
    let ids: number[];

    beforeEach(async () => {
      const res = await bookSeries();
      token = res.body.token;
      ids = res.body.bookings.map((b: { id: number }) => b.id);
    });

    const statuses = async () =>
      (
        await ctx.db
          .selectFrom('appointments')
          .select('status')
          .where('id', 'in', ids)
          .orderBy('series_index')
          .execute()
      ).map((r) => r.status);

    it('cancels one occurrence by default', async () => {
      const res = await call(ctx, 'POST', `/api/bookings/${ids[1]}/cancel`, { body: { token } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ booking: { id: ids[1], status: 'cancelled' }, cancelled: 1 });
      expect(await statuses()).toEqual(['confirmed', 'cancelled', 'confirmed', 'confirmed']);
    });

    it("cancels an occurrence and every later one with scope 'following', for the customer and the owner", async () => {
      const res = await call(ctx, 'POST', `/api/bookings/${ids[2]}/cancel`, { body: { token, scope: 'following' } });
      expect(res.status).toBe(200);
      expect(res.body.cancelled).toBe(2);
      expect(await statuses()).toEqual(['confirmed', 'confirmed', 'cancelled', 'cancelled']);
      const owner = await call(ctx, 'POST', `/api/admin/appointments/${ids[0]}/cancel`, {
        session: provider.session,
        body: { scope: 'following', reason: 'Moving away' },
      });
      expect(owner.status).toBe(200);
      // The ones already cancelled are left alone.
      expect(owner.body).toMatchObject({ appointment: { id: ids[0], status: 'cancelled' }, cancelled: 2 });
      expect(await statuses()).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    });

    it("treats 'following' on a single booking as that one, and refuses an unknown scope", async () => {
      const single = await book(ctx, provider, '2026-12-03T09:00:00.000Z');
      const res = await call(ctx, 'POST', `/api/bookings/${single.body.booking.id}/cancel`, {
        body: { token: new URL(single.body.booking.manageUrl).searchParams.get('token'), scope: 'following' },
      });
      expect(res.body).toMatchObject({ booking: { status: 'cancelled' }, cancelled: 1 });
      const bad = await call(ctx, 'POST', `/api/bookings/${ids[0]}/cancel`, { body: { token, scope: 'all' } });
      expect(bad.status).toBe(400);
      expect(await statuses()).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    });

    it('shows the series on the booking page of each occurrence', async () => {
      const list = await call(ctx, 'GET', `/api/bookings/${ids[0]}?token=${encodeURIComponent(token)}`);
      expect(list.body.booking.series).toMatchObject({ index: 0, count: 4 });
    });
  });

  describe('in a team', () => {
    let anna: TeamMemberRow;
    let mia: TeamMemberRow;

    beforeEach(async () => {
      anna = await ownerOf(ctx, provider);
      mia = await addMember(ctx, provider, { name: 'Mia Jones' });
    });

    it('keeps one member for the whole series: the one free for the most dates', async () => {
      // Anna (first in order) is booked on the second Wednesday: Mia is free for all four.
      const taken = await call(ctx, 'POST', '/api/bookings', {
        body: bookingBody(provider, WED_10[1]!, { staff: anna.slug }),
      });
      expect(taken.status).toBe(201);
      const checked = await check();
      expect(checked.body.memberSlug).toBe(mia.slug);
      expect(checked.body.occurrences.every((o: { free: boolean }) => o.free)).toBe(true);
      const res = await bookSeries({ staff: 'any' });
      expect(res.status).toBe(201);
      expect(res.body.series.staff.slug).toBe(mia.slug);
      expect(res.body.bookings.map((b: { staff: { slug: string } }) => b.staff.slug)).toEqual(Array(4).fill(mia.slug));
      // Asked for Anna by name: her second Wednesday is taken.
      const withAnna = await check({ staff: anna.slug });
      expect(withAnna.body.memberSlug).toBe(anna.slug);
      expect(withAnna.body.occurrences.map((o: { free: boolean }) => o.free)).toEqual([true, false, true, true]);
    });
  });
});
