import { beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

describe('reviews', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let customer: Session & { userId: number };
  let appointmentId: number;

  const complete = async (id: number) => {
    ctx.clock.now = new Date('2026-12-02T11:00:00.000Z');
    const res = await call(ctx, 'POST', `/api/admin/appointments/${id}/complete`, { session: provider.session });
    expect(res.status).toBe(200);
  };

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { slug: 'reviewed' });
    customer = await signUp(ctx, 'customer', { name: 'Dana Maria Customer' });
    const booked = await call(ctx, 'POST', '/api/bookings', {
      session: customer,
      body: bookingBody(provider, '2026-12-02T09:00:00.000Z'),
    });
    appointmentId = booked.body.booking.id;
  });

  it('lists the signed-in customer’s own appointments', async () => {
    const mine = await call(ctx, 'GET', '/api/me/appointments', { session: customer });
    expect(mine.body.appointments.map((a: { id: number }) => a.id)).toEqual([appointmentId]);
    const stranger = await signUp(ctx, 'customer');
    expect((await call(ctx, 'GET', '/api/me/appointments', { session: stranger })).body.appointments).toEqual([]);
    // The session alone is enough to manage one's own booking.
    expect(
      (await call(ctx, 'POST', `/api/bookings/${appointmentId}/cancel`, { session: stranger, body: {} })).status,
    ).toBe(404);
    expect(
      (await call(ctx, 'POST', `/api/bookings/${appointmentId}/cancel`, { session: customer, body: {} })).status,
    ).toBe(200);
  });

  it('takes one review per completed appointment of one’s own and shows it with first name and initial', async () => {
    const early = await call(ctx, 'POST', '/api/reviews', {
      session: customer,
      body: { appointmentId, rating: 5, body: 'Great' },
    });
    expect(early.status).toBe(409); // not completed yet
    await complete(appointmentId);
    const stranger = await signUp(ctx, 'customer');
    expect(
      (await call(ctx, 'POST', '/api/reviews', { session: stranger, body: { appointmentId, rating: 1, body: 'Fake' } }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(ctx, 'POST', '/api/reviews', {
          session: provider.session,
          body: { appointmentId, rating: 5, body: 'Me' },
        })
      ).status,
    ).toBe(403);
    expect((await call(ctx, 'POST', '/api/reviews', { body: { appointmentId, rating: 5, body: 'Anon' } })).status).toBe(
      401,
    );
    const posted = await call(ctx, 'POST', '/api/reviews', {
      session: customer,
      body: { appointmentId, rating: 4, body: 'Very <b>good</b>' },
    });
    expect(posted.status).toBe(201);
    const twice = await call(ctx, 'POST', '/api/reviews', {
      session: customer,
      body: { appointmentId, rating: 5, body: 'Again' },
    });
    expect(twice.status).toBe(409);
    const bad = await call(ctx, 'POST', '/api/reviews', {
      session: customer,
      body: { appointmentId, rating: 6, body: 'x'.repeat(2001) },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['body', 'rating']);

    const pub = await call(ctx, 'GET', '/api/providers/reviewed/reviews');
    expect(pub.body).toMatchObject({ average: 4, count: 1, page: 1 });
    expect(pub.body.reviews[0]).toMatchObject({
      rating: 4,
      body: 'Very <b>good</b>',
      author: 'Dana C.',
      service: 'Consultation',
    });
    expect(JSON.stringify(pub.body)).not.toContain('Customer');
    const profile = await call(ctx, 'GET', '/api/providers/reviewed');
    expect(profile.body.provider.rating).toEqual({ average: 4, count: 1 });
  });

  it('lets the author edit for 30 days, and the provider reply once', async () => {
    await complete(appointmentId);
    const { body } = await call(ctx, 'POST', '/api/reviews', {
      session: customer,
      body: { appointmentId, rating: 3, body: 'OK' },
    });
    const id = body.review.id;
    const edited = await call(ctx, 'PATCH', `/api/reviews/${id}`, { session: customer, body: { rating: 5 } });
    expect(edited.body.review).toMatchObject({ rating: 5, body: 'OK' });
    const other = await createProvider(ctx);
    expect(
      (await call(ctx, 'POST', `/api/admin/reviews/${id}/reply`, { session: other.session, body: { reply: 'Hm' } }))
        .status,
    ).toBe(404);
    const reply = await call(ctx, 'POST', `/api/admin/reviews/${id}/reply`, {
      session: provider.session,
      body: { reply: 'Thank you!' },
    });
    expect(reply.status).toBe(200);
    expect(
      (
        await call(ctx, 'POST', `/api/admin/reviews/${id}/reply`, {
          session: provider.session,
          body: { reply: 'Again' },
        })
      ).status,
    ).toBe(409);
    expect((await call(ctx, 'GET', '/api/providers/reviewed/reviews')).body.reviews[0].reply).toBe('Thank you!');
    const later = (days: number) => (ctx.clock.now = new Date(ctx.clock.now.getTime() + days * 86_400_000));
    later(28);
    expect(
      (await call(ctx, 'PATCH', `/api/reviews/${id}`, { session: customer, body: { body: 'Still OK' } })).status,
    ).toBe(200);
    later(3);
    expect((await call(ctx, 'PATCH', `/api/reviews/${id}`, { session: customer, body: { rating: 1 } })).status).toBe(
      403,
    );
  });
});
