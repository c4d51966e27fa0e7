import { beforeEach, describe, expect, it } from 'vitest';
import { book, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 09:00 in Berlin; the business is open Monday to Friday 09–17 (Berlin). 10:00 Berlin is
// 09:00Z in December.
const WED_10 = ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'].map((d) => `${d}T09:00:00.000Z`);
const THU_10 = '2026-12-03T09:00:00.000Z';

type Occurrence = { id: number; index: number; start: string; end: string; status: string };

describe('GET /api/bookings/:id/series: every date of an occurrence’s series', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let token: string;
  let ids: number[];
  let seriesId: number;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { profile: { name: 'Physio Berlin' }, rules: { maxDaysAhead: 365 } });
    const repeat = await call(ctx, 'PATCH', `/api/admin/services/${provider.serviceId}`, {
      session: provider.session,
      body: { repeat: { maxCount: 10, everyWeeks: [1] } },
    });
    expect(repeat.status).toBe(200);
    const res = await call(ctx, 'POST', '/api/bookings/series', {
      body: bookingBody(provider, WED_10[0]!, { everyWeeks: 1, count: 4 }),
    });
    expect(res.status).toBe(201);
    token = res.body.token;
    ids = res.body.bookings.map((b: { id: number }) => b.id);
    seriesId = res.body.series.id;
  });

  const datesOf = (id: number, tokenToUse: string | null = token) =>
    call(ctx, 'GET', `/api/bookings/${id}/series${tokenToUse ? `?token=${encodeURIComponent(tokenToUse)}` : ''}`);

  it('lists the four occurrences in order, from any one of them, with the one token', async () => {
    for (const id of [ids[0]!, ids[2]!]) {
      const res = await datesOf(id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        series: { id: seriesId, everyWeeks: 1, count: 4 },
        occurrences: WED_10.map((start, index) => ({
          id: ids[index],
          index,
          start,
          end: start.replace('T09:', 'T10:'),
          status: 'confirmed',
        })),
      });
    }
  });

  it("reads confirmed, then cancelled ×3 after cancelling 'following' from the second", async () => {
    const cancel = await call(ctx, 'POST', `/api/bookings/${ids[1]}/cancel`, { body: { token, scope: 'following' } });
    expect(cancel.body.cancelled).toBe(3);
    const res = await datesOf(ids[0]!);
    expect(res.status).toBe(200);
    expect(res.body.occurrences.map((o: Occurrence) => [o.index, o.status])).toEqual([
      [0, 'confirmed'],
      [1, 'cancelled'],
      [2, 'cancelled'],
      [3, 'cancelled'],
    ]);
  });

  it('leaves out the occurrences skipped when booking: only booked dates are reachable', async () => {
    // Another customer holds the third Wednesday: a series booked in mode 'available' skips it.
    await call(ctx, 'POST', `/api/bookings/${ids[0]}/cancel`, { body: { token, scope: 'following' } });
    expect((await book(ctx, provider, WED_10[2]!)).status).toBe(201);
    const res = await call(ctx, 'POST', '/api/bookings/series', {
      body: bookingBody(provider, WED_10[0]!, { everyWeeks: 1, count: 4, mode: 'available' }),
    });
    expect(res.status).toBe(201);
    const dates = await datesOf(res.body.bookings[0].id, res.body.token);
    expect(dates.body.series.count).toBe(4);
    expect(dates.body.occurrences.map((o: Occurrence) => [o.index, o.start])).toEqual([
      [0, WED_10[0]],
      [1, WED_10[1]],
      [3, WED_10[3]],
    ]);
  });

  it('refuses a wrong or missing token with the 404 that GET /api/bookings/:id gives', async () => {
    const own = await call(ctx, 'GET', `/api/bookings/${ids[1]}?token=wrong-token`);
    expect(own.status).toBe(404);
    for (const wrong of ['wrong-token', null]) {
      const res = await datesOf(ids[1]!, wrong);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(own.body);
    }
    expect((await datesOf(999_999)).body).toEqual(own.body);
    expect((await datesOf(ids[1]!, 'x'.repeat(101))).status).toBe(400);
  });

  it('answers 404 not_found, saying why, for a single booking', async () => {
    const single = await book(ctx, provider, THU_10);
    const singleToken = new URL(single.body.booking.manageUrl).searchParams.get('token')!;
    const res = await datesOf(single.body.booking.id, singleToken);
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'This booking is not part of a recurring series' });
  });

  it('never shows another series: its token does not open this one, and each lists only its own dates', async () => {
    const other = await call(ctx, 'POST', '/api/bookings/series', {
      body: bookingBody(provider, THU_10, {
        everyWeeks: 1,
        count: 2,
        customer: { name: 'Olga Other', email: 'olga@example.com' },
      }),
    });
    expect(other.status).toBe(201);
    const otherIds = other.body.bookings.map((b: { id: number }) => b.id);
    const crossed = await datesOf(ids[0]!, other.body.token);
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.message).toBe('Booking not found');
    const theirs = await datesOf(otherIds[0], other.body.token);
    expect(theirs.body.occurrences.map((o: Occurrence) => o.id)).toEqual(otherIds);
    const ours = await datesOf(ids[0]!);
    expect(ours.body.occurrences.map((o: Occurrence) => o.id)).toEqual(ids);
  });

  it('opens for the signed-in customer who booked, without a token, and for nobody else signed in', async () => {
    const customer = await signUp(ctx, 'customer');
    const res = await call(ctx, 'POST', '/api/bookings/series', {
      session: customer,
      body: bookingBody(provider, THU_10, {
        everyWeeks: 1,
        count: 2,
        customer: { name: 'Casey', email: customer.email },
      }),
    });
    expect(res.status).toBe(201);
    const first = res.body.bookings[0].id;
    const mine = await call(ctx, 'GET', `/api/bookings/${first}/series`, { session: customer });
    expect(mine.status).toBe(200);
    expect(mine.body.occurrences).toHaveLength(2);
    const stranger = await signUp(ctx, 'customer', { email: 'stranger@example.com' });
    expect((await call(ctx, 'GET', `/api/bookings/${first}/series`, { session: stranger })).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/bookings/${ids[0]}/series`, { session: customer })).status).toBe(404);
  });

  it("shows the series' emails on every date's page: its one confirmation belongs to the first date", async () => {
    const emailsOf = async (id: number) => {
      const res = await call(ctx, 'GET', `/api/bookings/${id}/emails?token=${encodeURIComponent(token)}`);
      expect(res.status).toBe(200);
      return res.body.emails as { id: number; kind: string; to: string }[];
    };
    const first = await emailsOf(ids[0]!);
    expect(first.map((e) => e.kind)).toEqual(['confirmation']);
    expect(await emailsOf(ids[2]!)).toEqual(first);
    // A date's own later email (its cancellation) shows beside the series' confirmation, on every date's page.
    await call(ctx, 'POST', `/api/bookings/${ids[3]}/cancel`, { body: { token } });
    expect((await emailsOf(ids[1]!)).map((e) => e.kind).sort()).toEqual(['cancelled', 'confirmation']);
    // Another booking's emails stay out: a single booking of the same customer is not part of the series.
    const single = (await book(ctx, provider, THU_10)).body.booking as { id: number; manageUrl: string };
    const singleEmails = await call(
      ctx,
      'GET',
      `/api/bookings/${single.id}/emails?token=${encodeURIComponent(new URL(single.manageUrl).searchParams.get('token')!)}`,
    );
    expect(singleEmails.body.emails.map((e: { id: number }) => e.id)).not.toContain(first[0]!.id);
    expect(await emailsOf(ids[0]!)).toHaveLength(2);
  });
});
