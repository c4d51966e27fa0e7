import { beforeEach, describe, expect, it } from 'vitest';
import { purgeExpiredKeys } from '../../server/bookings/idempotency.js';
import { book, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z (09:00 in Berlin); the provider opens 09:00–17:00 Berlin time.
const SLOT = '2026-12-02T09:00:00.000Z'; // Wednesday 10:00 Berlin
const slotsOf = async (ctx: TestContext, p: ProviderFixture, date = '2026-12-02') =>
  (
    await call(
      ctx,
      'GET',
      `/api/providers/${p.slug}/slots?service=${p.serviceId}&from=${date}&to=${date}&tz=Europe/Berlin`,
    )
  ).body.slots as { start: string }[];

describe('POST /api/bookings', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
  });

  it('books an offered slot, stores it and removes it from the slots', async () => {
    expect((await slotsOf(ctx, provider)).map((s) => s.start)).toContain(SLOT);
    const res = await book(ctx, provider, SLOT);
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ status: 'confirmed', start: SLOT, end: '2026-12-02T10:00:00.000Z' });
    expect(res.body.booking.manageUrl).toMatch(/^http:\/\/booking\.test\/manage\/\d+\?token=[a-z2-7]{32}$/);
    const row = await ctx.db.selectFrom('appointments').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ customer_email: 'chris@example.com', status: 'confirmed', start_at: SLOT });
    expect(row.manage_token_hash).not.toContain(new URL(res.body.booking.manageUrl).searchParams.get('token'));
    // The Google Calendar event the customer adds carries the way back to the booking.
    const google = new URL(res.body.booking.calendarLinks.google);
    expect(google.searchParams.get('details')).toBe(`Manage or cancel: ${res.body.booking.manageUrl}`);
    const starts = (await slotsOf(ctx, provider)).map((s) => s.start);
    expect(starts).not.toContain(SLOT);
    expect(starts).not.toContain('2026-12-02T09:30:00.000Z'); // overlaps the 60-minute booking
    expect(starts).toContain('2026-12-02T10:00:00.000Z');
  });

  it('answers 409 slot_taken for a slot booked meanwhile and 422 for a time never offered', async () => {
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
    const again = await book(ctx, provider, SLOT);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('slot_taken');
    const overlapping = await book(ctx, provider, '2026-12-02T09:30:00.000Z');
    expect(overlapping.status).toBe(409);
    for (const start of [
      '2026-12-02T09:10:00.000Z',
      '2026-12-02T03:00:00.000Z',
      '2026-12-06T10:00:00.000Z',
      '2026-12-01T08:30:00.000Z',
    ]) {
      const res = await book(ctx, provider, start); // misaligned, before opening, Sunday, inside the notice
      expect(res.status, start).toBe(422);
      expect(res.body.error.code).toBe('slot_not_offered');
    }
    expect(await ctx.db.selectFrom('appointments').select('id').execute()).toHaveLength(1);
  });

  it('replays the same answer for a repeated Idempotency-Key and never books twice', async () => {
    const headers = { 'Idempotency-Key': 'key-123' };
    const first = await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, SLOT), headers });
    const second = await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, SLOT), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const other = await call(ctx, 'POST', '/api/bookings', {
      body: bookingBody(provider, '2026-12-02T12:00:00.000Z'),
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(await ctx.db.selectFrom('appointments').select('id').execute()).toHaveLength(1);
  });

  it('forgets stored answers after 24 hours, when the purge runs', async () => {
    const headers = { 'Idempotency-Key': 'key-purge' };
    expect((await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, SLOT), headers })).status).toBe(201);
    await purgeExpiredKeys(ctx.db, new Date(ctx.clock.now.getTime() + 23 * 3_600_000));
    expect(await ctx.db.selectFrom('idempotency_keys').select('created_at').execute()).toHaveLength(1);
    await purgeExpiredKeys(ctx.db, new Date(ctx.clock.now.getTime() + 25 * 3_600_000));
    expect(await ctx.db.selectFrom('idempotency_keys').select('created_at').execute()).toEqual([]);
  });

  it('validates the body with field messages', async () => {
    const res = await call(ctx, 'POST', '/api/bookings', {
      body: { ...bookingBody(provider, 'tomorrow'), customer: { name: '', email: 'nope' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(['start', 'customer.name', 'customer.email']),
    );
  });

  it('answers 404 for an unknown provider or a service of another provider', async () => {
    const other = await createProvider(ctx);
    expect((await book(ctx, { ...provider, slug: 'nobody-here' }, SLOT)).status).toBe(404);
    expect((await book(ctx, { ...provider, serviceId: other.serviceId }, SLOT)).status).toBe(404);
  });

  it('links the booking to a signed-in customer', async () => {
    const customer = await signUp(ctx, 'customer');
    const res = await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, SLOT), session: customer });
    expect(res.status).toBe(201);
    const row = await ctx.db.selectFrom('appointments').select('customer_user_id').executeTakeFirstOrThrow();
    expect(row.customer_user_id).toBe(customer.userId);
  });
});

