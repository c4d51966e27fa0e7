import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenCipher } from '../../server/calendar/token-cipher.js';
import { book } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { Radicale, type RadicaleUser, radicaleAvailable } from '../support/radicale.js';
import { calendarWorld, drainSync } from './calendar-context.js';

const available = radicaleAvailable();
// CI sets REQUIRE_RADICALE: there, a machine without the server is a failure, not a skip.
if (!available && process.env.REQUIRE_RADICALE)
  throw new Error("CalDAV tests: no radicale (Debian's radicale package)");
if (!available) console.warn('CalDAV tests skipped: no radicale command (apt-get install radicale)');

const DAYS = ['2026-12-02', '2026-12-03', '2026-12-04'];
const at = (day: string, hourUtc: number, minute = 0) =>
  `${day}T${String(hourUtc).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

/** An event as someone else (the owner's phone) puts it straight into Radicale. */
const foreignEvent = (uid: string, lines: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//radicale//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20261101T000000Z',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe.skipIf(!available)('CalDAV against a real Radicale on loopback', () => {
  const ctx = calendarWorld({ calendar: { caldav: { allowPrivate: true } } });
  let radicale: Radicale;
  let user: RadicaleUser;
  beforeAll(async () => {
    radicale = await Radicale.start();
  });
  afterAll(async () => {
    await radicale?.stop();
  });

  /** A fresh account with a tasks list and two event calendars, connected by the provider; the answer of connecting. */
  const connect = async () => {
    user = radicale.user();
    await radicale.makeCalendar(user, 'tasks', ['VTODO']);
    const work = await radicale.makeCalendar(user, 'work');
    const home = await radicale.makeCalendar(user, 'home', ['VEVENT', 'VTODO']);
    const res = await call(ctx, 'PUT', '/api/admin/calendar/caldav', {
      session: ctx.provider.session,
      // Without its trailing slash, as a person might paste it.
      body: {
        serverUrl: radicale.url,
        username: user.username,
        password: user.password,
        calendarUrl: work.slice(0, -1),
      },
    });
    expect(res.status).toBe(200);
    return { res, work, home };
  };
  const connection = () => ctx.db.selectFrom('calendar_connections').selectAll().executeTakeFirstOrThrow();
  const written = (appointmentId: number) =>
    ctx.db
      .selectFrom('calendar_events')
      .selectAll()
      .where('appointment_id', '=', appointmentId)
      .executeTakeFirstOrThrow();
  /** The resource as Radicale has it, read by node-ical (not the ical.js the app reads busy times with). */
  const readBack = async (href: string) => {
    const response = await radicale.request(user, 'GET', href);
    if (response.status === 404) return null;
    expect(response.status).toBe(200);
    const events = Object.values(ical.sync.parseICS(await response.text())).filter(
      (c): c is VEvent => c.type === 'VEVENT',
    );
    expect(events).toHaveLength(1);
    return { event: events[0]!, etag: response.headers.get('etag') };
  };
  const admin = (id: number, action: string, body: unknown = {}) =>
    call(ctx, 'POST', `/api/admin/appointments/${id}/${action}`, { session: ctx.provider.session, body });

  it('connects with discovery (well-known, principal, calendar home), lists event calendars, keeps the password sealed', async () => {
    const { res, work, home } = await connect();
    expect(res.body.connection).toMatchObject({
      service: 'caldav',
      status: 'active',
      accountEmail: user.username,
      calendarId: work,
    });
    // The tasks-only list is no place for events.
    expect(res.body.calendars.map((c: { id: string; name: string }) => [c.id, c.name]).sort()).toEqual(
      [
        [home, 'home'],
        [work, 'work'],
      ].sort(),
    );
    const row = await connection();
    expect(row).toMatchObject({ kind: 'caldav', dav_home_url: `${radicale.url}${user.username}/` });
    expect(row.password_enc).not.toContain(user.password);
    expect(tokenCipher(ctx.config.secretKey).open(row.password_enc!)).toBe(user.password);
    const page = await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session });
    expect(page.body.available.caldav).toBe(true);
    for (const body of [res.body, page.body]) expect(JSON.stringify(body)).not.toContain(user.password);

    // The provider can send events to the other calendar.
    const list = await call(ctx, 'GET', '/api/admin/calendar/calendars', { session: ctx.provider.session });
    expect(list.body.calendars.map((c: { id: string }) => c.id).sort()).toEqual([home, work].sort());
    const chosen = await call(ctx, 'PUT', '/api/admin/calendar/calendar', {
      session: ctx.provider.session,
      body: { calendarId: home },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.connection.calendarId).toBe(home);
  });

  it('a booking puts the event in the calendar; a reschedule rewrites it (new ETag); a cancel deletes it', async () => {
    const { work } = await connect();
    const booked = await book(ctx, ctx.provider, at(DAYS[0]!, 9));
    expect(booked.status).toBe(201);
    const id = booked.body.booking.id as number;
    await drainSync(ctx);

    const first = await written(id);
    expect(first.external_id.startsWith(work)).toBe(true);
    const created = await readBack(first.external_id);
    expect(created?.event.summary).toBe('Consultation — Chris Customer');
    expect(created?.event.uid).toBe(`appointment-${id}@${new URL(ctx.config.appUrl).hostname}`);
    expect(created?.event.start.toISOString()).toBe(at(DAYS[0]!, 9));
    expect(first.etag).toBe(created?.etag);

    expect((await admin(id, 'reschedule', { start: at(DAYS[1]!, 11) })).status).toBe(200);
    await drainSync(ctx);
    const second = await written(id);
    const moved = await readBack(second.external_id);
    expect(second.external_id).toBe(first.external_id);
    expect(moved?.event.start.toISOString()).toBe(at(DAYS[1]!, 11));
    expect(second.etag).toBe(moved?.etag);
    expect(second.etag).not.toBe(first.etag);

    expect((await admin(id, 'cancel')).status).toBe(200);
    await drainSync(ctx);
    expect(await readBack(first.external_id)).toBeNull();
    expect((await written(id)).deleted).toBe(1);
  });

  it('an event changed in the calendar app meanwhile (ETag no longer matches: 412) is read again and written over', async () => {
    await connect();
    const booked = await book(ctx, ctx.provider, at(DAYS[0]!, 10));
    const id = booked.body.booking.id as number;
    await drainSync(ctx);
    const { external_id: href, etag } = await written(id);
    // The owner moves it on their phone: the server's version is no longer the one we wrote.
    const edited = await radicale.request(
      user,
      'PUT',
      href,
      foreignEvent(`appointment-${id}@${new URL(ctx.config.appUrl).hostname}`, [
        'DTSTART:20261202T150000Z',
        'DTEND:20261202T160000Z',
        'SUMMARY:moved by hand',
      ]),
    );
    expect(edited.status).toBeLessThan(300);
    expect(edited.headers.get('etag')).not.toBe(etag);

    expect((await admin(id, 'reschedule', { start: at(DAYS[2]!, 12) })).status).toBe(200);
    await drainSync(ctx);
    const now = await readBack(href);
    expect(now?.event.start.toISOString()).toBe(at(DAYS[2]!, 12));
    expect(now?.event.summary).toBe('Consultation — Chris Customer');
    expect((await written(id)).etag).toBe(now?.etag);
    const job = await ctx.db.selectFrom('sync_jobs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('events made in Radicale block their slots, a weekly recurring one every week; free and own events do not', async () => {
    const { work, home } = await connect();
    expect((await book(ctx, ctx.provider, at(DAYS[2]!, 9))).status).toBe(201);
    await drainSync(ctx);
    const put = (calendar: string, uid: string, lines: string[]) =>
      radicale.request(user, 'PUT', `${calendar}${uid}.ics`, foreignEvent(uid, lines), { 'If-None-Match': '*' });
    expect(
      (await put(work, 'dentist', ['DTSTART:20261202T093000Z', 'DTEND:20261202T101500Z', 'SUMMARY:Dentist'])).status,
    ).toBe(201);
    expect(
      (await put(work, 'lunch-walk', ['DTSTART:20261203T120000Z', 'DTEND:20261203T130000Z', 'TRANSP:TRANSPARENT']))
        .status,
    ).toBe(201);
    // Weekly since November, in the other calendar, in Berlin time with its VTIMEZONE: 14:00 CET is 13:00Z.
    const weekly = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//radicale//EN',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:19700329T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:team-meeting',
      'DTSTAMP:20261101T000000Z',
      'DTSTART;TZID=Europe/Berlin:20261105T140000',
      'DTEND;TZID=Europe/Berlin:20261105T150000',
      'RRULE:FREQ=WEEKLY',
      'SUMMARY:Team meeting',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    expect((await radicale.request(user, 'PUT', `${home}team-meeting.ics`, weekly)).status).toBe(201);

    await ctx.calendar.busy.idle();
    const refreshed = await call(ctx, 'POST', '/api/admin/calendar/busy/refresh', { session: ctx.provider.session });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.connection).toMatchObject({ status: 'active', lastError: null });
    const busy = await ctx.db.selectFrom('calendar_busy').select(['start_at', 'end_at']).orderBy('start_at').execute();
    // Thursday 2026-12-03 is the weekly meeting's day in the range (it started on Thursday 2026-11-05).
    expect(busy).toEqual(
      expect.arrayContaining([
        { start_at: at(DAYS[0]!, 9, 30), end_at: at(DAYS[0]!, 10, 15) },
        { start_at: at(DAYS[1]!, 13), end_at: at(DAYS[1]!, 14) },
      ]),
    );
    expect(busy.some((b) => b.start_at === at(DAYS[1]!, 12))).toBe(false);
    expect(busy.some((b) => b.start_at === at(DAYS[2]!, 9))).toBe(false);
    // The meeting repeats every week: the next Thursday too, if the range reaches it.
    const thursdays = busy.filter((b) => b.start_at.endsWith('T13:00:00.000Z'));
    expect(thursdays.every((b) => new Date(b.start_at).getUTCDay() === 4)).toBe(true);

    const slots = async (day: string) => {
      const res = await call(
        ctx,
        'GET',
        `/api/providers/${ctx.provider.slug}/slots?service=${ctx.provider.serviceId}&from=${day}&to=${day}`,
      );
      return (res.body.slots as { start: string }[]).map((s) => s.start);
    };
    const first = await slots(DAYS[0]!);
    expect(first).not.toContain(at(DAYS[0]!, 9, 30));
    expect(first).toContain(at(DAYS[0]!, 10, 30));
    const second = await slots(DAYS[1]!);
    expect(second).not.toContain(at(DAYS[1]!, 13));
    expect(second).toContain(at(DAYS[1]!, 12));
  });

  it('a wrong password is a clear 422, bad input a 400 with fields, and nothing is stored', async () => {
    user = radicale.user();
    const wrong = await call(ctx, 'PUT', '/api/admin/calendar/caldav', {
      session: ctx.provider.session,
      body: { serverUrl: radicale.url, username: user.username, password: 'not-the-password' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/refused this user name and password.*app password/);
    expect(wrong.body.error.fields).toEqual({ password: 'refused by the calendar server' });

    const bad = await call(ctx, 'PUT', '/api/admin/calendar/caldav', {
      session: ctx.provider.session,
      body: { serverUrl: 'not a url', username: '', password: '' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['password', 'serverUrl', 'username']);

    const notDav = await call(ctx, 'PUT', '/api/admin/calendar/caldav', {
      session: ctx.provider.session,
      body: { serverUrl: `${ctx.google.url}`, username: user.username, password: user.password },
    });
    expect(notDav.status).toBe(422);
    expect(notDav.body.error.fields).toEqual({ serverUrl: 'no CalDAV calendars here' });
    expect(await ctx.db.selectFrom('calendar_connections').selectAll().execute()).toEqual([]);
  });

  it('a password refused later breaks the connection (reconnect needed) and the jobs wait', async () => {
    await connect();
    const row = await connection();
    await ctx.db
      .updateTable('calendar_connections')
      .set({ password_enc: tokenCipher(ctx.config.secretKey).seal('revoked-app-password') })
      .where('id', '=', row.id)
      .execute();
    expect((await book(ctx, ctx.provider, at(DAYS[0]!, 11))).status).toBe(201);
    await ctx.calendar.syncOnce();
    expect((await connection()).status).toBe('broken');
    const page = await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session });
    expect(page.body.health).toBe('reconnect');
    const job = await ctx.db.selectFrom('sync_jobs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job.status).toBe('pending');
  });
});

describe('CalDAV servers without CALDAV_ALLOW_PRIVATE', () => {
  const ctx = calendarWorld();
  const connect = (serverUrl: string) =>
    call(ctx, 'PUT', '/api/admin/calendar/caldav', {
      session: ctx.provider.session,
      body: { serverUrl, username: 'me', password: 'secret' },
    });

  it('refuses plain HTTP: the app password would cross the network in the clear', async () => {
    const res = await connect('http://caldav.example/');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ serverUrl: 'must start with https://' });
  });

  it.each(['https://127.0.0.1:5232/', 'https://[::1]/', 'https://169.254.169.254/', 'https://localhost/'])(
    'refuses %s: the server is not made to call into its own network',
    async (serverUrl) => {
      const res = await connect(serverUrl);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual({ serverUrl: 'must be reachable on the public internet' });
      expect(await ctx.db.selectFrom('calendar_connections').select('id').execute()).toEqual([]);
    },
  );
});
