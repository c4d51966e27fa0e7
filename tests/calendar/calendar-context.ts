import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../../server/app.js';
import type { CalendarConfig } from '../../server/calendar/calendar.config.js';
import { type CalendarSync, createCalendarSync } from '../../server/calendar/calendar-sync.js';
import { migrateToLatest } from '../../server/db/connect.js';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session } from '../support/http.js';
import { NOW, type TestContext, testConfig } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';
import { FakeGoogle } from './fake-google.js';
import { FakeGraph } from './fake-graph.js';

export interface CalendarTestContext extends TestContext {
  calendar: CalendarSync;
}

/** The address the shared-calendar app account signs in as, at the fake. */
export const APP_ACCOUNT = 'app-account@booking.test';

/**
 * The real app with calendar sync pointed at local fakes: googleapis goes to `google.url`
 * (`GOOGLE_API_ROOT_URL`) and `google.tokenUrl` (`GOOGLE_OAUTH_TOKEN_URL`). The clock
 * is the test's to move.
 */
export async function createCalendarContext(
  google: FakeGoogle,
  overrides: { calendar?: Partial<CalendarConfig>; sharedMode?: boolean } = {},
): Promise<CalendarTestContext> {
  const base = testConfig();
  const appAccount = overrides.sharedMode === false ? null : google.addAccount(APP_ACCOUNT).refreshToken;
  const config = testConfig({
    calendar: {
      ...base.calendar,
      google: {
        ...base.calendar.google,
        clientId: google.clientId,
        clientSecret: google.clientSecret,
        appRefreshToken: appAccount,
        apiRootUrl: google.url,
        oauthTokenUrl: google.tokenUrl,
        oauthAuthUrl: `${google.url}o/oauth2/v2/auth`,
      },
      timeoutMs: 2_000,
      backoff: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 10 },
      ...overrides.calendar,
    },
  });
  const db = openTestDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const clock = { now: NOW };
  const now = () => clock.now;
  const calendar = createCalendarSync({ db, config, now });
  const app = createApp({ db, config, now, calendar });
  return { db, config, app, clock, calendar };
}

/** The app with calendar sync pointed at a fake Google and a fake Microsoft Graph (Outlook). */
export async function createOutlookContext(google: FakeGoogle, graph: FakeGraph): Promise<CalendarTestContext> {
  return createCalendarContext(google, {
    calendar: {
      microsoft: {
        clientId: graph.clientId,
        clientSecret: graph.clientSecret,
        authorityUrl: `${graph.url}common`,
        graphBaseUrl: `${graph.url}v1.0`,
      },
    },
  });
}

/** One test's world: the app (its context) with calendar sync pointed at a fake Google, and a provider. */
export interface CalendarWorld extends CalendarTestContext {
  google: FakeGoogle;
  provider: ProviderFixture;
}

/** A calendar world whose app also reaches a fake Microsoft Graph (Outlook). */
export interface OutlookWorld extends CalendarWorld {
  graph: FakeGraph;
}

/**
 * Gives each test of the calling `describe` a fresh world: a fake Google, the app pointed at it and a provider
 * before the test; after it, background busy-time reads finish, the fake stops and the database closes. The
 * object stays the same while its fields are the running test's, so read them inside tests, not up front.
 */
export function calendarWorld(overrides: Parameters<typeof createCalendarContext>[1] = {}): CalendarWorld {
  return eachTest(async () => {
    const google = await FakeGoogle.start();
    const ctx = await createCalendarContext(google, overrides);
    return { ...ctx, google, provider: await createProvider(ctx) };
  });
}

/** `calendarWorld` with a fake Microsoft Graph too, stopped after each test like the fake Google. */
export function outlookWorld(): OutlookWorld {
  return eachTest(async () => {
    const google = await FakeGoogle.start();
    const graph = await FakeGraph.start();
    const ctx = await createOutlookContext(google, graph);
    return { ...ctx, google, graph, provider: await createProvider(ctx) };
  });
}

/** The world `open` makes before each test of the calling `describe`, closed after it (see `calendarWorld`). */
function eachTest<W extends CalendarWorld & { graph?: FakeGraph }>(open: () => Promise<W>): W {
  const world = {} as W;
  beforeEach(async () => {
    Object.assign(world, await open());
  });
  afterEach(async () => {
    await world.calendar.busy.idle();
    await world.graph?.stop();
    await world.google.stop();
    await world.db.destroy();
  });
  return world;
}

/**
 * Runs sync passes until no job is waiting, moving the clock to the next due job whenever a
 * pass finds nothing due (so backoff and Retry-After cost no real time).
 */
export async function drainSync(ctx: CalendarTestContext, maxPasses = 200): Promise<void> {
  for (let pass = 0; pass < maxPasses; pass++) {
    if ((await ctx.calendar.syncOnce()) > 0) continue;
    const next = await ctx.db
      .selectFrom('sync_jobs')
      .innerJoin('calendar_connections', 'calendar_connections.provider_id', 'sync_jobs.provider_id')
      .select((eb) => eb.fn.min('sync_jobs.next_attempt_at').as('due'))
      .where('sync_jobs.status', '=', 'pending')
      .where('sync_jobs.next_attempt_at', '>', ctx.clock.now.toISOString())
      .where('calendar_connections.status', '=', 'active')
      .executeTakeFirst();
    if (!next?.due) return;
    ctx.clock.now = new Date(Date.parse(next.due));
  }
  const left = await ctx.db.selectFrom('sync_jobs').selectAll().where('status', '!=', 'done').execute();
  throw new Error(`sync jobs still pending after ${maxPasses} passes: ${JSON.stringify(left)}`);
}

/**
 * The world's provider (or the team member signed in as `session`) connects their own Google account: start, consent
 * at the fake, come back with the code.
 */
export async function connectOwnGoogle(
  world: CalendarWorld,
  email: string,
  session: Session = world.provider.session,
): Promise<void> {
  const { google } = world;
  const start = await call(world, 'POST', '/api/admin/calendar/google/connect', { session });
  if (start.status !== 200) throw new Error(`connect failed: ${start.status} ${JSON.stringify(start.body)}`);
  const { code, state } = google.consent(start.body.authorizationUrl, email);
  const back = await call(world, 'GET', callbackPath('google', code, state), { session });
  if (back.status !== 302 || !back.headers.get('location')?.includes('connected=google')) {
    throw new Error(`callback failed: ${back.status} ${back.headers.get('location')}`);
  }
}

/**
 * The app's events go to a new calendar `Practice` of `owner` (after a connection to `owner`'s account), so the
 * primary calendar is someone else's as far as the app can tell: its busy times are read with free/busy.
 */
export async function writeToSecondCalendar(world: CalendarWorld, owner: string): Promise<void> {
  const calendarId = world.google.addCalendar(owner, 'Practice');
  const res = await call(world, 'PUT', '/api/admin/calendar/calendar', {
    session: world.provider.session,
    body: { calendarId },
  });
  if (res.status !== 200) throw new Error(`choosing the calendar failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export const callbackPath = (service: string, code: string, state: string) =>
  `/api/admin/calendar/${service}/callback?${new URLSearchParams({ code, state })}`;
