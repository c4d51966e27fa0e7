import { describe, expect, it } from 'vitest';
import { tokenCipher } from '../../server/calendar/token-cipher.js';
import { book, createProvider } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { APP_URL } from '../support/test-app.js';
import { calendarWorld, callbackPath, connectOwnGoogle, drainSync } from './calendar-context.js';

const OWNER = 'dentist.owner@gmail.com';
const SLOT = '2026-12-02T09:00:00.000Z';

describe("Google Calendar in the provider's own account (OAuth 2 with PKCE)", () => {
  const ctx = calendarWorld({ sharedMode: false });

  const connection = () => ctx.db.selectFrom('calendar_connections').selectAll().executeTakeFirst();
  const start = async (p = ctx.provider) => {
    const res = await call(ctx, 'POST', '/api/admin/calendar/google/connect', { session: p.session });
    expect(res.status).toBe(200);
    return res.body.authorizationUrl as string;
  };
  const callback = (code: string, state: string, p = ctx.provider) =>
    call(ctx, 'GET', callbackPath('google', code, state), { session: p.session });

  it('sends the provider to consent with offline access, PKCE S256 and a state', async () => {
    const url = new URL(await start());
    expect(`${url.origin}${url.pathname}`).toBe(`${ctx.google.url}o/oauth2/v2/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: ctx.google.clientId,
      redirect_uri: `${APP_URL}/api/admin/calendar/google/callback`,
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/calendar.events');
    expect(url.searchParams.get('state')).toMatch(/^[a-z2-7]{32}$/);
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  });

  it('connects, stores the refresh token sealed, and syncs bookings into the primary calendar', async () => {
    const { code, state } = ctx.google.consent(await start(), OWNER);
    const back = await callback(code, state);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(`${APP_URL}/admin/calendar?connected=google`);

    const row = (await connection())!;
    expect(row).toMatchObject({ kind: 'google_oauth', status: 'active', account_email: OWNER });
    const [refreshToken] = ctx.google.refreshTokensOf(OWNER).slice(-1);
    expect(row.refresh_token_enc).not.toContain(refreshToken);
    expect(row.refresh_token_enc).not.toContain(refreshToken!.slice(4, 20));
    expect(tokenCipher(ctx.config.secretKey).open(row.refresh_token_enc!)).toBe(refreshToken);
    const overview = await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session });
    expect(overview.body.connection).toMatchObject({ service: 'google', status: 'active', accountEmail: OWNER });
    expect(JSON.stringify(overview.body)).not.toContain(refreshToken);

    expect((await book(ctx, ctx.provider, SLOT)).status).toBe(201);
    await drainSync(ctx);
    expect(ctx.google.liveEvents(OWNER).map((e) => e.start.dateTime)).toEqual([SLOT]);
    // The state worked once.
    expect((await callback(code, state)).headers.get('location')).toContain('error=invalid_request');
  });

  it('refuses a wrong, expired or foreign state, and a code without the right PKCE verifier', async () => {
    const url = await start();
    const { code } = ctx.google.consent(url, OWNER);
    expect((await callback(code, 'not-the-state')).headers.get('location')).toContain('error=invalid_request');

    const other = await createProvider(ctx);
    const foreign = ctx.google.consent(await start(), OWNER);
    expect((await callback(foreign.code, foreign.state, other)).headers.get('location')).toContain(
      'error=invalid_request',
    );

    const late = ctx.google.consent(await start(), OWNER);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 11 * 60_000);
    expect((await callback(late.code, late.state)).headers.get('location')).toContain('error=invalid_request');

    // A code bound to another challenge: our verifier does not fit it, Google says invalid_grant.
    const tampered = new URL(await start());
    tampered.searchParams.set('code_challenge', 'A'.repeat(43));
    const stolen = ctx.google.consent(tampered.toString(), OWNER);
    const res = await callback(stolen.code, stolen.state);
    expect(res.headers.get('location')).toContain('error=calendar_unavailable');
    expect(await connection()).toBeUndefined();
    // Google's own "access denied" comes back as an error too.
    const denied = await call(ctx, 'GET', '/api/admin/calendar/google/callback?error=access_denied', {
      session: ctx.provider.session,
    });
    expect(denied.headers.get('location')).toBe(`${APP_URL}/admin/calendar?error=access_denied`);
  });

  it('marks the connection broken when the token is revoked, keeps booking, and recovers on reconnect', async () => {
    await connectOwnGoogle(ctx, OWNER);
    expect((await book(ctx, ctx.provider, SLOT)).status).toBe(201);
    await drainSync(ctx);
    ctx.google.revokeAccount(OWNER);

    const later = await book(ctx, ctx.provider, '2026-12-02T11:00:00.000Z');
    expect(later.status).toBe(201);
    await drainSync(ctx);
    const broken = await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session });
    expect(broken.body.connection).toMatchObject({ status: 'broken' });
    expect(broken.body.connection.lastError).toMatch(/invalid_grant/);
    expect(broken.body.syncJobs.pending).toBe(1); // waits for a working connection
    expect((await book(ctx, ctx.provider, '2026-12-02T13:00:00.000Z')).status).toBe(201);
    const cancel = await call(ctx, 'POST', `/api/admin/appointments/${later.body.booking.id}/cancel`, {
      session: ctx.provider.session,
    });
    expect(cancel.status).toBe(200);

    await connectOwnGoogle(ctx, OWNER);
    await drainSync(ctx);
    expect(
      ctx.google
        .liveEvents(OWNER)
        .map((e) => e.start.dateTime)
        .sort(),
    ).toEqual([SLOT, '2026-12-02T13:00:00.000Z']);
    expect((await connection())!.status).toBe('active');
  });

  it('lets the provider pick another calendar of the account', async () => {
    await connectOwnGoogle(ctx, OWNER);
    const work = ctx.google.addCalendar(OWNER, 'Practice');
    const list = await call(ctx, 'GET', '/api/admin/calendar/calendars', { session: ctx.provider.session });
    expect(list.status).toBe(200);
    expect(list.body.calendars).toEqual(
      expect.arrayContaining([
        { id: OWNER, name: OWNER, primary: true },
        { id: work, name: 'Practice', primary: false },
      ]),
    );
    expect(
      (
        await call(ctx, 'PUT', '/api/admin/calendar/calendar', {
          session: ctx.provider.session,
          body: { calendarId: 'nope' },
        })
      ).status,
    ).toBe(400);
    const chosen = await call(ctx, 'PUT', '/api/admin/calendar/calendar', {
      session: ctx.provider.session,
      body: { calendarId: work },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.connection.calendarId).toBe(work);
    expect((await book(ctx, ctx.provider, SLOT)).status).toBe(201);
    await drainSync(ctx);
    expect(ctx.google.liveEvents(work)).toHaveLength(1);
    expect(ctx.google.liveEvents(OWNER)).toHaveLength(0);
  });

  it('disconnects: the connection and unsent jobs go, bookings carry on without jobs', async () => {
    await connectOwnGoogle(ctx, OWNER);
    expect((await book(ctx, ctx.provider, SLOT)).status).toBe(201);
    expect(
      (await call(ctx, 'DELETE', '/api/admin/calendar/connection', { session: ctx.provider.session })).status,
    ).toBe(204);
    expect(await connection()).toBeUndefined();
    expect(await ctx.db.selectFrom('sync_jobs').select('id').execute()).toHaveLength(0);
    expect((await book(ctx, ctx.provider, '2026-12-02T11:00:00.000Z')).status).toBe(201);
    expect(await ctx.db.selectFrom('sync_jobs').select('id').execute()).toHaveLength(0);
  });
});