describe('managing a booking', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let id: number;
  let token: string;
  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
    const res = await book(ctx, provider, SLOT);
    id = res.body.booking.id;
    token = new URL(res.body.booking.manageUrl).searchParams.get('token')!;
  });

  it('shows the booking to the token holder only', async () => {
    const ok = await call(ctx, 'GET', `/api/bookings/${id}?token=${token}`);
    expect(ok.status).toBe(200);
    expect(ok.body.booking).toMatchObject({ id, status: 'confirmed', service: { name: 'Consultation' } });
    expect(JSON.stringify(ok.body)).not.toContain('chris@example.com');
    const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    expect((await call(ctx, 'GET', `/api/bookings/${id}?token=${tampered}`)).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/bookings/${id}`)).status).toBe(404);
  });

  it('offers an .ics download with a stable UID', async () => {
    const res = await call(ctx, 'GET', `/api/bookings/${id}/calendar.ics?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    expect(res.body).toContain(`UID:appointment-${id}@booking.test`);
    expect(res.body).toContain('DTSTART:20261202T090000Z');
  });

  it('reschedules keeping the id and bumping the sequence, freeing the old slot', async () => {
    const res = await call(ctx, 'POST', `/api/bookings/${id}/reschedule`, {
      body: { token, start: '2026-12-03T13:00:00.000Z' },
    });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ id, start: '2026-12-03T13:00:00.000Z', sequence: 1, status: 'confirmed' });
    expect((await slotsOf(ctx, provider)).map((s) => s.start)).toContain(SLOT);
    const taken = await book(ctx, provider, '2026-12-03T13:00:00.000Z');
    expect(taken.status).toBe(409);
  });

  it('cancels once; a second cancel is an invalid transition', async () => {
    const res = await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token } });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ status: 'cancelled', cancelledBy: 'customer' });
    expect((await slotsOf(ctx, provider)).map((s) => s.start)).toContain(SLOT);
    const again = await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
  });

  it('refuses a cancel without the right token', async () => {
    const res = await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token: 'wrong' } });
    expect(res.status).toBe(404);
    const row = await ctx.db.selectFrom('appointments').select('status').executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
  });

  it('refuses to cancel or move an appointment that has started', async () => {
    ctx.clock.now = new Date('2026-12-02T09:30:00.000Z');
    expect((await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token } })).status).toBe(409);
    expect(
      (
        await call(ctx, 'POST', `/api/bookings/${id}/reschedule`, {
          body: { token, start: '2026-12-03T13:00:00.000Z' },
        })
      ).status,
    ).toBe(409);
  });
});

describe('booking on a spring-forward day', () => {
  // The first interval lies in the gap, so it reads as later than the second's start; both must still be offered.
  it.each([
    [
      'Europe/Berlin',
      '2027-03-28',
      ['02:30', '02:50', '03:00', '04:00'],
      '2027-03-28T03:00:00+02:00',
      ['2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z'],
    ],
    [
      'Australia/Lord_Howe',
      '2027-10-03',
      ['02:10', '02:25', '02:30', '03:30'],
      '2027-10-03T02:30:00+11:00',
      ['2027-10-02T15:30:00.000Z', '2027-10-02T16:00:00.000Z'],
    ],
    [
      'Antarctica/Troll',
      '2027-03-28',
      ['01:30', '01:50', '03:00', '04:00'],
      '2027-03-28T03:00:00+02:00',
      ['2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z'],
    ],
  ])('%s %s: offers and books the first slot after the gap', async (timeZone, date, [a, b, c, d], start, expected) => {
    const ctx = await createTestContext();
    const provider = await createProvider(ctx, {
      timeZone,
      service: { durationMinutes: 30 },
      rules: { minNoticeMinutes: 0, maxDaysAhead: 365, slotStepMinutes: 30 },
      weekly: [
        { weekday: 7, start: a!, end: b! },
        { weekday: 7, start: c!, end: d! },
      ],
    });
    const res = await call(
      ctx,
      'GET',
      `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=${date}&to=${date}&tz=${timeZone}`,
    );
    expect(res.body.slots.map((s: { start: string }) => s.start)).toEqual(expected);
    const booked = await book(ctx, provider, start);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.booking.start).toBe(expected[0]);
  });
});
