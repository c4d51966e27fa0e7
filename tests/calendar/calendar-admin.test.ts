import { beforeEach, describe, expect, it } from 'vitest';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { calendarWorld, callbackPath, connectOwnGoogle, drainSync } from './calendar-context.js';

const ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/admin/calendar'],
  ['PUT', '/api/admin/calendar/settings', { includeCustomerContact: true }],
  ['PUT', '/api/admin/calendar/google-shared', { shareWith: 'someone@gmail.com', role: 'reader' }],
  ['POST', '/api/admin/calendar/google/connect'],
  ['GET', '/api/admin/calendar/google/callback?code=x&state=y'],
  ['GET', '/api/admin/calendar/calendars'],
  ['PUT', '/api/admin/calendar/calendar', { calendarId: 'primary' }],
  ['DELETE', '/api/admin/calendar/connection'],
  ['POST', '/api/admin/calendar/busy/refresh'],
  ['GET', '/api/admin/calendar/sync-jobs'],
  ['POST', '/api/admin/calendar/sync-jobs/1/retry'],
  ['POST', '/api/admin/calendar/feed/rotate'],
  ['DELETE', '/api/admin/calendar/feed'],
];

describe('/api/admin/calendar access', () => {
  const ctx = calendarWorld(); // its provider owns the connection, feed and jobs
  let stranger: ProviderFixture;

  beforeEach(async () => {
    stranger = await createProvider(ctx);
  });

  it('wants a signed-in provider on every route', async () => {
    const customer = await signUp(ctx, 'customer');
    for (const [method, path, body] of ROUTES) {
      expect((await call(ctx, method, path, { body })).status, `${method} ${path}`).toBe(401);
      expect((await call(ctx, method, path, { body, session: customer })).status, `${method} ${path}`).toBe(403);
    }
  });

  it('never shows or changes another provider’s connection, jobs or feed', async () => {
    await connectOwnGoogle(ctx, 'owner@gmail.com');
    expect((await book(ctx, ctx.provider, '2026-12-02T09:00:00.000Z')).status).toBe(201);
    ctx.google.setFaults(['error400']);
    await drainSync(ctx);
    ctx.google.setFaults([]);
    const [failed] = await ctx.db.selectFrom('sync_jobs').selectAll().execute();
    expect(failed).toMatchObject({ status: 'failed' });
    const feed = await call(ctx, 'POST', '/api/admin/calendar/feed/rotate', { session: ctx.provider.session });
    const ownerState = new URL(
      (await call(ctx, 'POST', '/api/admin/calendar/google/connect', { session: ctx.provider.session })).body
        .authorizationUrl,
    ).searchParams.get('state')!;

    const as = (method: string, path: string, body?: unknown) =>
      call(ctx, method, path, { session: stranger.session, body });
    const overview = await as('GET', '/api/admin/calendar');
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      connection: null,
      syncJobs: { pending: 0, running: 0, done: 0, failed: 0 },
      feed: { active: false },
    });
    expect((await as('GET', '/api/admin/calendar/sync-jobs')).body.syncJobs).toEqual([]);
    expect((await as('POST', `/api/admin/calendar/sync-jobs/${failed!.id}/retry`)).status).toBe(404);
    expect((await as('GET', '/api/admin/calendar/calendars')).status).toBe(404);
    expect((await as('PUT', '/api/admin/calendar/calendar', { calendarId: 'owner@gmail.com' })).status).toBe(404);
    expect((await as('POST', '/api/admin/calendar/busy/refresh')).status).toBe(404);
    expect((await as('DELETE', '/api/admin/calendar/connection')).status).toBe(204);
    const callback = await as('GET', callbackPath('google', 'any-code', ownerState));
    expect(callback.headers.get('location')).toContain('error=invalid_request');
    expect((await as('PUT', '/api/admin/calendar/settings', { includeCustomerContact: true })).status).toBe(200);
    expect((await as('POST', '/api/admin/calendar/feed/rotate')).status).toBe(200);
    expect((await as('DELETE', '/api/admin/calendar/feed')).status).toBe(204);

    // The owner's things are as they were.
    const mine = await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session });
    expect(mine.body).toMatchObject({
      connection: { status: 'active', accountEmail: 'owner@gmail.com' },
      settings: { includeCustomerContact: false },
      syncJobs: { failed: 1 },
      feed: { active: true },
    });
    expect((await call(ctx, 'GET', feed.body.url.replace('http://booking.test', ''))).status).toBe(200);
    expect(
      (await call(ctx, 'POST', `/api/admin/calendar/sync-jobs/${failed!.id}/retry`, { session: ctx.provider.session }))
        .status,
    ).toBe(200);
  });

  it('says which services this server can connect', async () => {
    const res = await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session });
    expect(res.body.available).toEqual({ googleShared: true, google: true, microsoft: false, caldav: true });
  });
});
