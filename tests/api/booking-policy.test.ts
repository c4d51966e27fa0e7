import { beforeEach, describe, expect, it } from 'vitest';
import { book, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z; the appointment is Thursday 10:00 Berlin, so 24 hours before it is
// Wednesday 10:00 Berlin (09:00Z).
const SLOT = '2026-12-03T09:00:00.000Z';
const BEFORE_CUTOFF = new Date('2026-12-02T08:59:00.000Z');
const AFTER_CUTOFF = new Date('2026-12-02T09:00:00.000Z');
const NEW_TIME = '2026-12-03T12:00:00.000Z';
const POLICY = { cutoffHours: 24, text: 'Late cancellations are charged half the price.' };

async function setPolicy(ctx: TestContext, provider: ProviderFixture, policy: typeof POLICY) {
  const { profile } = (await call(ctx, 'GET', '/api/admin/profile', { session: provider.session })).body;
  const res = await call(ctx, 'PUT', '/api/admin/profile', {
    session: provider.session,
    body: { ...profile, closedAt: undefined, policy },
  });
  expect(res.status).toBe(200);
  return res.body.profile;
}

describe('a business policy (cut-off and text)', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
  });

  it('is none for a new business, saved by the owner and kept when a client leaves it out', async () => {
    const before = (await call(ctx, 'GET', '/api/admin/profile', { session: provider.session })).body.profile;
    expect(before.policy).toEqual({ cutoffHours: 0, text: '' });
    expect((await setPolicy(ctx, provider, POLICY)).policy).toEqual(POLICY);
    const { policy: _, ...olderClient } = { ...before, closedAt: undefined };
    const res = await call(ctx, 'PUT', '/api/admin/profile', { session: provider.session, body: olderClient });
    expect(res.status).toBe(200);
    expect(res.body.profile.policy).toEqual(POLICY);
  });

  it('refuses a cut-off that is not whole hours up to 30 days, and a text over 500 characters', async () => {
    const { profile } = (await call(ctx, 'GET', '/api/admin/profile', { session: provider.session })).body;
    for (const [policy, field] of [
      [{ cutoffHours: 1.5, text: '' }, 'policy.cutoffHours'],
      [{ cutoffHours: -1, text: '' }, 'policy.cutoffHours'],
      [{ cutoffHours: 24 * 30 + 1, text: '' }, 'policy.cutoffHours'],
      [{ cutoffHours: 24, text: 'x'.repeat(501) }, 'policy.text'],
    ] as const) {
      const res = await call(ctx, 'PUT', '/api/admin/profile', {
        session: provider.session,
        body: { ...profile, closedAt: undefined, policy },
      });
      expect(res.status, JSON.stringify(policy)).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain(field);
    }
  });

  it('is on the public provider API, next to business data only', async () => {
    await setPolicy(ctx, provider, POLICY);
    const res = await call(ctx, 'GET', `/api/providers/${provider.slug}`);
    expect(res.status).toBe(200);
    expect(res.body.provider.policy).toEqual(POLICY);
    expect(Object.keys(res.body.provider).sort()).toEqual(
      ['address', 'category', 'city', 'description', 'name', 'phone', 'policy', 'rating', 'slug', 'timeZone'].sort(),
    );
    const listed = (await call(ctx, 'GET', '/api/providers?q=provider')).body.providers;
    expect(listed.find((p: { slug: string }) => p.slug === provider.slug).policy).toEqual(POLICY);
    expect(JSON.stringify(res.body)).not.toContain('@');
  });

  it('shows on the booking the customer holds: policy, deadline and how to reach the business', async () => {
    await setPolicy(ctx, provider, POLICY);
    const booked = await book(ctx, provider, SLOT);
    expect(booked.body.booking.policy).toEqual({ ...POLICY, changeableUntil: '2026-12-02T09:00:00.000Z' });
    const { manageUrl } = booked.body.booking;
    const token = new URL(manageUrl).searchParams.get('token')!;
    const seen = await call(ctx, 'GET', `/api/bookings/${booked.body.booking.id}?token=${token}`);
    expect(seen.body.booking.policy.changeableUntil).toBe('2026-12-02T09:00:00.000Z');
    // The owner confirmed their address in the fixture: it is the business's email.
    const owner = await ctx.db.selectFrom('users').select('email').where('id', '=', provider.userId).executeTakeFirst();
    expect(seen.body.booking.provider).toMatchObject({ phone: '+49 30 000000', email: owner!.email });
  });

  describe('after the cut-off', () => {
    let id: number;
    let token: string;
    let customer: Session;
    let sessionBooking: number;

    beforeEach(async () => {
      await setPolicy(ctx, provider, POLICY);
      const booked = await book(ctx, provider, SLOT);
      id = booked.body.booking.id;
      token = new URL(booked.body.booking.manageUrl).searchParams.get('token')!;
      customer = await signUp(ctx, 'customer');
      const own = await call(ctx, 'POST', '/api/bookings', {
        body: bookingBody(provider, '2026-12-03T08:00:00.000Z'), // 09:00 Berlin: past its cut-off too
        session: customer,
      });
      expect(own.status).toBe(201);
      sessionBooking = own.body.booking.id;
    });

    const expectRefused = (res: { status: number; body: any }, verb: string) => {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('cancellation_cutoff_passed');
      expect(res.body.error.message).toContain('up to 1 day before the appointment');
      expect(res.body.error.message).toContain(`can no longer be ${verb} online`);
    };

    it('refuses cancel and reschedule by the manage link, with a message naming the cut-off', async () => {
      ctx.clock.now = AFTER_CUTOFF;
      expectRefused(await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token } }), 'cancelled');
      expectRefused(
        await call(ctx, 'POST', `/api/bookings/${id}/reschedule`, { body: { token, start: NEW_TIME } }),
        'rescheduled',
      );
      const row = await ctx.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'confirmed', start_at: SLOT, sequence: 0 });
    });

    it('refuses cancel and reschedule by the signed-in customer', async () => {
      ctx.clock.now = AFTER_CUTOFF;
      expectRefused(
        await call(ctx, 'POST', `/api/bookings/${sessionBooking}/cancel`, { body: {}, session: customer }),
        'cancelled',
      );
      expectRefused(
        await call(ctx, 'POST', `/api/bookings/${sessionBooking}/reschedule`, {
          body: { start: NEW_TIME },
          session: customer,
        }),
        'rescheduled',
      );
    });

    it('still lets a stranger learn nothing: a wrong token is a 404, not the cut-off', async () => {
      ctx.clock.now = AFTER_CUTOFF;
      const res = await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token: 'a'.repeat(32) } });
      expect(res.status).toBe(404);
    });

    it('lets the owner cancel and reschedule', async () => {
      ctx.clock.now = AFTER_CUTOFF;
      const moved = await call(ctx, 'POST', `/api/admin/appointments/${id}/reschedule`, {
        session: provider.session,
        body: { start: NEW_TIME },
      });
      expect(moved.status).toBe(200);
      const cancelled = await call(ctx, 'POST', `/api/admin/appointments/${sessionBooking}/cancel`, {
        session: provider.session,
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.appointment.status).toBe('cancelled');
    });
  });

  it('allows the customer to cancel and reschedule before the cut-off', async () => {
    await setPolicy(ctx, provider, POLICY);
    const booked = await book(ctx, provider, SLOT);
    const { id } = booked.body.booking;
    const token = new URL(booked.body.booking.manageUrl).searchParams.get('token')!;
    ctx.clock.now = BEFORE_CUTOFF;
    const moved = await call(ctx, 'POST', `/api/bookings/${id}/reschedule`, { body: { token, start: NEW_TIME } });
    expect(moved.status).toBe(200);
    // The deadline moves with the appointment: 24 hours before the new time is still ahead.
    expect(moved.body.booking.policy.changeableUntil).toBe('2026-12-02T12:00:00.000Z');
    const cancelled = await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking.status).toBe('cancelled');
  });

  it('without a cut-off, lets the customer cancel until the appointment starts', async () => {
    const booked = await book(ctx, provider, SLOT);
    const token = new URL(booked.body.booking.manageUrl).searchParams.get('token')!;
    ctx.clock.now = new Date(Date.parse(SLOT) - 60_000);
    const res = await call(ctx, 'POST', `/api/bookings/${booked.body.booking.id}/cancel`, { body: { token } });
    expect(res.status).toBe(200);
  });
});
