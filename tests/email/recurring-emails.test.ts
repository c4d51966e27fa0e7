import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import type { Email } from 'postal-mime';
import { beforeEach, describe, expect, it } from 'vitest';
import { book, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 09:00 in Berlin. Series of Tuesdays at 10:00 Berlin from 16 March 2027, across the
// change to summer time on 28 March: 09:00Z before it, 08:00Z after.
const TUESDAYS = [
  '2027-03-16T09:00:00.000Z',
  '2027-03-23T09:00:00.000Z',
  '2027-03-30T08:00:00.000Z',
  '2027-04-06T08:00:00.000Z',
];
const GUEST = 'chris@example.com';

const text = (content: string | ArrayBuffer | Uint8Array | undefined) =>
  typeof content === 'string' ? content : new TextDecoder().decode(content);
const icsOf = (email: Email) => text(email.attachments.find((a) => a.filename === 'invite.ics')?.content);

/** ical.js, as Thunderbird reads a file: its VTIMEZONEs registered, the master's rule expanded less its EXDATEs. */
function icalJsRead(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const expand = (event: ICAL.Event) => {
    const starts: string[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toJSDate().toISOString());
    return starts;
  };
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: events.map((e) => ({
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      recurrenceId: e.recurrenceId?.toJSDate().toISOString(),
      expanded: e.isRecurring() ? expand(e) : undefined,
    })),
  };
}

/** node-ical: the master's rrule (rrule.js) expanded less its EXDATEs; instances under `recurrences`. */
function nodeIcalRead(ics: string) {
  const entries = Object.values(nodeIcal.sync.parseICS(ics)).filter((c): c is VEvent => c.type === 'VEVENT');
  return entries.map((e) => {
    const excluded = Object.values((e.exdate ?? {}) as Record<string, Date>).map((d) => d.getTime());
    return {
      uid: e.uid,
      expanded: e.rrule
        ?.all()
        .filter((d) => !excluded.includes(d.getTime()))
        .map((d) => d.toISOString()),
      // Instances sharing a UID are gathered under the first one's `recurrences`, keyed by date.
      recurrenceIds: (e.recurrences ? Object.values(e.recurrences) : e.recurrenceid ? [e] : []).map((r) =>
        new Date(r.recurrenceid as Date).toISOString(),
      ),
    };
  });
}

