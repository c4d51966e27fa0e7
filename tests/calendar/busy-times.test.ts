import { describe, expect, it } from 'vitest';
import { book } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { calendarWorld, connectOwnGoogle, drainSync, writeToSecondCalendar } from './calendar-context.js';

const OWNER = 'dentist.owner@gmail.com';
const DAY = '2026-12-02'; // Wednesday; open 09:00–17:00 Berlin = 08:00–16:00Z, 60-minute slots every 30 minutes

describe('busy times from the provider’s calendar block slots', () => {
  const ctx = calendarWorld();

  const starts = async () => {
    const res = await call(
      ctx,
      'GET',
      `/api/providers/${ctx.provider.slug}/slots?service=${ctx.provider.serviceId}&from=${DAY}&to=${DAY}`,
    );
    expect(res.status).toBe(200);
    return (res.body.slots as { start: string }[]).map((s) => s.start.slice(11, 16));
  };
  /** Reads slots once (which starts the on-demand refresh), waits for the refresh, reads again. */
  const startsAfterRefresh = async () => {
    await starts();
    await ctx.calendar.busy.idle();
    return starts();
  };
  const busyRows = () =>
    ctx.db.selectFrom('calendar_busy').select(['start_at', 'end_at']).orderBy('start_at').execute();

  it('a dentist appointment in their own calendar removes the overlapping slots', async () => {
    await connectOwnGoogle(ctx, OWNER);
    expect(await startsAfterRefresh()).toContain('09:30');
    ctx.google.addOwnerEvent(OWNER, { start: `${DAY}T09:30:00Z`, end: `${DAY}T10:15:00Z`, summary: 'Dentist' });
    ctx.google.addOwnerEvent(OWNER, {
      start: `${DAY}T13:00:00Z`,
      end: `${DAY}T14:00:00Z`,
      transparency: 'transparent',
    });
    ctx.google.addOwnerEvent(OWNER, {
      start: `${DAY}T15:00:00Z`,
      end: `${DAY}T16:00:00Z`,
      summary: 'Invitation',
      declined: true,
    });

    ctx.clock.now = new Date(ctx.clock.now.getTime() + ctx.config.calendar.busyTtlMs + 1);
    const slots = await startsAfterRefresh();
    for (const blocked of ['09:00', '09:30', '10:00']) expect(slots).not.toContain(blocked);
    // 08:30–09:30 ends as the dentist starts; 13:00 is marked free, 15:00 a declined invitation.
    for (const free of ['08:00', '08:30', '10:30', '13:00', '15:00']) expect(slots).toContain(free);
    // The booking itself is refused for a busy slot.
    expect((await book(ctx, ctx.provider, `${DAY}T09:30:00.000Z`)).status).toBe(409);
  });

  it("moves the directory's next available time, though the calendar bumps no slots version", async () => {
    await connectOwnGoogle(ctx, OWNER);
    const nextAvailable = async () => {
      const res = await call(ctx, 'GET', '/api/providers');
      expect(res.status).toBe(200);
      return res.body.providers[0].nextAvailable;
    };
    // NOW is Tuesday 09:00 in Berlin: with an hour's notice 09:00Z is the first start, and it is remembered.
    expect(await nextAvailable()).toBe('2026-12-01T09:00:00.000Z');
    await ctx.calendar.busy.idle();
    expect(await nextAvailable()).toBe('2026-12-01T09:00:00.000Z');

    ctx.google.addOwnerEvent(OWNER, { start: '2026-12-01T08:45:00Z', end: '2026-12-01T09:45:00Z', summary: 'Dentist' });
    const refresh = await call(ctx, 'POST', '/api/admin/calendar/busy/refresh', { session: ctx.provider.session });
    expect(refresh.status).toBe(200);
    expect(await nextAvailable()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('does not count the events the app wrote, and reads other calendars with free/busy', async () => {
    await connectOwnGoogle(ctx, OWNER);
    expect((await book(ctx, ctx.provider, `${DAY}T12:00:00.000Z`)).status).toBe(201);
    await drainSync(ctx);
    expect(ctx.google.liveEvents(OWNER)).toHaveLength(1);
    ctx.google.addOwnerEvent(OWNER, { start: `${DAY}T14:00:00Z`, end: `${DAY}T15:00:00Z` });
    const refresh = await call(ctx, 'POST', '/api/admin/calendar/busy/refresh', { session: ctx.provider.session });
    expect(refresh.status).toBe(200);
    expect(refresh.body.connection.busyRefreshedAt).toBe(ctx.clock.now.toISOString());
    expect(await busyRows()).toEqual([{ start_at: `${DAY}T14:00:00.000Z`, end_at: `${DAY}T15:00:00.000Z` }]);

    // Events now go to a second calendar; the primary one is read with freeBusy.
    await writeToSecondCalendar(ctx, OWNER);
    await drainSync(ctx);
    const before = ctx.google.requests.filter((r) => r.path === '/calendar/v3/freeBusy').length;
    await call(ctx, 'POST', '/api/admin/calendar/busy/refresh', { session: ctx.provider.session });
    expect(ctx.google.requests.filter((r) => r.path === '/calendar/v3/freeBusy').length).toBe(before + 1);
    // The old event in the primary calendar is someone else's now as far as free/busy can tell.
    expect(await busyRows()).toEqual([
      { start_at: `${DAY}T12:00:00.000Z`, end_at: `${DAY}T13:00:00.000Z` },
      { start_at: `${DAY}T14:00:00.000Z`, end_at: `${DAY}T15:00:00.000Z` },
    ]);
  });

  it('refreshes on read only after the TTL, and serves the cache when the calendar fails', async () => {
    await connectOwnGoogle(ctx, OWNER);
    ctx.google.addOwnerEvent(OWNER, { start: `${DAY}T09:30:00Z`, end: `${DAY}T10:15:00Z` });
    expect(await startsAfterRefresh()).not.toContain('09:30');
    const lists = () => ctx.google.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/events')).length;
    const afterFirst = lists();
    ctx.clock.now = new Date(ctx.clock.now.getTime() + ctx.config.calendar.busyTtlMs - 1_000);
    await startsAfterRefresh();
    expect(lists()).toBe(afterFirst);

    ctx.google.setFaults(['error500']);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + ctx.config.calendar.busyTtlMs + 1);
    expect(await startsAfterRefresh()).not.toContain('09:30'); // stale busy times beat none
    expect(lists()).toBe(afterFirst + 1);
    await startsAfterRefresh();
    expect(lists()).toBe(afterFirst + 1); // a failed refresh waits a TTL too, rather than hammering Google
  });

  it('in shared-calendar mode, blocks what the provider adds to the shared calendar but not the app’s events', async () => {
    const shared = await call(ctx, 'PUT', '/api/admin/calendar/google-shared', {
      session: ctx.provider.session,
      body: { shareWith: OWNER, role: 'writer' },
    });
    const calendarId = shared.body.connection.calendarId as string;
    expect((await book(ctx, ctx.provider, `${DAY}T12:00:00.000Z`)).status).toBe(201);
    await drainSync(ctx);
    // The booking's read of busy times started a refresh; one still running would answer `refreshStale` with what it
    // read before the owner's event.
    await ctx.calendar.busy.idle();
    ctx.google.addOwnerEvent(calendarId, { start: `${DAY}T14:00:00Z`, end: `${DAY}T15:00:00Z` });
    await ctx.calendar.busy.refreshStale(0);
    expect(await busyRows()).toEqual([{ start_at: `${DAY}T14:00:00.000Z`, end_at: `${DAY}T15:00:00.000Z` }]);
    expect(ctx.google.requests.some((r) => r.path === '/calendar/v3/freeBusy')).toBe(false);
  });
  it('a busy event in only the second half of a slot, or in its buffer, blocks listing and booking alike', async () => {
    await connectOwnGoogle(ctx, OWNER);
    // 10:00–11:00Z is a slot; the busy event covers only 10:30–11:00Z.
    ctx.google.addOwnerEvent(OWNER, { start: `${DAY}T10:30:00Z`, end: `${DAY}T11:00:00Z` });
    // A service with 15 minutes after it: 13:00–14:00Z plus 14:00–14:15Z, busy from 14:10Z.
    const buffered = await call(ctx, 'POST', '/api/admin/services', {
      session: ctx.provider.session,
      body: {
        name: 'Buffered',
        durationMinutes: 60,
        bufferAfterMinutes: 15,
        price: { amountMinor: 1000, currency: 'EUR' },
      },
    });
    ctx.google.addOwnerEvent(OWNER, { start: `${DAY}T14:10:00Z`, end: `${DAY}T14:40:00Z` });
    expect(
      (await call(ctx, 'POST', '/api/admin/calendar/busy/refresh', { session: ctx.provider.session })).status,
    ).toBe(200);
    expect(await starts()).not.toContain('10:00');
    expect((await book(ctx, ctx.provider, `${DAY}T10:00:00.000Z`)).status).toBe(409);
    expect((await book(ctx, ctx.provider, `${DAY}T13:00:00.000Z`, { service: buffered.body.service.id })).status).toBe(
      409,
    );
    expect((await book(ctx, ctx.provider, `${DAY}T13:00:00.000Z`)).status).toBe(201); // no buffer: 13:00–14:00Z is free
  });

  it('a slot crossing the edge of the customer’s day (Kiritimati, UTC+14) is not offered over a busy event', async () => {
    await connectOwnGoogle(ctx, OWNER);
    // The customer's 2026-12-02 in Kiritimati ends at 10:00Z; the 09:30Z slot runs past it into a busy 10:00Z.
    ctx.google.addOwnerEvent(OWNER, { start: `${DAY}T10:00:00Z`, end: `${DAY}T10:30:00Z` });
    expect(
      (await call(ctx, 'POST', '/api/admin/calendar/busy/refresh', { session: ctx.provider.session })).status,
    ).toBe(200);
    const res = await call(
      ctx,
      'GET',
      `/api/providers/${ctx.provider.slug}/slots?service=${ctx.provider.serviceId}&from=${DAY}&to=${DAY}&tz=Pacific/Kiritimati`,
    );
    expect(res.status).toBe(200);
    const kiritimati = (res.body.slots as { start: string }[])
      .filter((s) => s.start.startsWith(DAY))
      .map((s) => s.start.slice(11, 16));
    expect(kiritimati).toEqual(['08:00', '08:30', '09:00']);
    expect((await book(ctx, ctx.provider, `${DAY}T09:30:00.000Z`)).status).toBe(409);
  });
});
