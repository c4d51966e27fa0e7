import ical, { type VEvent } from 'node-ical';
import type { Email } from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailWorker } from '../../server/email/email.worker.js';
import { emailWorker, flushOutbox } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z; SLOT is Wednesday 10:00 in Berlin, 04:00 in New York.
const SLOT = '2026-12-02T09:00:00.000Z';
const LATER = '2026-12-03T13:00:00.000Z'; // Thursday 14:00 Berlin, 08:00 New York

const invite = (email: Email) => {
  const file = email.attachments.find((a) => a.filename === 'invite.ics');
  const body = typeof file?.content === 'string' ? file.content : new TextDecoder().decode(file?.content);
  const event = Object.values(ical.sync.parseICS(body)).find((c): c is VEvent => c.type === 'VEVENT')!;
  return { method: /^METHOD:(\w+)/m.exec(body)?.[1], sequence: Number(event.sequence), start: event.start, body };
};

// The booking's transaction queues each email as its draft; the worker writes it out when it sends.
describe('appointment emails queued as drafts', () => {
  let ctx: TestContext;
  let smtp: TestSmtp;
  let worker: EmailWorker;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    smtp = await startSmtp();
    worker = emailWorker(ctx, { smtpUrl: smtp.url });
    provider = await createProvider(ctx, { profile: { name: 'Salon Süd' } });
    await flushOutbox(ctx);
  });
  afterEach(async () => {
    await worker.stop();
    await smtp.close();
  });

  const rows = (id: number) =>
    ctx.db.selectFrom('email_outbox').selectAll().where('appointment_id', '=', id).orderBy('id').execute();

  it('tells each change as it was when a booking, its move and its cancellation are all sent in one later pass', async () => {
    const res = await book(ctx, provider, SLOT, { timeZone: 'America/New_York' });
    const { id, manageUrl } = res.body.booking;
    const token = new URL(manageUrl).searchParams.get('token');
    expect((await call(ctx, 'POST', `/api/bookings/${id}/reschedule`, { body: { token, start: LATER } })).status).toBe(
      200,
    );
    expect(
      (await call(ctx, 'POST', `/api/admin/appointments/${id}/cancel`, { session: provider.session })).status,
    ).toBe(200);

    // Queued: the facts only, nothing written out yet.
    const queued = await rows(id);
    expect(queued.map((r) => [r.kind, r.to_role])).toEqual([
      ['confirmation', 'customer'],
      ['confirmation', 'provider'],
      ['rescheduled', 'customer'],
      ['rescheduled', 'provider'],
      ['cancelled', 'customer'],
      ['cancelled', 'provider'],
    ]);
    for (const row of queued) {
      expect([row.subject, row.html, row.text, row.ics]).toEqual(['', '', '', null]);
      expect(JSON.parse(row.draft!).facts.kind).toBe(row.kind);
    }

    await worker.runOnce();
    const customer = smtp.received.filter((e) => e.to?.[0]?.address === 'chris@example.com');
    const bySubject = (prefix: string) => customer.find((e) => e.subject?.startsWith(prefix))!;
    const booked = bySubject('Booking confirmed');
    const moved = bySubject('Booking moved');
    const cancelled = bySubject('Booking cancelled');
    expect(customer).toHaveLength(3);

    // The confirmation still says the first time, though the appointment had moved and been cancelled since.
    expect(booked.text).toContain('Wednesday 2 December 2026, 04:00–05:00 (America/New_York)');
    expect(booked.text).toContain(`Cancel or reschedule: ${manageUrl}`);
    expect(invite(booked)).toMatchObject({ method: 'REQUEST', sequence: 0 });
    expect(invite(booked).start.toISOString()).toBe(SLOT);
    expect(moved.subject).toBe('Booking moved: Consultation at Salon Süd, now Thu 3 Dec, 08:00');
    expect(moved.text).toContain('Previously: Wednesday 2 December 2026, 04:00–05:00 (America/New_York)');
    expect(invite(moved)).toMatchObject({ method: 'REQUEST', sequence: 1 });
    expect(invite(moved).start.toISOString()).toBe(LATER);
    expect(cancelled.text).toContain('Salon Süd had to cancel this appointment.');
    expect(invite(cancelled)).toMatchObject({ method: 'CANCEL', sequence: 2 });

    // Sent: the row keeps what went out (link token still a placeholder), the draft is gone.
    const sent = await rows(id);
    for (const row of sent) {
      expect(row.status).toBe('sent');
      expect(row.draft).toBeNull();
      expect(smtp.received.some((e) => e.subject === row.subject && e.messageId === row.message_id)).toBe(true);
    }
    const customerRows = sent.filter((r) => r.to_role === 'customer');
    expect(customerRows.map((r) => r.subject)).toEqual([booked.subject, moved.subject, cancelled.subject]);
    // postal-mime hands text parts back with LF line ends.
    expect(customerRows[2]!.ics!.replace(/\r\n/g, '\n')).toBe(invite(cancelled).body.replace(/\r\n/g, '\n'));
    expect(customerRows[0]!.text).toContain('token={{manage_token}}');
  });

  it('shows a queued draft written out in the mailbox before it is sent, as it is sent', async () => {
    const res = await book(ctx, provider, SLOT);
    const id = res.body.booking.id;
    const shown = await call(ctx, 'GET', `/api/admin/emails?appointment=${id}`, { session: provider.session });
    expect(shown.status).toBe(200);
    const before = shown.body.emails.map((e: { subject: string; hasInvitation: boolean }) => [
      e.subject,
      e.hasInvitation,
    ]);
    expect(before).toHaveLength(2);
    expect(before.every(([subject]: [string]) => subject.length > 0)).toBe(true);

    await worker.runOnce();
    const after = await call(ctx, 'GET', `/api/admin/emails?appointment=${id}`, { session: provider.session });
    expect(
      after.body.emails.map((e: { subject: string; hasInvitation: boolean }) => [e.subject, e.hasInvitation]),
    ).toEqual(before);
    expect(new Set(smtp.received.map((e) => e.subject))).toEqual(new Set(before.map(([subject]: [string]) => subject)));
  });
});
