import ical, { type VCalendar, type VEvent } from 'node-ical';
import type { Attachment, Email } from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailWorker } from '../../server/email/email.worker.js';
import { advance, emailWorker, flushOutbox } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z; SLOT is Wednesday 10:00 in Berlin, 04:00 in New York.
const SLOT = '2026-12-02T09:00:00.000Z';
const LATER = '2026-12-03T13:00:00.000Z'; // Thursday 14:00 Berlin, 08:00 New York

const to = (email: Email) => email.to?.map((a) => a.address);
const invitation = (email: Email) => email.attachments.find((a) => a.mimeType === 'text/calendar');
const icsFile = (email: Email) => email.attachments.find((a) => a.filename === 'invite.ics');
const text = (a: Attachment | undefined) =>
  typeof a?.content === 'string' ? a.content : new TextDecoder().decode(a?.content);

function parseIcs(body: string) {
  const parsed = Object.values(ical.sync.parseICS(body));
  const event = parsed.find((c): c is VEvent => c.type === 'VEVENT')!;
  const calendar = parsed.find((c): c is VCalendar => c.type === 'VCALENDAR');
  return { event, method: calendar?.method ?? /^METHOD:(\w+)/m.exec(body)?.[1] };
}

describe('appointment emails over SMTP', () => {
  let ctx: TestContext;
  let smtp: TestSmtp;
  let worker: EmailWorker;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    smtp = await startSmtp();
    worker = emailWorker(ctx, { smtpUrl: smtp.url });
    provider = await createProvider(ctx, { profile: { name: 'Salon <Süd> & Co' } });
    await flushOutbox(ctx);
  });
  afterEach(async () => {
    await worker.stop();
    await smtp.close();
  });

  /** The last two emails (sent concurrently, in either order): the customer's first. */
  const deliver = async (count: number) => {
    await worker.runOnce();
    expect(smtp.received).toHaveLength(count);
    const last = smtp.received.slice(-2);
    return [last.find((e) => to(e)?.[0] === 'chris@example.com'), last.find((e) => to(e)?.[0] !== 'chris@example.com')];
  };

  it('sends the customer and the provider their own confirmation, in their zones, with an invitation', async () => {
    const res = await book(ctx, provider, SLOT, {
      customer: { name: 'Chris <script>alert(1)</script>', email: 'chris@example.com', phone: '+49 30 1234567' },
      note: 'Side door, please',
      timeZone: 'America/New_York',
    });
    expect(res.status).toBe(201);
    const [customer, owner] = await deliver(2);
    const providerEmail = (await call(ctx, 'GET', '/api/me', { session: provider.session })).body.user.email;

    expect(to(customer!)).toEqual(['chris@example.com']);
    expect(customer!.from?.address).toBe('bookings@booking.test');
    expect(customer!.subject).toBe('Booking confirmed: Consultation at Salon <Süd> & Co, Wed 2 Dec, 04:00');
    expect(customer!.text).toContain('Wednesday 2 December 2026, 04:00–05:00 (America/New_York)');
    expect(customer!.text).toContain('Teststraße 1, Berlin');
    expect(customer!.text).toContain(`Cancel or reschedule: ${res.body.booking.manageUrl}`);
    expect(customer!.html).toContain(`href="${res.body.booking.manageUrl}"`);
    expect(customer!.html).toContain('Chris &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(customer!.html).toContain('Salon &lt;Süd&gt; &amp; Co');
    expect(customer!.html).not.toContain('<script>');

    expect(to(owner!)).toEqual([providerEmail]);
    expect(owner!.subject).toBe('New booking: Chris <script>alert(1)</script>, Consultation, Wed 2 Dec, 10:00');
    expect(owner!.text).toContain('Wednesday 2 December 2026, 10:00–11:00 (Europe/Berlin)');
    expect(owner!.text).toContain('Phone: +49 30 1234567');
    expect(owner!.text).toContain('Note: Side door, please');
    expect(owner!.text).not.toContain('token=');

    for (const email of [customer!, owner!]) {
      expect(invitation(email)?.method).toBe('REQUEST');
      const { event, method } = parseIcs(text(icsFile(email)));
      expect(method).toBe('REQUEST');
      expect(event.uid).toBe(`appointment-${res.body.booking.id}@booking.test`);
      expect(Number(event.sequence)).toBe(0);
      expect(new Date(event.start).toISOString()).toBe(SLOT);
      expect(String((event.organizer as { val?: string })?.val ?? event.organizer).toLowerCase()).toBe(
        `mailto:${providerEmail}`,
      );
      const unfolded = text(icsFile(email)).replace(/\r?\n[ \t]/g, ''); // RFC 5545 §3.1 line folding
      expect(unfolded).toMatch(/^ATTENDEE;.*:mailto:chris@example\.com\r?$/im);
    }
    expect(new Set(smtp.received.map((e) => e.messageId)).size).toBe(2);
  });

  it('raises SEQUENCE on a reschedule and sends METHOD:CANCEL for a cancellation, keeping the UID', async () => {
    const res = await book(ctx, provider, SLOT, { timeZone: 'America/New_York' });
    const { id, manageUrl } = res.body.booking;
    const token = new URL(manageUrl).searchParams.get('token');
    await deliver(2);

    expect((await call(ctx, 'POST', `/api/bookings/${id}/reschedule`, { body: { token, start: LATER } })).status).toBe(
      200,
    );
    const [moved, movedOwner] = await deliver(4);
    expect(moved!.subject).toBe('Booking moved: Consultation at Salon <Süd> & Co, now Thu 3 Dec, 08:00');
    expect(moved!.text).toContain('Previously: Wednesday 2 December 2026, 04:00–05:00 (America/New_York)');
    expect(moved!.text).toContain(`Cancel or reschedule: ${manageUrl}`);
    expect(movedOwner!.text).toContain('Chris Customer moved their appointment.');
    const update = parseIcs(text(icsFile(moved!)));
    expect(update.method).toBe('REQUEST');
    expect(update.event.uid).toBe(`appointment-${id}@booking.test`);
    expect(Number(update.event.sequence)).toBe(1);
    expect(new Date(update.event.start).toISOString()).toBe(LATER);

    expect(
      (await call(ctx, 'POST', `/api/admin/appointments/${id}/cancel`, { session: provider.session })).status,
    ).toBe(200);
    const [cancelled, cancelledOwner] = await deliver(6);
    expect(cancelled!.subject).toMatch(/^Booking cancelled: /);
    expect(cancelled!.text).toContain('Salon <Süd> & Co had to cancel this appointment.');
    expect(cancelledOwner!.text).toContain('You cancelled this appointment');
    for (const email of [cancelled!, cancelledOwner!]) {
      expect(invitation(email)?.method).toBe('CANCEL');
      const removal = parseIcs(text(icsFile(email)));
      expect(removal.method).toBe('CANCEL');
      expect(removal.event.uid).toBe(`appointment-${id}@booking.test`);
      expect(Number(removal.event.sequence)).toBe(2);
      expect(removal.event.status).toBe('CANCELLED');
    }
  });

  it('asks the customer for a review when the provider completes the appointment', async () => {
    const res = await book(ctx, provider, SLOT);
    await deliver(2);
    advance(ctx, 26 * 3_600_000);
    const done = await call(ctx, 'POST', `/api/admin/appointments/${res.body.booking.id}/complete`, {
      session: provider.session,
    });
    expect(done.status).toBe(200);
    const [customer, owner] = await deliver(4);
    expect(customer!.subject).toBe('Thanks for visiting Salon <Süd> & Co: how was it?');
    expect(customer!.text).toContain(`Leave a review: ${res.body.booking.manageUrl}#review`);
    expect(customer!.attachments).toEqual([]);
    expect(owner!.subject).toMatch(/^Completed: Chris Customer, Consultation/);
  });
});
