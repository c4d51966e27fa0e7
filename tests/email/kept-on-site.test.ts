import { describe, expect, it } from 'vitest';
import { emailWorker } from '../support/email.js';
import { createProvider } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { createTestContext } from '../support/test-app.js';

const SLOT = '2026-12-02T09:00:00.000Z';

/**
 * Email honesty: whether an email left the server is recorded per email (`transport`) and shown to the owner and
 * the customer; the owner's log also says whether this server sends email at all, for its banner.
 */
describe('emails kept on site or sent', () => {
  const inbox = realInbox();

  const bookAsCustomer = async (smtpUrl: string | null) => {
    const ctx = await createTestContext({ config: { smtpUrl } });
    const provider = await createProvider(ctx);
    const customer = await signUp(ctx, 'customer', { email: 'kim@example.com', name: 'Kim' });
    const res = await call(ctx, 'POST', '/api/bookings', {
      session: customer,
      body: {
        provider: provider.slug,
        service: provider.serviceId,
        start: SLOT,
        customer: { name: 'Kim', email: customer.email },
      },
    });
    expect(res.status).toBe(201);
    return { ctx, provider, customer };
  };
  const confirmation = (res: { body: { emails: { kind: string; to: string }[] } }) =>
    res.body.emails.find((e) => e.kind === 'confirmation' && e.to === 'kim@example.com');

  it('without SMTP_URL: every email is marked kept on site, for the owner and the customer, and the owner is told', async () => {
    const { ctx, provider, customer } = await bookAsCustomer(null);
    const worker = emailWorker(ctx);
    await worker.runOnce();
    await worker.stop();

    const delivery = await call(ctx, 'GET', '/api/admin/emails/delivery', { session: provider.session });
    expect(delivery.status).toBe(200);
    expect(delivery.body).toEqual({ delivery: { sendsEmail: false } });

    const log = await call(ctx, 'GET', '/api/admin/emails', { session: provider.session });
    expect(log.body.emails.length).toBeGreaterThan(0);
    expect(
      log.body.emails.every(
        (e: { status: string; transport: string }) => e.status === 'sent' && e.transport === 'mailbox',
      ),
    ).toBe(true);
    expect(confirmation(await call(ctx, 'GET', '/api/me/emails', { session: customer }))).toMatchObject({
      status: 'sent',
      transport: 'mailbox',
    });
    expect(inbox.of('kim@example.com')).toEqual([]);
    // Only owners ask about the server's email set-up.
    expect((await call(ctx, 'GET', '/api/admin/emails/delivery', { session: customer })).status).toBe(403);
    expect((await call(ctx, 'GET', '/api/admin/emails/delivery')).status).toBe(401);
  });

  it('with SMTP_URL: emails are marked sent over SMTP, arrive, and no banner is asked for', async () => {
    const { ctx, provider, customer } = await bookAsCustomer(inbox.smtp.url);
    await inbox.deliver(ctx);

    const delivery = await call(ctx, 'GET', '/api/admin/emails/delivery', { session: provider.session });
    expect(delivery.body).toEqual({ delivery: { sendsEmail: true } });
    const log = await call(ctx, 'GET', '/api/admin/emails', { session: provider.session });
    expect(confirmation(log)).toMatchObject({ status: 'sent', transport: 'smtp' });
    expect(confirmation(await call(ctx, 'GET', '/api/me/emails', { session: customer }))).toMatchObject({
      transport: 'smtp',
    });
    expect(inbox.of('kim@example.com').map((e) => e.subject)).toContainEqual(
      expect.stringMatching(/^Booking confirmed: /),
    );
  });
});
