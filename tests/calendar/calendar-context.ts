import { createApp } from '../../server/app.js';
import type { CalendarConfig } from '../../server/calendar/calendar.config.js';
import { type CalendarSync, createCalendarSync } from '../../server/calendar/calendar-sync.js';
import { migrateToLatest } from '../../server/db/connect.js';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { NOW, type TestContext, testConfig } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';
import { FakeGoogle } from './fake-google.js';

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

export interface CalendarWorld {
  google: FakeGoogle;
  ctx: CalendarTestContext;
  provider: ProviderFixture;
}

/** One test's world: a fake Google, the app pointed at it, and a provider. End it with `stopCalendar`. */
export async function startCalendar(
  overrides: Parameters<typeof createCalendarContext>[1] = {},
): Promise<CalendarWorld> {
  const google = await FakeGoogle.start();
  const ctx = await createCalendarContext(google, overrides);
  return { google, ctx, provider: await createProvider(ctx) };
}

/** Lets background busy-time reads finish, then stops the fake and closes the database. */
export async function stopCalendar({ google, ctx }: Pick<CalendarWorld, 'google' | 'ctx'>): Promise<void> {
  await ctx.calendar.busy.idle();
  await google.stop();
  await ctx.db.destroy();
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

/** The provider connects their own Google account: start, consent at the fake, come back with the code. */
export async function connectOwnGoogle(
  ctx: CalendarTestContext,
  google: FakeGoogle,
  provider: ProviderFixture,
  email: string,
): Promise<void> {
  const start = await call(ctx, 'POST', '/api/admin/calendar/google/connect', { session: provider.session });
  if (start.status !== 200) throw new Error(`connect failed: ${start.status} ${JSON.stringify(start.body)}`);
  const { code, state } = google.consent(start.body.authorizationUrl, email);
  const back = await call(ctx, 'GET', callbackPath('google', code, state), { session: provider.session });
  if (back.status !== 302 || !back.headers.get('location')?.includes('connected=google')) {
    throw new Error(`callback failed: ${back.status} ${back.headers.get('location')}`);
  }
}

export const callbackPath = (service: string, code: string, state: string) =>
  `/api/admin/calendar/${service}/callback?${new URLSearchParams({ code, state })}`;
