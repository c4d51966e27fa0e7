import { beforeEach, describe, expect, it } from 'vitest';
import { book } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { calendarWorld, connectOwnGoogle, drainSync, writeToSecondCalendar } from './calendar-context.js';

const OWNER = 'health.owner@gmail.com';
const DAY = '2026-12-02';

describe('what the admin learns about a Google connection that stops working', () => {
  const ctx = calendarWorld();
  beforeEach(() => connectOwnGoogle(ctx, OWNER));
  const admin = async () =>
    (await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session })).body.connection;
  const refresh = async () => {
    const res = await call(ctx, 'POST', '/api/admin/calendar/busy/refresh', { session: ctx.provider.session });
    expect(res.status).toBe(200);
    return res.body.connection;
  };
  const busyRows = () =>
    ctx.db.selectFrom('calendar_busy').select(['start_at', 'end_at']).orderBy('start_at').execute();
  const later = (ms: number) => (ctx.clock.now = new Date(ctx.clock.now.getTime() + ms));

  it('a calendar that free/busy reports in `errors` fails the refresh: busy times kept, the error and its age shown', async () => {
    // Events go to a second calendar, so the primary one is read through free/busy.
    await writeToSecondCalendar(ctx, OWNER);
    ctx.google.addOwnerEvent(OWNER, { start: `${DAY}T12:00:00Z`, end: `${DAY}T13:00:00Z` });
    const good = await refresh();
    expect(good).toMatchObject({ status: 'active', lastError: null, busyRefreshedAt: ctx.clock.now.toISOString() });
    const refreshedAt = good.busyRefreshedAt;
    expect(await busyRows()).toEqual([{ start_at: `${DAY}T12:00:00.000Z`, end_at: `${DAY}T13:00:00.000Z` }]);

    ctx.google.freeBusyErrors.set(OWNER, 'backendError');
    later(60_000);
    const failed = await refresh();
    expect(failed.status).toBe('active');
    expect(failed.lastError).toMatch(/^busy times not refreshed: .*backendError/);
    expect(failed.busyRefreshedAt).toBe(refreshedAt);
    expect(await busyRows()).toEqual([{ start_at: `${DAY}T12:00:00.000Z`, end_at: `${DAY}T13:00:00.000Z` }]);
    // The slot under the unreadable calendar stays blocked: unknown is not free.
    expect((await book(ctx, ctx.provider, `${DAY}T12:00:00.000Z`)).status).toBe(409);

    ctx.google.freeBusyErrors.clear();
    later(60_000);
    expect(await refresh()).toMatchObject({
      status: 'active',
      lastError: null,
      busyRefreshedAt: ctx.clock.now.toISOString(),
    });
  });

  it('invalid_client is the server’s configuration, not the provider’s: the connection stays, the admin is told, work resumes', async () => {
    expect((await book(ctx, ctx.provider, `${DAY}T09:00:00.000Z`)).status).toBe(201);
    await drainSync(ctx);
    expect(ctx.google.liveEvents(OWNER)).toHaveLength(1);

    // The app's client secret expires; cached access tokens lapse, so the next calls must fetch new ones.
    const secret = ctx.google.clientSecret;
    ctx.google.clientSecret = 'rotated-elsewhere';
    ctx.google.expireAccessTokens();
    expect((await book(ctx, ctx.provider, `${DAY}T11:00:00.000Z`)).status).toBe(201);
    const job = () => ctx.db.selectFrom('sync_jobs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    for (let pass = 0; pass < 10 && !/invalid_client/.test((await job()).last_error ?? ''); pass++) {
      await ctx.calendar.syncOnce();
      later(ctx.config.calendar.backoff.maxMs);
    }
    expect((await job()).status).toBe('pending');
    expect((await job()).last_error).toMatch(/server configuration error.*invalid_client/);
    const shown = await admin();
    expect(shown.status).toBe('active');
    expect(shown.lastError).toMatch(
      /^server configuration error \(GOOGLE_CLIENT_ID\/GOOGLE_CLIENT_SECRET\).*invalid_client/,
    );
    // A busy refresh meets the same refusal and leaves the connection active too.
    const afterRefresh = await refresh();
    expect(afterRefresh).toMatchObject({
      status: 'active',
      lastError: expect.stringMatching(/^server configuration error/),
    });
    // Many more failures than the retry budget do not give the job up.
    for (let pass = 0; pass < ctx.config.calendar.backoff.maxAttempts + 2; pass++) {
      await ctx.calendar.syncOnce();
      later(ctx.config.calendar.backoff.maxMs);
    }
    expect((await job()).status).toBe('pending');

    ctx.google.clientSecret = secret;
    await drainSync(ctx);
    expect((await job()).status).toBe('done');
    expect(ctx.google.liveEvents(OWNER)).toHaveLength(2);
    later(60_000);
    expect(await refresh()).toMatchObject({ status: 'active', lastError: null });
  });
});