describe('emails of a recurring series', () => {
  const inbox = realInbox();
  let ctx: TestContext;
  let provider: ProviderFixture;
  let ownerEmail: string;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { profile: { name: 'Physio Berlin' }, rules: { maxDaysAhead: 365 } });
    await call(ctx, 'PATCH', `/api/admin/services/${provider.serviceId}`, {
      session: provider.session,
      body: { repeat: { maxCount: 10, everyWeeks: [1, 2] } },
    });
    ownerEmail = (await call(ctx, 'GET', '/api/me', { session: provider.session })).body.user.email;
  });

  const bookSeries = async (extra: Record<string, unknown> = {}) => {
    const res = await call(ctx, 'POST', '/api/bookings/series', {
      body: bookingBody(provider, TUESDAYS[0]!, { everyWeeks: 1, count: 4, mode: 'available', ...extra }),
    });
    expect(res.status).toBe(201);
    return res.body as { token: string; bookings: { id: number; start: string }[]; series: { id: number } };
  };

  it('sends one confirmation per side, listing the dates, whose invitation expands to exactly the booked dates across DST', async () => {
    // Someone else has the third Tuesday: the series skips it.
    expect(
      (await book(ctx, provider, TUESDAYS[2]!, { customer: { name: 'Sam', email: 'sam@example.com' } })).status,
    ).toBe(201);
    await inbox.deliver(ctx);
    inbox.smtp.received.length = 0;
    const series = await bookSeries();
    expect(series.bookings.map((b) => b.start)).toEqual([TUESDAYS[0], TUESDAYS[1], TUESDAYS[3]]);
    await inbox.deliver(ctx);

    for (const address of [GUEST, ownerEmail]) {
      const emails = inbox.of(address).filter((e) => /Booking confirmed|New booking/.test(e.subject ?? ''));
      expect(emails, address).toHaveLength(1);
      expect(emails[0]!.subject).toContain('(3 dates)');
      expect(emails[0]!.text).toContain('Tuesday 16 March 2027, 10:00–11:00');
      expect(emails[0]!.text).toContain('Tuesday 6 April 2027, 10:00–11:00');
      expect(emails[0]!.text).toContain('Not booked (taken)');
      const ics = icsOf(emails[0]!);
      const rrule = ics.split(/\r?\n/).find((line) => line.startsWith('RRULE:'));
      expect(rrule?.slice(6).split(';').sort()).toEqual(['COUNT=4', 'FREQ=WEEKLY', 'INTERVAL=1']);
      expect(ics).toMatch(/DTSTART;TZID=Europe\/Berlin:20270316T100000/);
      expect(ics).toMatch(/EXDATE;TZID=Europe\/Berlin:20270330T100000/);

      const byIcalJs = icalJsRead(ics);
      expect(byIcalJs.method).toBe('REQUEST');
      expect(byIcalJs.events).toHaveLength(1);
      expect(byIcalJs.events[0]!.uid).toBe(`series-${series.series.id}@booking.test`);
      expect(byIcalJs.events[0]!.expanded).toEqual(series.bookings.map((b) => b.start));
      const byNodeIcal = nodeIcalRead(ics);
      expect(byNodeIcal).toHaveLength(1);
      expect(byNodeIcal[0]!.expanded).toEqual(series.bookings.map((b) => b.start));
    }
    // Nobody got one email per occurrence.
    expect(inbox.of(GUEST)).toHaveLength(1);
    expect(inbox.of(ownerEmail)).toHaveLength(1);
  });

  it('cancels one occurrence with an instance cancellation: same UID, its RECURRENCE-ID, a higher SEQUENCE', async () => {
    const series = await bookSeries();
    await inbox.deliver(ctx);
    const target = series.bookings[2]!;
    expect(
      (await call(ctx, 'POST', `/api/bookings/${target.id}/cancel`, { body: { token: series.token } })).status,
    ).toBe(200);
    await inbox.deliver(ctx);
    const cancellations = inbox.of(GUEST).filter((e) => e.subject?.startsWith('Booking cancelled'));
    expect(cancellations).toHaveLength(1);
    expect(cancellations[0]!.text).toContain('Tuesday 30 March 2027, 10:00–11:00');
    const ics = icsOf(cancellations[0]!);
    const byIcalJs = icalJsRead(ics);
    expect(byIcalJs.method).toBe('CANCEL');
    expect(byIcalJs.events).toEqual([
      {
        uid: `series-${series.series.id}@booking.test`,
        sequence: 1,
        start: TUESDAYS[2],
        recurrenceId: TUESDAYS[2],
        expanded: undefined,
      },
    ]);
    expect(nodeIcalRead(ics).flatMap((e) => e.recurrenceIds)).toEqual([TUESDAYS[2]]);
  });

  it('cancels "this and all following" with one email per side whose instances are exactly the cancelled ones', async () => {
    const series = await bookSeries();
    await inbox.deliver(ctx);
    const res = await call(ctx, 'POST', `/api/admin/appointments/${series.bookings[1]!.id}/cancel`, {
      session: provider.session,
      body: { scope: 'following' },
    });
    expect(res.body.cancelled).toBe(3);
    await inbox.deliver(ctx);
    for (const address of [GUEST, ownerEmail]) {
      const cancellations = inbox.of(address).filter((e) => /cancelled/i.test(e.subject ?? ''));
      expect(cancellations, address).toHaveLength(1);
      expect(cancellations[0]!.subject).toContain('(3 dates)');
      const ics = icsOf(cancellations[0]!);
      const byIcalJs = icalJsRead(ics);
      expect(byIcalJs.method).toBe('CANCEL');
      expect(byIcalJs.events.map((e) => e.recurrenceId)).toEqual(TUESDAYS.slice(1));
      expect(new Set(byIcalJs.events.map((e) => e.uid))).toEqual(new Set([`series-${series.series.id}@booking.test`]));
      expect(
        nodeIcalRead(ics)
          .flatMap((e) => e.recurrenceIds)
          .sort(),
      ).toEqual(TUESDAYS.slice(1));
    }
  });

  it('moves one occurrence with an instance update: its RECURRENCE-ID, the new start', async () => {
    const series = await bookSeries();
    await inbox.deliver(ctx);
    const moved = '2027-03-24T13:00:00.000Z';
    const res = await call(ctx, 'POST', `/api/bookings/${series.bookings[1]!.id}/reschedule`, {
      body: { token: series.token, start: moved },
    });
    expect(res.status).toBe(200);
    await inbox.deliver(ctx);
    const update = inbox.of(GUEST).find((e) => e.subject?.startsWith('Booking moved'))!;
    const byIcalJs = icalJsRead(icsOf(update));
    expect(byIcalJs.method).toBe('REQUEST');
    expect(byIcalJs.events).toEqual([
      {
        uid: `series-${series.series.id}@booking.test`,
        sequence: 1,
        start: moved,
        recurrenceId: TUESDAYS[1],
        expanded: undefined,
      },
    ]);
  });
});
