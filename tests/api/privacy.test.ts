import { beforeEach, describe, expect, it } from 'vitest';
import { retentionPass } from '../../server/privacy/privacy.service.js';
import { flushOutbox, outbox } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, signUp } from '../support/http.js';
import { createTestContext, NOW, type TestContext } from '../support/test-app.js';

const DAY = 86_400_000;
const PASSWORD = 'correct horse battery';
const tokenOf = (booking: { manageUrl: string }) => new URL(booking.manageUrl).searchParams.get('token')!;

describe('privacy', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let customer: Session & { email: string; userId: number };

  /** Customer A: a visit today (completed and reviewed once the clock has moved) and a booking next week. */
  const history = async () => {
    const visit = await call(ctx, 'POST', '/api/bookings', {
      session: customer,
      body: {
        provider: provider.slug,
        service: provider.serviceId,
        start: '2026-12-01T10:00:00.000Z',
        customer: { name: 'Alma Private', email: customer.email, phone: '+49 170 1234567' },
        note: 'Side door',
      },
    });
    const upcoming = await call(ctx, 'POST', '/api/bookings', {
      session: customer,
      body: {
        provider: provider.slug,
        service: provider.serviceId,
        start: '2026-12-08T10:00:00.000Z',
        customer: { name: 'Alma Private', email: customer.email },
      },
    });
    expect([visit.status, upcoming.status]).toEqual([201, 201]);
    ctx.clock.now = new Date('2026-12-01T12:00:00.000Z');
    expect(
      (
        await call(ctx, 'POST', `/api/admin/appointments/${visit.body.booking.id}/complete`, {
          session: provider.session,
        })
      ).status,
    ).toBe(200);
    const review = await call(ctx, 'POST', '/api/reviews', {
      session: customer,
      body: { appointmentId: visit.body.booking.id, rating: 5, body: 'Lovely.' },
    });
    expect(review.status).toBe(201);
    return { visitId: visit.body.booking.id as number, upcomingId: upcoming.body.booking.id as number };
  };
  /** DELETE /api/me, by the customer and deleting their reviews unless told otherwise. */
  const deleteAccount = ({
    password,
    reviews = 'delete',
    session = customer,
  }: {
    password: string;
    reviews?: string;
    session?: Session;
  }) => call(ctx, 'DELETE', '/api/me', { session, body: { password, reviews } });
  const appointment = (id: number) =>
    ctx.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { slug: 'studio', profile: { name: 'Studio' } });
    customer = await signUp(ctx, 'customer', { email: 'alma@private.test', name: 'Alma Private' });
  });

  describe('a customer’s data export', () => {
    it('holds their account, appointments, reviews and emails, and nobody else’s', async () => {
      const { visitId } = await history();
      const other = await signUp(ctx, 'customer', { email: 'other@example.com' });
      const res = await call(ctx, 'GET', '/api/me/export', { session: customer });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
      expect(res.body.account).toMatchObject({ email: 'alma@private.test', name: 'Alma Private', role: 'customer' });
      expect(res.body.appointments).toHaveLength(2);
      expect(res.body.appointments[0]).toMatchObject({
        id: visitId,
        note: 'Side door',
        customer: { email: 'alma@private.test', phone: '+49 170 1234567' },
      });
      expect(res.body.reviews).toEqual([
        expect.objectContaining({ appointmentId: visitId, rating: 5, body: 'Lovely.' }),
      ]);
      expect(
        res.body.emails.some(
          (e: { to: string; kind: string }) => e.to === 'alma@private.test' && e.kind === 'confirmation',
        ),
      ).toBe(true);

      const theirs = await call(ctx, 'GET', '/api/me/export', { session: other });
      expect(theirs.status).toBe(200);
      expect(theirs.body.account.email).toBe('other@example.com');
      expect(JSON.stringify(theirs.body)).not.toContain('alma@private.test');
      expect(JSON.stringify(theirs.body)).not.toContain('Side door');
      // A provider's export is their own account and mailbox, never their customers' bookings as if their own.
      expect((await call(ctx, 'GET', '/api/me/export', { session: provider.session })).body.appointments).toEqual([]);
      expect((await call(ctx, 'GET', '/api/me/export')).status).toBe(401);
    });
  });

  describe('deleting a customer account', () => {
    it('needs the password, cancels upcoming bookings with the usual emails, erases past contacts and keeps the review anonymous', async () => {
      const { visitId, upcomingId } = await history();
      await flushOutbox(ctx);
      const wrong = await deleteAccount({ password: 'not it at all', reviews: 'anonymous' });
      expect(wrong.status).toBe(401);
      expect((await appointment(upcomingId)).status).toBe('confirmed');

      const res = await deleteAccount({ password: PASSWORD, reviews: 'anonymous' });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/session=;/);
      expect((await call(ctx, 'GET', '/api/me', { session: customer })).status).toBe(401);
      expect(
        (await call(ctx, 'POST', '/api/auth/login', { body: { email: customer.email, password: PASSWORD } })).status,
      ).toBe(401);

      const cancelled = await appointment(upcomingId);
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelled_by: 'customer',
        customer_email: '',
        customer_user_id: null,
      });
      const notices = (await outbox(ctx)).filter((e) => e.appointment_id === upcomingId && e.kind === 'cancelled');
      expect(notices.map((e) => e.to_role).sort()).toEqual(['customer', 'provider']);
      expect(notices.find((e) => e.to_role === 'customer')!.to_address).toBe('alma@private.test'); // told once more, then forgotten

      const past = await appointment(visitId);
      expect(past).toMatchObject({
        customer_name: 'Former customer',
        customer_email: '',
        customer_phone: null,
        note: '',
        customer_user_id: null,
      });
      expect(past.contact_erased_at).not.toBeNull();
      const settled = await ctx.db
        .selectFrom('email_outbox')
        .select('id')
        .where('appointment_id', '=', visitId)
        .execute();
      expect(settled).toEqual([]);
      const reviews = await call(ctx, 'GET', `/api/providers/${provider.slug}/reviews`);
      expect(reviews.body.reviews).toEqual([expect.objectContaining({ author: 'Former customer', body: 'Lovely.' })]);
      const admin = await call(ctx, 'GET', `/api/admin/appointments/${visitId}`, { session: provider.session });
      expect(JSON.stringify(admin.body)).not.toContain('alma@private.test');
    });

    it('limits password attempts per account', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect((await deleteAccount({ password: `guess ${attempt}` })).status).toBe(401);
      }
      const blocked = await deleteAccount({ password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('3600');
      expect((await call(ctx, 'GET', '/api/me', { session: customer })).status).toBe(200);
    });

    it('deletes the reviews when asked to, and is for customers only', async () => {
      await history();
      expect((await deleteAccount({ password: PASSWORD, session: provider.session })).status).toBe(403);
      expect((await call(ctx, 'DELETE', '/api/me', { body: { password: PASSWORD, reviews: 'delete' } })).status).toBe(
        401,
      );
      expect((await deleteAccount({ password: PASSWORD, reviews: 'maybe' })).status).toBe(400);
      for (let attempt = 2; attempt <= 4; attempt++) {
        expect((await deleteAccount({ password: `guess ${attempt}` })).status).toBe(401);
      }
      expect((await deleteAccount({ password: PASSWORD })).status).toBe(200);
      expect((await deleteAccount({ password: 'guess 6' })).status).toBe(401); // gone already
      expect((await call(ctx, 'GET', `/api/providers/${provider.slug}/reviews`)).body.reviews).toEqual([]);
    });
  });

  describe('a guest erasing their details through the manage link', () => {
    it('works on a past booking with its token only, and refuses an upcoming one', async () => {
      const booked = await book(ctx, provider, '2026-12-02T09:00:00.000Z', {
        customer: { name: 'Gus Guest', email: 'gus@private.test', phone: '+49 160 555' },
        note: 'Call first',
      });
      const { id } = booked.body.booking;
      const token = tokenOf(booked.body.booking);
      const early = await call(ctx, 'POST', `/api/bookings/${id}/erase`, { body: { token } });
      expect(early.status).toBe(409);
      ctx.clock.now = new Date('2026-12-03T08:00:00.000Z');
      const other = await book(ctx, provider, '2026-12-04T09:00:00.000Z');
      expect(
        (await call(ctx, 'POST', `/api/bookings/${id}/erase`, { body: { token: tokenOf(other.body.booking) } })).status,
      ).toBe(404);
      expect((await call(ctx, 'POST', `/api/bookings/${id}/erase`, { body: {} })).status).toBe(404);
      expect(
        (await call(ctx, 'POST', `/api/bookings/${id}/erase`, { session: provider.session, body: {} })).status,
      ).toBe(404);
      expect((await appointment(id)).customer_email).toBe('gus@private.test');

      const res = await call(ctx, 'POST', `/api/bookings/${id}/erase`, { body: { token } });
      expect(res.status).toBe(200);
      expect(res.body.booking).toMatchObject({ customerName: 'Former customer', note: '' });
      expect(await appointment(id)).toMatchObject({ customer_email: '', customer_phone: null, note: '' });
      const admin = await call(ctx, 'GET', `/api/admin/appointments/${id}`, { session: provider.session });
      expect(admin.body.appointment.customer).toMatchObject({ name: 'Former customer', email: '', phone: null });
    });
  });

  describe('closing a business', () => {
    it('is confirmed by the slug, tells upcoming customers, leaves the directory at once and is deleted after 30 days', async () => {
      const guest = await book(ctx, provider, '2026-12-03T09:00:00.000Z', {
        customer: { name: 'Gus Guest', email: 'gus@private.test' },
      });
      const other = await createProvider(ctx, { slug: 'other-studio' });
      await flushOutbox(ctx);
      expect(
        (
          await call(ctx, 'POST', '/api/admin/business/close', {
            session: provider.session,
            body: { confirm: 'other-studio' },
          })
        ).status,
      ).toBe(400);
      expect((await call(ctx, 'POST', '/api/admin/business/close', { body: { confirm: 'studio' } })).status).toBe(401);
      expect(
        (await call(ctx, 'POST', '/api/admin/business/close', { session: customer, body: { confirm: 'studio' } }))
          .status,
      ).toBe(403);

      const res = await call(ctx, 'POST', '/api/admin/business/close', {
        session: provider.session,
        body: { confirm: 'studio' },
      });
      expect(res.status).toBe(200);
      expect((await call(ctx, 'GET', '/api/admin/profile', { session: provider.session })).body.profile.closedAt).toBe(
        NOW.toISOString(),
      );
      expect((await call(ctx, 'GET', '/api/providers')).body.providers.map((p: { slug: string }) => p.slug)).toEqual([
        'other-studio',
      ]);
      expect((await call(ctx, 'GET', '/p/studio')).status).toBe(404);
      expect(
        (
          await call(
            ctx,
            'GET',
            `/api/providers/studio/slots?service=${provider.serviceId}&from=2026-12-02&to=2026-12-02`,
          )
        ).status,
      ).toBe(404);
      expect((await book(ctx, provider, '2026-12-04T09:00:00.000Z')).status).toBe(404);
      expect(await appointment(guest.body.booking.id)).toMatchObject({ status: 'cancelled', cancelled_by: 'provider' });
      const told = (await outbox(ctx)).filter((e) => e.kind === 'cancelled' && e.to_role === 'customer');
      expect(told.map((e) => e.to_address)).toEqual(['gus@private.test']);
      // Nobody may take the address while the data is kept.
      const { profile } = (await call(ctx, 'GET', '/api/admin/profile', { session: other.session })).body;
      expect(
        (await call(ctx, 'PUT', '/api/admin/profile', { session: other.session, body: { ...profile, slug: 'studio' } }))
          .status,
      ).toBe(409);

      const countOf = async () =>
        (await ctx.db.selectFrom('appointments').select('id').where('id', '=', guest.body.booking.id).execute()).length;
      await retentionPass({ db: ctx.db, now: new Date(NOW.getTime() + 29 * DAY), retentionDays: 730 });
      expect(await countOf()).toBe(1);
      expect(
        await retentionPass({ db: ctx.db, now: new Date(NOW.getTime() + 31 * DAY), retentionDays: 730 }),
      ).toMatchObject({ purged: 1 });
      expect(await countOf()).toBe(0);
      expect(
        await ctx.db.selectFrom('providers').select('id').where('slug', '=', 'studio').executeTakeFirst(),
      ).toBeUndefined();
      expect(
        await ctx.db.selectFrom('users').select('id').where('id', '=', provider.userId).executeTakeFirst(),
      ).toBeUndefined();
      expect(
        await ctx.db.selectFrom('email_outbox').select('id').where('to_address', '=', 'gus@private.test').execute(),
      ).toEqual([]);
      expect((await call(ctx, 'GET', '/api/providers/other-studio')).status).toBe(200);
    });
  });

  describe('retention', () => {
    it(`erases contact details of appointments that ended more than RETENTION_DAYS (default ${730}) ago`, async () => {
      expect(ctx.config.retentionDays).toBe(730);
      const old = await book(ctx, provider, '2026-12-02T09:00:00.000Z', {
        customer: { name: 'Old Timer', email: 'old@private.test', phone: '+49 170 1111111' },
      });
      const recent = await book(ctx, provider, '2026-12-09T09:00:00.000Z', {
        customer: { name: 'New Comer', email: 'new@private.test' },
      });
      const endOfOld = Date.parse('2026-12-02T10:00:00.000Z');
      const pass = (at: number) =>
        retentionPass({ db: ctx.db, now: new Date(at), retentionDays: ctx.config.retentionDays });
      expect([old.status, recent.status]).toEqual([201, 201]);
      expect(await pass(endOfOld + 730 * DAY - 1)).toEqual({ erased: 0, purged: 0 });
      expect(await pass(endOfOld + 730 * DAY + 1)).toEqual({ erased: 1, purged: 0 });
      expect(await appointment(old.body.booking.id)).toMatchObject({
        customer_name: 'Former customer',
        customer_email: '',
        customer_phone: null,
      });
      expect(await appointment(recent.body.booking.id)).toMatchObject({ customer_email: 'new@private.test' });
      expect(await pass(endOfOld + 730 * DAY + 2)).toEqual({ erased: 0, purged: 0 }); // done once
    });
  });
});
