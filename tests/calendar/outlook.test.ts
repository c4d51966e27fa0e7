import { describe, expect, it } from 'vitest';
import { tokenCipher } from '../../server/calendar/token-cipher.js';
import { book } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { APP_URL } from '../support/test-app.js';
import { callbackPath, drainSync, outlookWorld } from './calendar-context.js';
import { msOf } from './fake-graph.js';

const OWNER = 'owner@contoso.example';
const DAYS = ['2026-12-02', '2026-12-03', '2026-12-04'];
const at = (day: string, hourUtc: number) => `${day}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

describe('Outlook through Microsoft Graph (plain fetch against a local Graph subset)', () => {
  const ctx = outlookWorld();

  const connect = async () => {
    const start = await call(ctx, 'POST', '/api/admin/calendar/microsoft/connect', { session: ctx.provider.session });
    expect(start.status).toBe(200);
    const url = new URL(start.body.authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${ctx.graph.url}common/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('redirect_uri')).toBe(`${APP_URL}/api/admin/calendar/microsoft/callback`);
    const { code, state } = ctx.graph.consent(start.body.authorizationUrl, OWNER);
    const back = await call(ctx, 'GET', callbackPath('microsoft', code, state), { session: ctx.provider.session });
    expect(back.headers.get('location')).toBe(`${APP_URL}/admin/calendar?connected=microsoft`);
  };
  const connection = () => ctx.db.selectFrom('calendar_connections').selectAll().executeTakeFirstOrThrow();
  const calendarOf = () => ctx.graph.defaultCalendarOf(OWNER);

  it('connects with OAuth, keeps the rotating refresh token sealed, and lists calendars', async () => {
    await connect();
    const row = await connection();
    expect(row).toMatchObject({ kind: 'microsoft', status: 'active', account_email: OWNER });
    const cipher = tokenCipher(ctx.config.secretKey);
    expect(cipher.open(row.refresh_token_enc!)).toBe(ctx.graph.latestRefreshToken(OWNER));
    expect(row.refresh_token_enc).not.toContain(ctx.graph.latestRefreshToken(OWNER));

    const list = await call(ctx, 'GET', '/api/admin/calendar/calendars', { session: ctx.provider.session });
    expect(list.body.calendars).toEqual([{ id: calendarOf(), name: 'Calendar', primary: true }]);
    // Refreshing handed out a new refresh token: the stored one follows.
    expect(cipher.open((await connection()).refresh_token_enc!)).toBe(ctx.graph.latestRefreshToken(OWNER));
    expect((await connection()).refresh_token_enc).not.toBe(row.refresh_token_enc);
  });

  it('through throttling and resets, ends with each appointment once at the right time', async () => {
    await connect();
    ctx.graph.setFaults(['throttle429', 'ok', 'resetAfterApply', 'unavailable503', 'ok', 'reset']);
    const ids: number[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await book(ctx, ctx.provider, at(DAYS[i % 3]!, 9 + Math.floor(i / 3)), {
        customer: { name: `Customer ${i}`, email: `c${i}@example.com` },
      });
      expect(res.status).toBe(201);
      ids.push(res.body.booking.id);
      await ctx.calendar.syncOnce();
    }
    const admin = (id: number, action: string, body: unknown = {}) =>
      call(ctx, 'POST', `/api/admin/appointments/${id}/${action}`, { session: ctx.provider.session, body });
    expect((await admin(ids[0]!, 'reschedule', { start: at(DAYS[0]!, 14) })).status).toBe(200);
    expect((await admin(ids[4]!, 'reschedule', { start: at(DAYS[1]!, 14) })).status).toBe(200);
    expect((await admin(ids[2]!, 'cancel')).status).toBe(200);
    expect((await admin(ids[4]!, 'cancel')).status).toBe(200);
    for (let i = 0; i < 4; i++) await ctx.calendar.syncOnce();
    expect(ctx.graph.faultsServed.get('resetAfterApply')).toBeGreaterThan(0);
    expect(ctx.graph.faultsServed.get('throttle429')).toBeGreaterThan(0);
    ctx.graph.setFaults([]);
    await drainSync(ctx);

    const rows = await ctx.db
      .selectFrom('appointments')
      .selectAll()
      .where('status', '=', 'confirmed')
      .orderBy('start_at')
      .execute();
    const events = ctx.graph.eventsIn(calendarOf()).sort((a, b) => msOf(a.start) - msOf(b.start));
    expect(
      events.map((e) => [new Date(msOf(e.start)).toISOString(), new Date(msOf(e.end)).toISOString(), e.subject]),
    ).toEqual(rows.map((r) => [r.start_at, r.end_at, `Consultation — ${r.customer_name}`]));
    expect(new Set(events.map((e) => e.transactionId)).size).toBe(events.length);
  });

  it('waits as long as Retry-After asks', async () => {
    await connect();
    expect((await book(ctx, ctx.provider, at(DAYS[0]!, 9))).status).toBe(201);
    await ctx.calendar.busy.idle();
    ctx.graph.retryAfterSeconds = 90;
    ctx.graph.setFaults(['throttle429']);
    await ctx.calendar.syncOnce();
    const job = await ctx.db.selectFrom('sync_jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toMatch(/429 TooManyRequests/);
    expect(Date.parse(job.next_attempt_at) - ctx.clock.now.getTime()).toBeGreaterThanOrEqual(90_000);
  });

  it('reads busy times of a personal account (getSchedule refused) with calendarView, page by page, leaving out its own events', async () => {
    ctx.graph.makePersonal(OWNER);
    await connect();
    expect((await book(ctx, ctx.provider, at(DAYS[0]!, 12))).status).toBe(201);
    await drainSync(ctx);
    ctx.graph.addOwnerEvent(OWNER, `${DAYS[0]}T09:30:00Z`, `${DAYS[0]}T10:15:00Z`);
    ctx.graph.addOwnerEvent(OWNER, `${DAYS[0]}T14:00:00Z`, `${DAYS[0]}T15:00:00Z`, 'free');
    // More events than one page (the fake pages by three): the last ones only come through @odata.nextLink.
    for (const day of DAYS.slice(1)) ctx.graph.addOwnerEvent(OWNER, `${day}T08:00:00Z`, `${day}T09:00:00Z`);
    ctx.graph.addOwnerEvent(OWNER, `${DAYS[2]}T15:00:00Z`, `${DAYS[2]}T16:00:00Z`);
    await ctx.calendar.busy.idle();
    const refreshed = await call(ctx, 'POST', '/api/admin/calendar/busy/refresh', { session: ctx.provider.session });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.connection).toMatchObject({ status: 'active', lastError: null });
    expect(ctx.graph.requests.filter((r) => r.path === '/v1.0/me/calendar/calendarView').length).toBeGreaterThanOrEqual(
      2,
    );
    const busy = await ctx.db.selectFrom('calendar_busy').select(['start_at', 'end_at']).orderBy('start_at').execute();
    expect(busy).toEqual([
      { start_at: `${DAYS[0]}T09:30:00.000Z`, end_at: `${DAYS[0]}T10:15:00.000Z` },
      { start_at: `${DAYS[1]}T08:00:00.000Z`, end_at: `${DAYS[1]}T09:00:00.000Z` },
      { start_at: `${DAYS[2]}T08:00:00.000Z`, end_at: `${DAYS[2]}T09:00:00.000Z` },
      { start_at: `${DAYS[2]}T15:00:00.000Z`, end_at: `${DAYS[2]}T16:00:00.000Z` },
    ]);

    const slots = await call(
      ctx,
      'GET',
      `/api/providers/${ctx.provider.slug}/slots?service=${ctx.provider.serviceId}&from=${DAYS[0]}&to=${DAYS[0]}`,
    );
    const starts = (slots.body.slots as { start: string }[]).map((s) => s.start.slice(11, 16));
    expect(starts).not.toContain('09:30');
    expect(starts).toContain('10:30');
    expect(starts).toContain('14:00');
  });

  it('lists every calendar, following @odata.nextLink', async () => {
    await connect();
    const more = ['Practice', 'Home', 'Team', 'Holidays'].map((name) => ctx.graph.addCalendar(OWNER, name));
    const list = await call(ctx, 'GET', '/api/admin/calendar/calendars', { session: ctx.provider.session });
    expect(list.status).toBe(200);
    expect(list.body.calendars.map((c: { id: string }) => c.id)).toEqual([calendarOf(), ...more]);
  });

  it.each(['interaction_required', 'consent_required', 'login_required'] as const)(
    'breaks the connection when a token refresh answers %s (the ctx.provider must sign in again)',
    async (code) => {
      await connect();
      ctx.graph.refuseTokens(OWNER, code);
      expect((await book(ctx, ctx.provider, at(DAYS[0]!, 9))).status).toBe(201);
      await drainSync(ctx);
      const row = await connection();
      expect(row.status).toBe('broken');
      expect(row.last_error).toContain(code);
    },
  );

  it('breaks the connection when Microsoft revokes the grant, without stopping bookings', async () => {
    await connect();
    ctx.graph.revokeAccount(OWNER);
    expect((await book(ctx, ctx.provider, at(DAYS[0]!, 9))).status).toBe(201);
    await drainSync(ctx);
    const row = await connection();
    expect(row.status).toBe('broken');
    expect(row.last_error).toMatch(/invalid_grant/);
    expect((await book(ctx, ctx.provider, at(DAYS[0]!, 11))).status).toBe(201);
  });
});
