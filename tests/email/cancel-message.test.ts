import { beforeEach, describe, expect, it } from 'vitest';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const SLOT = '2026-12-02T09:00:00.000Z';
const GUEST = 'chris@example.com';

/** The owner cancels with a message: it is kept with the appointment and reaches the customer's inbox, escaped. */
describe('cancelling with a message', () => {
  const inbox = realInbox();
  let ctx: TestContext;
  let provider: ProviderFixture;
  let id: number;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { profile: { name: 'Salon Süd' } });
    id = (await book(ctx, provider, SLOT)).body.booking.id;
    await inbox.deliver(ctx);
  });

  const cancel = (body?: unknown) =>
    call(ctx, 'POST', `/api/admin/appointments/${id}/cancel`, {
      session: provider.session,
      ...(body !== undefined && { body }),
    });
  const cancellationTo = (address: string) =>
    inbox.of(address).find((e) => (e.subject ?? '').startsWith(address === GUEST ? 'Booking cancelled' : 'Cancelled'));

  it('quotes the owner’s message in the customer’s email, text and HTML, escaped, and keeps it', async () => {
    const reason = 'Sorry, the salon is flooded <b>today</b> & tomorrow.\nPlease book again next week.';
    const res = await cancel({ reason: `  ${reason}  ` });
    expect(res.status).toBe(200);
    expect(res.body.appointment).toMatchObject({ status: 'cancelled', cancelReason: reason });
    expect(
      (await call(ctx, 'GET', `/api/admin/appointments/${id}`, { session: provider.session })).body.appointment
        .cancelReason,
    ).toBe(reason);

    await inbox.deliver(ctx);
    const email = cancellationTo(GUEST)!;
    expect(email.text).toContain(`Message from Salon Süd:\n${reason}`);
    expect(email.html).toContain(
      'Message from Salon Süd:<br>Sorry, the salon is flooded &lt;b&gt;today&lt;/b&gt; &amp; tomorrow.<br>Please book again next week.',
    );
    expect(email.html).not.toContain('<b>today');
    // The owner's own copy says what the customer was told.
    const owner = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', provider.userId)
      .executeTakeFirstOrThrow();
    expect(cancellationTo(owner.email)!.text).toContain(`with your message:\n${reason}`);
  });

  it('without a message (no body, or a blank one) the email says only that the business cancelled', async () => {
    const res = await cancel({ reason: '   ' });
    expect(res.status).toBe(200);
    expect(res.body.appointment.cancelReason).toBeNull();
    await inbox.deliver(ctx);
    const email = cancellationTo(GUEST)!;
    expect(email.text).toContain('Salon Süd had to cancel this appointment.');
    expect(email.text).not.toContain('Message from');
  });

  it('refuses a message that is too long or not text, with a clear error, and cancels nothing', async () => {
    for (const body of [{ reason: 'x'.repeat(501) }, { reason: 42 }, { reason: 'bell\u0007' }]) {
      const res = await cancel(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', fields: { reason: expect.any(String) } });
    }
    const row = await ctx.db
      .selectFrom('appointments')
      .select(['status', 'cancel_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'confirmed', cancel_reason: null });
  });

  it('a cancellation without a body still works', async () => {
    expect((await cancel()).body.appointment).toMatchObject({ status: 'cancelled', cancelReason: null });
  });
});
