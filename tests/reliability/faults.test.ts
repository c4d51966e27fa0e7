import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { eventIdFor } from '../../server/calendar/google/event-id.js';
import { smtpTransport } from '../../server/email/transport.js';
import { appointmentUid } from '../../server/ical/appointment-calendar.js';
import { type CalendarTestContext, createCalendarContext, drainSync } from '../calendar/calendar-context.js';
import { FakeGoogle } from '../calendar/fake-google.js';
import { emailWorker, flushOutbox } from '../support/email.js';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { listen } from '../support/server.js';
import { freePort, startSmtp, type TestSmtp, until } from '../support/smtp.js';
import { APP_URL } from '../support/test-app.js';

const LOOPS = 6;
/** Bookings per round: fewer than the email worker's batch, so each of its passes ends. */
const PER_ROUND = 20;
const MINUTE = 60_000;

/**
 * SMTP and Google Calendar failing in every way they do, while customers keep booking over real HTTP: first SMTP
 * refuses connections and Google answers 500 and 429, then SMTP says 451 and Google is slow or drops connections,
 * then SMTP holds some messages past the client's timeout and Google applies changes but loses the answer. Then both
 * recover. The email worker and calendar sync run their real clients against the real local servers; the test
 * moves the app's clock so that retry backoff costs no real time.
 */
