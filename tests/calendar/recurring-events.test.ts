import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { bookingBody } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { APP_URL } from '../support/test-app.js';
import { calendarWorld, connectOwnGoogle, drainSync } from './calendar-context.js';

const OWNER = 'series.owner@gmail.com';
// Wednesdays 10:00 Berlin (09:00Z), NOW being Tuesday 1 December 2026.
const WEDNESDAYS = ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'].map((d) => `${d}T09:00:00.000Z`);

// Calendar sync and the feed write one event per occurrence: each is an appointment of its own (docs/calendar.md).
describe('a recurring series in the provider’s calendars', () => {
  const ctx = calendarWorld();

  const bookSeries = async () => {
    const allowed = await call(ctx, 'PATCH', `/api/admin/services/${ctx.provider.serviceId}`, {
      session: ctx.provider.session,
      body: { repeat: { maxCount: 8, everyWeeks: [1] } },
    });
    expect(allowed.status).toBe(200);
    const res = await call(ctx, 'POST', '/api/bookings/series', {
      body: bookingBody(ctx.provider, WEDNESDAYS[0]!, { everyWeeks: 1, count: 4 }),
    });
    expect(res.status).toBe(201);
    return res.body as { token: string; bookings: { id: number }[] };
  };
  const liveStarts = () =>
    ctx.google
      .liveEvents(OWNER)
      .map((e) => new Date(e.start.dateTime!).toISOString())
      .sort();

  it('writes one Google event per occurrence, and takes out the ones cancelled "from this one on"', async () => {
    await connectOwnGoogle(ctx, OWNER);
    const series = await bookSeries();
    await drainSync(ctx);
    expect(liveStarts()).toEqual(WEDNESDAYS);
    const res = await call(ctx, 'POST', `/api/bookings/${series.bookings[2]!.id}/cancel`, {
      body: { token: series.token, scope: 'following' },
    });
    expect(res.body.cancelled).toBe(2);
    await drainSync(ctx);
    expect(liveStarts()).toEqual(WEDNESDAYS.slice(0, 2));
  });

  it('lists each occurrence as its own event in the feed', async () => {
    await bookSeries();
    const url = (await call(ctx, 'POST', '/api/admin/calendar/feed/rotate', { session: ctx.provider.session })).body
      .url as string;
    const feed = await call(ctx, 'GET', url.slice(APP_URL.length));
    const events = Object.values(ical.sync.parseICS(feed.body as string)).filter(
      (c): c is VEvent => c.type === 'VEVENT',
    );
    expect(events.map((e) => e.start.toISOString()).sort()).toEqual(WEDNESDAYS);
    expect(events.every((e) => !e.rrule)).toBe(true);
  });
});
