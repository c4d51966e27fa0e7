import { beforeEach, describe, expect, it } from 'vitest';
import { flushOutbox } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z; SLOT is Thursday 10:00 Berlin.
const SLOT = '2026-12-03T09:00:00.000Z';
const CUSTOMER = 'chris@example.com';
const RULE =
  'You can cancel or reschedule online up to 1 day before the appointment; after that, please contact the business.';
const TEXT = 'Late cancellations & no-shows: <50 %> of the price.';

describe('the business policy in the customer’s emails', () => {
  const inbox = realInbox();
  let ctx: TestContext;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { policy: { cutoffHours: 24, text: TEXT } });
    await flushOutbox(ctx);
  });

  const expectPolicy = (subject: RegExp) => {
    const email = inbox.of(CUSTOMER).find((e) => subject.test(e.subject ?? ''));
    expect(email, String(subject)).toBeDefined();
    expect(email!.text).toContain(`Cancellation policy: ${RULE}\n  ${TEXT}`);
    // The HTML part says it too, escaped like anything else a business typed.
    expect(email!.html).toContain('Cancellation policy</th>');
    expect(email!.html).toContain(`${RULE}<br>Late cancellations &amp; no-shows: &lt;50 %&gt; of the price.`);
  };

  it('is in the confirmation, the reschedule and the cancellation email (text and HTML)', async () => {
    const booked = await book(ctx, provider, SLOT);
    const token = new URL(booked.body.booking.manageUrl).searchParams.get('token')!;
    const { id } = booked.body.booking;
    expect(
      (
        await call(ctx, 'POST', `/api/bookings/${id}/reschedule`, {
          body: { token, start: '2026-12-03T12:00:00.000Z' },
        })
      ).status,
    ).toBe(200);
    expect((await call(ctx, 'POST', `/api/bookings/${id}/cancel`, { body: { token } })).status).toBe(200);
    await inbox.deliver(ctx);
    expectPolicy(/^Booking confirmed/);
    expectPolicy(/^Booking moved/);
    expectPolicy(/^Booking cancelled/);
  });

  it('is not in the business’s own copy', async () => {
    await book(ctx, provider, SLOT);
    await inbox.deliver(ctx);
    const owner = inbox.smtp.received.find((e) => e.to?.[0]?.address !== CUSTOMER);
    expect(owner?.subject).toMatch(/^New booking/);
    expect(owner!.text).not.toContain('Cancellation policy');
  });
});
