import type { Hono } from 'hono';
import type { BusyTimeSource, BusyTimesOfMembers } from '../availability/availability.types.js';
import type { AppointmentListener } from '../bookings/appointment-events.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { type PollingWorker, startPollingWorker } from '../outbox/polling-worker.js';
import { adapterRegistry } from './adapters.js';
import { type BusyCache, busyCache } from './busy.cache.js';
import type { CalendarConfig } from './calendar.config.js';
import { calendarRoutes } from './calendar.routes.js';
import type { CalendarServiceDeps } from './calendar.service.js';
import { feedRoutes } from './feed.routes.js';
import { type GoogleAuthClient, googleAppAuth, googleSettingsOf } from './google/google.client.js';
import { googleOAuthFlow } from './google/google.oauth.js';
import { graphOAuthFlow } from './microsoft/graph.oauth.js';
import { syncJobWriter } from './sync.listener.js';
import { syncPass } from './sync.worker.js';
import { pruneDoneJobs } from './sync-jobs.repository.js';
import { tokenCipher } from './token-cipher.js';

export interface CalendarSync {
  /** Writes sync jobs inside every appointment change's transaction. */
  listener: AppointmentListener;
  /** Cached busy times of providers' own calendars, for availability. */
  busyTimes: BusyTimeSource<Db>;
  /** The same for many members in one read: the directory's "next available" times. */
  busyTimesOfMembers: BusyTimesOfMembers<Db>;
  /** `/api/admin/calendar`, behind `requireProvider`. */
  adminRoutes: Hono<AppEnv>;
  /** `/ical`, public. */
  feedRoutes: Hono<AppEnv>;
  /** One sync pass; resolves to how many jobs it took. */
  syncOnce(): Promise<number>;
  busy: BusyCache;
  /** Starts the sync worker and the background busy-time refresh (the server does; tests drive passes themselves). */
  start(): { stop(): Promise<void> };
}

const DONE_JOBS_KEPT_MS = 30 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
const BATCH_SIZE = 20;

/** Composes calendar sync from configuration: adapters, worker, busy cache, routes. */
export function createCalendarSync(deps: {
  db: Db;
  /** The app's configuration; sync reads its own part and the two values every feature shares. */
  config: { calendar: CalendarConfig; appUrl: string; secretKey: string };
  now?: () => Date;
  /** Replaces the app account built from GOOGLE_* (tests, or a service account from elsewhere). */
  appAuth?: GoogleAuthClient | null;
}): CalendarSync {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const calendarConfig = config.calendar;
  const google = googleSettingsOf(calendarConfig);
  const { microsoft } = calendarConfig;
  const adapterDeps = {
    db,
    now,
    config: calendarConfig,
    appUrl: config.appUrl,
    cipher: tokenCipher(config.secretKey),
    appAuth: deps.appAuth !== undefined ? deps.appAuth : googleAppAuth(google),
  };
  const adapterFor = adapterRegistry(adapterDeps);
  // A sync job makes up to three calls (a token refresh, an insert, a patch after its 409), a busy read fewer, each
  // bounded by the timeout.
  const leaseMs = 4 * calendarConfig.timeoutMs + 60_000;
  const busy = busyCache({ db, now, adapterFor, ttlMs: calendarConfig.busyTtlMs, leaseMs });
  const serviceDeps: CalendarServiceDeps = {
    ...adapterDeps,
    adapterFor,
    busy,
    flows: {
      ...(google.clientId && google.clientSecret && { google: googleOAuthFlow(google) }),
      ...(microsoft.clientId &&
        microsoft.clientSecret && { microsoft: graphOAuthFlow({ ...microsoft, timeoutMs: calendarConfig.timeoutMs }) }),
    },
  };
  const syncOnce = syncPass({
    db,
    now,
    appUrl: config.appUrl,
    adapterFor,
    backoff: calendarConfig.backoff,
    leaseMs,
    batchSize: BATCH_SIZE,
  });

  return {
    listener: syncJobWriter(now),
    busyTimes: busy.busyTimes,
    busyTimesOfMembers: busy.busyTimesOfMembers,
    adminRoutes: calendarRoutes(serviceDeps),
    feedRoutes: feedRoutes({ db, appUrl: config.appUrl, now }),
    syncOnce,
    busy,
    start() {
      let prunedAt = 0;
      const workers: PollingWorker[] = [
        startPollingWorker('calendar sync', calendarConfig.syncIntervalMs, async () => {
          while ((await syncOnce()) === BATCH_SIZE) {
            // a full batch: more may be due
          }
          if (now().getTime() - prunedAt > PRUNE_EVERY_MS) {
            prunedAt = now().getTime();
            await pruneDoneJobs(db, new Date(prunedAt - DONE_JOBS_KEPT_MS));
          }
        }),
        startPollingWorker('calendar busy times', calendarConfig.busyRefreshIntervalMs, () =>
          busy.refreshStale(calendarConfig.busyRefreshIntervalMs),
        ),
      ];
      return { stop: async () => void (await Promise.all(workers.map((w) => w.stop()))) };
    },
  };
}
