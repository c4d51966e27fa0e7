import { beforeEach, describe, expect, it } from 'vitest';
import { emailWorker } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const SLOT = '2026-12-02T09:00:00.000Z';
const tokenOf = (manageUrl: string) => new URL(manageUrl).searchParams.get('token')!;
/** Appointment emails only: account emails (address verification) are not what these tests are about. */
const aboutBookings = (res: { body: { emails: { appointmentId: number | null }[] } }) =>
  res.body.emails.filter((e) => e.appointmentId !== null);

describe('mailboxes', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let other: ProviderFixture;
  let alice: Session & { email: string };
  let bob: Session & { email: string };
  let booking: { id: number; manageUrl: string };
  let guest: { id: number; manageUrl: string };

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
    other = await createProvider(ctx);
    alice = await signUp(ctx, 'customer', { email: 'alice@example.com', name: 'Alice' });
    bob = await signUp(ctx, 'customer', { email: 'bob@example.com', name: 'Bob' });
    const res = await call(ctx, 'POST', '/api/bookings', {
      session: alice,
      body: {
        provider: provider.slug,
        service: provider.serviceId,
        start: SLOT,
        customer: { name: 'Alice', email: 'alice@example.com' },
      },
    });
    expect(res.status).toBe(201);
    booking = res.body.booking;
    guest = (await book(ctx, provider, '2026-12-02T12:00:00.000Z')).body.booking;
    const worker = emailWorker(ctx);
    await worker.runOnce();
    await worker.stop();
  });

  it('shows a customer the emails sent to them, with their working manage link, and nobody else’s', async () => {
    const mine = await call(ctx, 'GET', '/api/me/emails', { session: alice });
    expect(mine.status).toBe(200);
    expect(aboutBookings(mine)).toHaveLength(1);
    const email: any = aboutBookings(mine)[0];
    expect(email).toMatchObject({
      kind: 'confirmation',
      to: 'alice@example.com',
      status: 'sent',
      appointmentId: booking.id,
    });
    expect(email.subject).toMatch(/^Booking confirmed: /);
    expect(email.sentAt).toBe(ctx.clock.now.toISOString());
    expect(email.html).toContain(`href="${booking.manageUrl}"`);
    expect(email.text).toContain(booking.manageUrl);
    expect((await call(ctx, 'GET', `/api/me/emails/${email.id}`, { session: alice })).body.email.id).toBe(email.id);

    expect(aboutBookings(await call(ctx, 'GET', '/api/me/emails', { session: bob }))).toEqual([]);
    expect((await call(ctx, 'GET', `/api/me/emails/${email.id}`, { session: bob })).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/me/emails/${email.id}/html`, { session: bob })).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/me/emails/${email.id}`, { session: provider.session })).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/me/emails')).status).toBe(401);
  });

  it('shows a provider their own emails in /api/me and every email about their appointments in the admin log', async () => {
    const mine = await call(ctx, 'GET', '/api/me/emails', { session: provider.session });
    expect(aboutBookings(mine).map((e: any) => e.subject)).toEqual([
      expect.stringMatching(/^New booking: Chris Customer/),
      expect.stringMatching(/^New booking: Alice/),
    ]);

    const log = await call(ctx, 'GET', '/api/admin/emails', { session: provider.session });
    expect(log.status).toBe(200);
    expect(log.body.emails).toHaveLength(4);
    const aliceCopy = log.body.emails.find((e: { to: string }) => e.to === 'alice@example.com');
    expect(aliceCopy).toMatchObject({
      toRole: 'customer',
      status: 'sent',
      attempts: 1,
      lastError: null,
      transport: 'mailbox',
    });
    // The customer's manage link is their key: the provider sees the email without it.
    expect(aliceCopy.html).not.toContain(tokenOf(booking.manageUrl));
    expect(aliceCopy.html).toContain('token=hidden');
    const byAppointment = await call(ctx, 'GET', `/api/admin/emails?appointment=${booking.id}`, {
      session: provider.session,
    });
    expect(byAppointment.body.emails).toHaveLength(2);

    expect((await call(ctx, 'GET', '/api/admin/emails', { session: other.session })).body.emails).toEqual([]);
    expect((await call(ctx, 'GET', `/api/admin/emails/${aliceCopy.id}`, { session: other.session })).status).toBe(404);
    expect(
      (await call(ctx, 'POST', `/api/admin/emails/${aliceCopy.id}/retry`, { session: other.session })).status,
    ).toBe(404);
    expect((await call(ctx, 'GET', '/api/admin/emails', { session: alice })).status).toBe(403);
  });

  it('lets a guest read their booking’s emails through the manage token, and only those', async () => {
    const token = tokenOf(guest.manageUrl);
    const res = await call(ctx, 'GET', `/api/bookings/${guest.id}/emails?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.body.emails).toHaveLength(1);
    expect(res.body.emails[0]).toMatchObject({ to: 'chris@example.com', kind: 'confirmation' });
    expect(res.body.emails[0].text).toContain(guest.manageUrl);

    expect((await call(ctx, 'GET', `/api/bookings/${guest.id}/emails`)).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/bookings/${guest.id}/emails?token=${'a'.repeat(32)}`)).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/bookings/${booking.id}/emails?token=${token}`)).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/bookings/${guest.id}/emails`, { session: alice })).status).toBe(404);
    // The customer who booked while signed in needs no token.
    expect((await call(ctx, 'GET', `/api/bookings/${booking.id}/emails`, { session: alice })).body.emails).toHaveLength(
      1,
    );
  });

  it('serves the HTML so it cannot run script in the site’s origin', async () => {
    const token = tokenOf(guest.manageUrl);
    const [email] = (await call(ctx, 'GET', `/api/bookings/${guest.id}/emails?token=${token}`)).body.emails;
    const urls = [
      [email.htmlUrl, undefined],
      [(aboutBookings(await call(ctx, 'GET', '/api/me/emails', { session: alice }))[0] as any).htmlUrl, alice],
      [
        (await call(ctx, 'GET', '/api/admin/emails', { session: provider.session })).body.emails[0].htmlUrl,
        provider.session,
      ],
    ] as const;
    for (const [url, session] of urls) {
      const res = await call(ctx, 'GET', url, { session });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(
        /^sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'/,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.body).toContain('<base target="_blank">');
      expect(res.body).not.toMatch(/<script/i);
    }
  });
});
