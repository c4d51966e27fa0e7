import { beforeEach, describe, expect, it } from 'vitest';
import { book, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

describe('customer account', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  const inbox = realInbox();

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { slug: 'acct' });
  });

  /** The confirmation link's token, read from the real inbox like a person would. */
  const tokenFor = async (email: string) => {
    await inbox.deliver(ctx);
    return inbox.token(email, '/verify-email');
  };

  describe('email verification', () => {
    it('sends a link by email and, once confirmed, attaches the guest bookings made with that address', async () => {
      const guest = { customer: { name: 'Gina Guest', email: 'gina@example.com' } };
      expect((await book(ctx, provider, '2026-12-02T09:00:00.000Z', guest)).status).toBe(201);
      expect((await book(ctx, provider, '2026-12-03T09:00:00.000Z', guest)).status).toBe(201);
      expect((await book(ctx, provider, '2026-12-04T09:00:00.000Z')).status).toBe(201); // someone else
      const gina = await signUp(ctx, 'customer', { email: 'gina@example.com', name: 'Gina Guest' });
      expect((await call(ctx, 'GET', '/api/me/appointments', { session: gina })).body.appointments).toEqual([]);

      const sent = await call(ctx, 'POST', '/api/auth/verify-email/request', { session: gina });
      expect(sent.status).toBe(202);
      const token = await tokenFor('gina@example.com');

      // The link works without a session (it may be opened on another device).
      const confirmed = await call(ctx, 'POST', '/api/auth/verify-email', { body: { token } });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ emailVerified: true, role: 'customer', attached: 2, signedIn: false });

      const me = await call(ctx, 'GET', '/api/me', { session: gina });
      expect(me.body.user.emailVerified).toBe(true);
      const mine = await call(ctx, 'GET', '/api/me/appointments', { session: gina });
      expect(mine.body.appointments.map((a: { start: string }) => a.start)).toEqual([
        '2026-12-02T09:00:00.000Z',
        '2026-12-03T09:00:00.000Z',
      ]);
      // Their confirmations now show in their mailbox too.
      const mailbox = await call(ctx, 'GET', '/api/me/emails', { session: gina });
      expect(mailbox.body.emails.filter((e: { kind: string }) => e.kind === 'confirmation')).toHaveLength(2);

      // A link works once; asking again says the address is confirmed.
      const again = await call(ctx, 'POST', '/api/auth/verify-email', { body: { token } });
      expect(again.status).toBe(400);
      expect((await call(ctx, 'POST', '/api/auth/verify-email/request', { session: gina })).body).toEqual({
        sent: false,
        emailVerified: true,
      });
    });

    it('sends the first link at signup, to the inbox and never to the site’s mailbox', async () => {
      const dana = await signUp(ctx, 'customer', { email: 'dana@example.com', name: 'Dana Customer' });
      const token = await tokenFor('dana@example.com');
      expect((await call(ctx, 'GET', '/api/me/emails', { session: dana })).body.emails).toEqual([]);
      expect((await call(ctx, 'POST', '/api/auth/verify-email', { body: { token } })).status).toBe(200);
    });

    it('refuses tampered, foreign and expired tokens', async () => {
      const dana = await signUp(ctx, 'customer', { email: 'dana@example.com' });
      const token = await tokenFor('dana@example.com');
      const flipped = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
      for (const bad of [flipped, token.toUpperCase(), 'nonsense', '']) {
        const res = await call(ctx, 'POST', '/api/auth/verify-email', { body: { token: bad } });
        expect(res.status).toBe(400);
        expect(res.body.error.fields).toEqual({ token: 'invalid or expired' });
      }
      ctx.clock.now = new Date(ctx.clock.now.getTime() + 24 * 60 * 60 * 1000);
      expect((await call(ctx, 'POST', '/api/auth/verify-email', { body: { token } })).status).toBe(400);
      expect((await call(ctx, 'GET', '/api/me', { session: dana })).body.user.emailVerified).toBe(false);
    });

    it('needs a session to ask for a link, and limits how often', async () => {
      expect((await call(ctx, 'POST', '/api/auth/verify-email/request')).status).toBe(401);
      const dana = await signUp(ctx, 'customer');
      for (let i = 0; i < 5; i++)
        expect((await call(ctx, 'POST', '/api/auth/verify-email/request', { session: dana })).status).toBe(202);
      const limited = await call(ctx, 'POST', '/api/auth/verify-email/request', { session: dana });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  describe('own reviews', () => {
    it('lists the signed-in customer’s reviews only, to customers only', async () => {
      const dana = await signUp(ctx, 'customer', { name: 'Dana Customer' });
      const booked = await call(ctx, 'POST', '/api/bookings', {
        session: dana,
        body: bookingBody(provider, '2026-12-02T09:00:00.000Z'),
      });
      ctx.clock.now = new Date('2026-12-02T11:00:00.000Z');
      await call(ctx, 'POST', `/api/admin/appointments/${booked.body.booking.id}/complete`, {
        session: provider.session,
      });
      await call(ctx, 'POST', '/api/reviews', {
        session: dana,
        body: { appointmentId: booked.body.booking.id, rating: 5, body: 'Lovely' },
      });

      const mine = await call(ctx, 'GET', '/api/reviews', { session: dana });
      expect(mine.status).toBe(200);
      expect(mine.body.reviews).toEqual([
        expect.objectContaining({ appointmentId: booked.body.booking.id, rating: 5, body: 'Lovely', reply: null }),
      ]);
      const stranger = await signUp(ctx, 'customer');
      expect((await call(ctx, 'GET', '/api/reviews', { session: stranger })).body.reviews).toEqual([]);
      expect((await call(ctx, 'GET', '/api/reviews', { session: provider.session })).status).toBe(403);
      expect((await call(ctx, 'GET', '/api/reviews')).status).toBe(401);
    });
  });
});