describe('faults: SMTP and Google failing under booking load', () => {
  let google: FakeGoogle;
  let ctx: CalendarTestContext;
  let smtp: TestSmtp | undefined;
  let server: { url: string; close: () => Promise<void> };
  let provider: ProviderFixture;
  let calendarId: string;

  beforeAll(async () => {
    google = await FakeGoogle.start();
    // A slow answer comes long after the client's timeout; the timeout itself leaves a busy machine room, so only
    // the held answers time out (a 300 ms timeout also cut off the set-up's own calls under load).
    google.slowMs = 15_000;
    ctx = await createCalendarContext(google, { calendar: { timeoutMs: 3_000 } });
    // The same app with the per-address booking limit raised: the load comes from one address.
    const app = createApp({
      db: ctx.db,
      config: { ...ctx.config, bookingRateLimit: 1_000_000 },
      now: () => ctx.clock.now,
      calendar: ctx.calendar,
    });
    ctx = { ...ctx, app };
    server = await listen(app);
    provider = await createProvider(ctx, {
      service: { durationMinutes: 15 },
      rules: { minNoticeMinutes: 0, maxDaysAhead: 365, slotStepMinutes: 15 },
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    });
    const shared = await call(ctx, 'PUT', '/api/admin/calendar/google-shared', {
      session: provider.session,
      body: { shareWith: 'owner@gmail.com', role: 'writer' },
    });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    calendarId = shared.body.connection.calendarId;
    await flushOutbox(ctx); // the sign-up's verification email: not part of this test
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    await ctx?.calendar.busy.idle();
    await google?.stop();
    await ctx?.db.destroy();
  });

  it('books through every fault, then delivers every email and calendar event exactly once', async () => {
    const port = await freePort();
    const log: string[] = [];
    // Timeouts short enough that a held message is a timeout within the test's time (its send gives up after
    // 2 s + 2 × 2 s), long enough that a busy machine's slow answers are not taken for silence.
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, { connectionTimeoutMs: 2_000, socketTimeoutMs: 2_000 });
    const worker = emailWorker(ctx, { transport, log: (line) => log.push(line) });

    // Booking load over HTTP: each round books PER_ROUND slots on LOOPS connections while the workers run.
    const statuses: (number | string)[] = [];
    let next = 0;
    const base = Date.parse('2026-12-10T00:00:00.000Z');
    const bookRound = () => {
      const last = next + PER_ROUND;
      return Promise.all(
        Array.from({ length: LOOPS }, async () => {
          while (next < last) {
            const n = next++;
            try {
              const res = await fetch(`${server.url}/api/bookings`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({
                  provider: provider.slug,
                  service: provider.serviceId,
                  start: new Date(base + n * 15 * MINUTE).toISOString(),
                  customer: { name: `Fault ${n}`, email: `fault-${n}@example.com` },
                }),
              });
              statuses.push(res.status);
              await res.arrayBuffer();
            } catch (error) {
              statuses.push(String(error));
            }
          }
        }),
      );
    };
    /**
     * Bookings and a pass of both workers at the same time: the pass starts once a quarter of the round is booked (so
     * it has work, however slow the machine), while the rest is still booking. Then a minute passes (every retry so
     * far is due again).
     */
    const round = async () => {
      const started = statuses.length;
      const workers = until(() => statuses.length >= started + PER_ROUND / 4, 60_000).then(() =>
        Promise.all([worker.runOnce(), ctx.calendar.syncOnce()]),
      );
      await Promise.all([bookRound(), workers]);
      ctx.clock.now = new Date(ctx.clock.now.getTime() + MINUTE + 1_000);
    };

    // 1: SMTP refuses connections; Google answers 500 and 429 (with Retry-After) and 403 rate limits.
    google.setFaults(['error500', 'rate429', 'rate403', 'ok']);
    await round();
    // 2: SMTP is back but answers 451 to every recipient; Google is slow (past the client's timeout) or drops the connection.
    smtp = await startSmtp(port);
    smtp.mode = 'tempfail';
    google.setFaults(['slow', 'reset', 'ok']);
    await round();
    // 3: SMTP accepts, but holds messages past the client's timeout; Google applies changes, then drops the answer.
    smtp.mode = 'accept';
    let release!: () => void;
    smtp.gate = new Promise<void>((resolve) => (release = resolve));
    const gated = smtp;
    // Three messages are held (their sends time out); the rest of the round gets through.
    void until(() => gated.waiting >= 3, 60_000).then(
      () => (gated.gate = null),
      () => undefined,
    );
    google.setFaults(['resetAfterApply', 'slow', 'ok']);
    await round();

    // Recovery.
    release();
    google.setFaults([]);

    // Not one booking failed because email or calendar did.
    expect(statuses).toHaveLength(3 * PER_ROUND);
    expect(
      statuses.filter((s) => s !== 201),
      'bookings that did not get 201',
    ).toEqual([]);
    // And the faults really were served.
    for (const fault of ['error500', 'rate429', 'rate403', 'slow', 'reset', 'resetAfterApply'] as const)
      expect(google.faultsServed.get(fault), fault).toBeGreaterThan(0);
    const lines = log.join('\n');
    expect(lines).toMatch(/ECONNREFUSED/);
    expect(lines).toMatch(/451/);
    expect(lines).toMatch(/timeout|ETIMEDOUT/i);

    // Drain both outboxes, moving the clock to whatever is due next.
    for (let pass = 0; pass < 40; pass++) {
      await worker.runOnce();
      const left = await ctx.db
        .selectFrom('email_outbox')
        .select(['status', 'next_attempt_at'])
        .where('status', '!=', 'sent')
        .execute();
      if (left.length === 0) break;
      expect(
        left.filter((r) => r.status === 'failed'),
        'emails given up on',
      ).toEqual([]);
      const due = Math.min(...left.map((r) => Date.parse(r.next_attempt_at)));
      if (due > ctx.clock.now.getTime()) ctx.clock.now = new Date(due);
    }
    await drainSync(ctx);
    await worker.stop();

    const appointments = await ctx.db.selectFrom('appointments').select(['id', 'start_at', 'end_at']).execute();
    expect(appointments).toHaveLength(statuses.length);

    // Emails: all sent; by Message-ID, each received; the only copies are messages the server took after the
    // client had given up on it (timeouts), resent with the same Message-ID.
    const emails = await ctx.db
      .selectFrom('email_outbox')
      .select(['status', 'message_id', 'attempts'])
      .where('appointment_id', 'is not', null)
      .execute();
    expect(emails).toHaveLength(2 * appointments.length);
    expect(emails.every((e) => e.status === 'sent')).toBe(true);
    const received = smtp.received.map((m) => (m.messageId ?? '').replace(/^<|>$/g, ''));
    const ids = new Set(emails.map((e) => e.message_id.replace(/^<|>$/g, '')));
    expect(new Set(received)).toEqual(ids);
    const copies = received.length - ids.size;
    expect(copies).toBeLessThanOrEqual(emails.filter((e) => e.attempts > 1).length);

    // Calendar: exactly one live event per booking, at its time.
    const live = google.liveEvents(calendarId);
    expect(live).toHaveLength(appointments.length);
    const calendar = google.calendar(calendarId)!;
    for (const a of appointments) {
      const event = calendar.events.get(eventIdFor(appointmentUid(a.id, APP_URL)));
      expect(event?.status, `event of appointment ${a.id}`).toBe('confirmed');
      expect(Date.parse(event!.start.dateTime!)).toBe(Date.parse(a.start_at));
    }
    console.log(
      `Faults: ${statuses.length} bookings during the faults, all 201; ${emails.length} emails delivered (${emails.filter((e) => e.attempts > 1).length} after retries, ` +
        `${copies} late copies with the same Message-ID); ${live.length} calendar events, faults served: ${JSON.stringify(Object.fromEntries(google.faultsServed))}.`,
    );
  });
});
