import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { meRoutes } from './account/me.routes.js';
import { apiKeyAuth } from './api-keys/api-key-auth.js';
import { apiKeysRoutes } from './api-keys/api-keys.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { passwordResetRoutes } from './auth/password-reset.routes.js';
import { loadSession } from './auth/session.middleware.js';
import { sessionCookieName } from './auth/session-cookie.js';
import { verificationRoutes } from './auth/verification.routes.js';
import type { BusyTimeSource } from './availability/availability.types.js';
import { blockedTimesRoutes } from './blocked-times/blocked-times.routes.js';
import { adminAppointmentsRoutes } from './bookings/admin-appointments.routes.js';
import type { AppointmentListener } from './bookings/appointment-events.js';
import type { BookingDeps } from './bookings/booking.service.js';
import { bookingsRoutes } from './bookings/bookings.routes.js';
import { classesRoutes } from './bookings/classes.routes.js';
import { departFutureAppointments } from './bookings/member-departure.js';
import { type CalendarSync, createCalendarSync } from './calendar/calendar-sync.js';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import { accountLinkSender } from './email/account-links.js';
import { adminEmailsRoutes } from './email/admin-emails.routes.js';
import { bookingEmailsRoutes } from './email/booking-emails.routes.js';
import { mailboxRoutes } from './email/mailbox.routes.js';
import { emailOutboxListener } from './email/outbox.listener.js';
import { invitationSender } from './email/team-invitation.js';
import { offerSender } from './email/waitlist-offer.js';
import { AppError } from './errors.js';
import type { AppEnv } from './http/app-env.js';
import { cacheControl, isPublicRead } from './http/cache-control.js';
import { csrfProtection } from './http/csrf.js';
import { notFound, onError } from './http/error-handler.js';
import { publicCors } from './http/public-cors.js';
import { requestLog } from './http/request-log.js';
import { log } from './logger.js';
import { adminImagesRoutes, mediaRoutes } from './media/media.routes.js';
import { MAX_UPLOAD_BYTES } from './media/resize.js';
import { openApiRoutes } from './openapi/openapi.routes.js';
import { countBookings } from './ops/booking-metrics.js';
import { countRequest } from './ops/http-metrics.js';
import { opsRoutes } from './ops/ops.routes.js';
import { runningWorkers } from './outbox/polling-worker.js';
import { businessRoutes, myDataRoutes } from './privacy/privacy.routes.js';
import { profileRoutes } from './providers/profile.routes.js';
import { providersRoutes } from './providers/providers.routes.js';
import type { ProviderRow } from './providers/providers.table.js';
import { requireProvider } from './providers/require-provider.js';
import { adminReviewsRoutes, providerReviewsRoutes, reviewsRoutes } from './reviews/reviews.routes.js';
import { scheduleRoutes } from './schedule/schedule.routes.js';
import { seriesDatesRoutes, seriesRoutes } from './series/series.routes.js';
import { servicesRoutes } from './services/services.routes.js';
import { pageCache } from './site/page-cache.js';
import { siteRoutes } from './site/site.routes.js';
import { oneMemberAtATime } from './slots/busy-of-members.js';
import { cachedNextAvailableTimes } from './slots/next-available-cached.js';
import { readySlotsAnswers } from './slots/ready-answers.js';
import { slotsRoutes } from './slots/slots.routes.js';
import { createSlotsCache, type SlotsCache } from './slots/slots-cache.js';
import { slotsVersionsFor } from './slots/slots-versions.js';
import { joinRoutes } from './team/join.routes.js';
import { memberPhotoRoutes } from './team/member-photo.routes.js';
import { refuseApiKeys, requireManager, requireRole } from './team/roles.js';
import { staffOwnWork } from './team/staff-guard.js';
import { targetMember } from './team/target-member.js';
import { teamRoutes } from './team/team.routes.js';
import { fullClassesRoutes } from './waitlist/full-classes.routes.js';
import type { OfferDeps } from './waitlist/offers.js';
import { waitlistListener } from './waitlist/waitlist.listener.js';
import { bookingWaitlistRoutes, waitlistRoutes } from './waitlist/waitlist.routes.js';
import { webhookOutboxListener } from './webhooks/webhooks.listener.js';
import { webhooksRoutes } from './webhooks/webhooks.routes.js';
import { widgetRoutes } from './widget/widget.routes.js';

export interface AppDeps {
  db: Db;
  config: Config;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Busy times from providers' own calendars (default: calendar sync's cache). */
  busyTimes?: BusyTimeSource<Db>;
  /** Calendar sync (built from `config` unless given; `server/main.ts` starts its workers). */
  calendar?: CalendarSync;
  /** Further outbox writers run inside every appointment change's transaction (the email outbox always runs). */
  appointmentListeners?: AppointmentListener[];
  /** The polling workers `/readyz` requires running (`server/main.ts` names those it started; default none). */
  workers?: readonly string[];
  /** The built site (default `dist/site/`); browser tests build their own, so parallel builds never collide. */
  siteDistDir?: string;
  /** The slots cache (built unless given; `server/main.ts` shares it with the waitlist's hold worker). */
  slotsCache?: SlotsCache;
}

/**
 * The waitlist's offers as the app and its hold-expiry worker (server/main.ts) both make them: the offer email through
 * the email outbox, the slots version bumped when a hold starts or ends (holds are read with the appointments).
 */
export function waitlistOffers(deps: {
  config: Config;
  now: () => Date;
  calendarBusy: BusyTimeSource<Db>;
  slotsCache: SlotsCache;
}): OfferDeps {
  return {
    now: deps.now,
    appUrl: deps.config.appUrl,
    busyTimes: deps.calendarBusy,
    sendOffer: offerSender(deps.config.secretKey),
    slotsChanged: (trx, providerId) => deps.slotsCache.appointmentListener(trx, { providerId }),
  };
}

/** Where a provider uploads a logo or photo, and a member's photo. */
const IMAGE_UPLOADS = '/api/admin/images';
const MEMBER_PHOTO = '/api/admin/team/:id/photo';
const isUpload = (method: string, path: string) =>
  (method === 'POST' && path === IMAGE_UPLOADS) ||
  (method === 'PUT' && /^\/api\/admin\/team\/[^/]+\/photo$/.test(path));

/**
 * Directory, profiles and slots (docs/api.md, "HTTP caching & CDNs"): a browser or CDN may reuse an answer for 10 s
 * and serve it while refreshing for a minute more; a booking of a slot that went meanwhile is refused with 409.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=60';

/** Request bodies above this are refused with 413 before they are read. */
export const MAX_BODY_BYTES = 64 * 1024;
/** The routes allowed more, each with its own limit (413 above it too). */
export const LARGER_BODIES: Readonly<Record<string, number>> = {
  [`POST ${IMAGE_UPLOADS}`]: MAX_UPLOAD_BYTES,
  [`PUT ${MEMBER_PHOTO}`]: MAX_UPLOAD_BYTES,
};

/** Builds the whole HTTP application; `server/main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const secureCookies = config.appUrl.startsWith('https:');
  const calendar = deps.calendar ?? createCalendarSync({ db, config, now });
  const slotsCache = deps.slotsCache ?? createSlotsCache({ versions: slotsVersionsFor(db) });
  const calendarBusy = deps.busyTimes ?? calendar.busyTimes;
  const offers = waitlistOffers({ config, now, calendarBusy, slotsCache });
  const bookingDeps: BookingDeps = {
    db,
    now,
    appUrl: config.appUrl,
    busyTimes: calendarBusy,
    listeners: [
      slotsCache.appointmentListener,
      emailOutboxListener({ appUrl: config.appUrl, secretKey: config.secretKey, now }),
      calendar.listener,
      webhookOutboxListener(now),
      // After the emails of the change: a freed time's offer email follows the cancellation's.
      waitlistListener(offers),
      ...(deps.appointmentListeners ?? []),
      // Last: a booking another listener refuses is not counted.
      countBookings,
    ],
  };
  // Every admin route: a signed-in member of a business, then what their role allows (server/team/roles.ts).
  const asProvider = <T extends Hono<AppEnv>>(routes: T, ...guards: MiddlewareHandler<AppEnv>[]) =>
    new Hono<AppEnv>().use(requireProvider(db), ...guards).route('/', routes);
  /** Routes about one member's time: `?member=` names whose (staff: only their own). */
  const forMember = targetMember(db);

  const app = new Hono<AppEnv>();
  app.use(requestLog(log, countRequest));
  // A widget's repeated question, answered before the rest of the middleware when nothing it depends on changed.
  app.use(
    '/api/providers/:slug/slots',
    readySlotsAnswers({ db, now, busyTimes: bookingDeps.busyTimes, cache: slotsCache }),
  );
  const pages = pageCache({ now });
  app.use(pages.emptiedByWrites);
  // Probes and scrapes come before the session and body middleware: they need neither, and come often.
  app.route(
    '/',
    opsRoutes({ db, now, workers: deps.workers ?? [], runningWorkers, metricsToken: config.metricsToken }),
  );
  // The widget and public API are meant to be used from other sites, hence cross-origin CORP.
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin', crossOriginEmbedderPolicy: false }));
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes`);
    },
  });
  // GET and HEAD have no body, and asking for one makes @hono/node-server build a full Request: a third of a
  // cached slots answer. An image upload has its own, larger limit (server/media/media.routes.ts).
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || isUpload(c.req.method, c.req.path)
      ? next()
      : limitBody(c, next),
  );
  // Public, cookie-less API: any site may call it (the embedded widget does).
  const openCors = publicCors({ allowHeaders: ['Content-Type', 'Idempotency-Key'], maxAge: 600 });
  app.use('/api/providers/*', openCors);
  app.use('/api/bookings/*', openCors);
  app.use('/api/waitlist/*', openCors);
  // An integration's key (docs/api.md, "API keys"): before CSRF and the session, which a key-authenticated request
  // needs neither of (its cookie, if it sent one, is ignored).
  app.use('/api/admin/*', apiKeyAuth({ db, now, rateLimit: config.apiKeyRateLimit }));
  app.use(
    csrfProtection({
      cookieName: sessionCookieName(secureCookies),
      appOrigin: new URL(config.appUrl).origin,
      exempt: (c) => c.get('apiKey') !== undefined,
    }),
  );
  app.use('/api/*', cacheControl(PUBLIC_CACHE_CONTROL));
  // Public reads use no session: a widget's request costs no session lookup, and a renewed session cookie can
  // never ride on an answer a shared cache keeps.
  const session = loadSession({ db, now, secureCookies });
  app.use((c, next) => (isPublicRead(c) || c.get('apiKey') ? next() : session(c, next)));

  // Account links (confirm an address, choose a new password) are emails: email's sender, handed to auth.
  const sendAccountLink = accountLinkSender({ db, now, appUrl: config.appUrl, secretKey: config.secretKey });
  const account = { db, now, sendAccountLink, secureCookies, trustProxy: config.trustProxy };
  app.route(
    '/api/auth',
    authRoutes({ ...account, loginRateLimit: config.loginRateLimit, signupRateLimit: config.signupRateLimit }),
  );
  app.route('/api/auth/verify-email', verificationRoutes(account));
  app.route('/api/auth/password-reset', passwordResetRoutes(account));
  app.route('/api/me', meRoutes({ db, appUrl: config.appUrl, now }));
  app.route('/api/me', myDataRoutes({ ...bookingDeps, secureCookies }));
  app.route('/api/me/emails', mailboxRoutes({ db, secretKey: config.secretKey }));
  // The directory's "next available" comes from slots, which itself reads providers: given, not imported.
  // Remembered per business with the slots cache's versions; calendar busy times read for the page in one go.
  const busyOfMembers = deps.busyTimes ? oneMemberAtATime(deps.busyTimes) : calendar.busyTimesOfMembers;
  const nextAvailable = (rows: ProviderRow[]) =>
    cachedNextAvailableTimes(db, rows, { now: now().getTime(), busyOfMembers, memory: slotsCache.nextAvailable });
  app.route('/api/providers', providersRoutes({ db, nextAvailable }));
  app.route(
    '/api/providers',
    slotsRoutes({
      db,
      now,
      busyTimes: bookingDeps.busyTimes,
      cache: slotsCache,
      computeRateLimit: config.slotsRateLimit,
      trustProxy: config.trustProxy,
    }),
  );
  app.route('/api/providers', providerReviewsRoutes(db));
  const bookingRouteDeps = { ...bookingDeps, bookingRateLimit: config.bookingRateLimit, trustProxy: config.trustProxy };
  app.route('/api/bookings/series', seriesRoutes({ ...bookingRouteDeps, checkRateLimit: config.slotsRateLimit }));
  app.route('/api/bookings', bookingsRoutes(bookingRouteDeps));
  app.route('/api/bookings', seriesDatesRoutes({ db }));
  app.route('/api/bookings', bookingEmailsRoutes({ db, secretKey: config.secretKey }));
  const waitlist = {
    bookings: bookingDeps,
    offers,
    bookingRateLimit: config.bookingRateLimit,
    trustProxy: config.trustProxy,
  };
  app.route('/api/bookings', bookingWaitlistRoutes(waitlist));
  app.route('/api/waitlist', waitlistRoutes(waitlist));
  app.route('/api/providers', fullClassesRoutes({ db, offers }));
  app.route('/api/reviews', reviewsRoutes({ db, now }));
  app.route('/api/admin/profile', profileRoutes(db, slotsCache.invalidateProvider));
  app.route(
    '/api/admin/business',
    asProvider(businessRoutes({ ...bookingDeps, slotsChanged: slotsCache.invalidateProvider }), requireRole('owner')),
  );
  app.route('/api/admin/services', asProvider(servicesRoutes(db, slotsCache.invalidateProvider), requireManager));
  app.route('/api/admin/schedule', asProvider(scheduleRoutes(db, slotsCache.invalidateProvider), forMember));
  app.route('/api/admin/appointments', asProvider(adminAppointmentsRoutes(bookingDeps), staffOwnWork));
  app.route('/api/admin/classes', asProvider(classesRoutes(bookingDeps), requireManager));
  app.route('/api/admin/blocked-times', asProvider(blockedTimesRoutes(db, slotsCache.invalidateProvider), forMember));
  app.route(
    '/api/admin/emails',
    asProvider(adminEmailsRoutes({ db, now, sendsEmail: config.smtpUrl !== null }), requireManager),
  );
  app.route(
    '/api/admin/webhooks',
    asProvider(
      webhooksRoutes({ db, now, secretKey: config.secretKey, allowPrivate: config.webhooksAllowPrivate }),
      requireManager,
    ),
  );
  app.route('/api/admin/reviews', asProvider(adminReviewsRoutes({ db, now }), requireManager));
  app.route(IMAGE_UPLOADS, asProvider(adminImagesRoutes(db), requireManager));
  app.route('/media', mediaRoutes(db));
  // Each member's own calendar; the owner and admins may name another's (`?member=`). Settings are checked inside.
  app.route('/api/admin/calendar', asProvider(calendar.adminRoutes, forMember));
  // Invitations are emails and a leaving member's appointments are bookings': both given to team, not imported.
  app.route(
    '/api/admin/team',
    asProvider(
      teamRoutes({
        db,
        now,
        sendInvitation: invitationSender({ now, appUrl: config.appUrl, secretKey: config.secretKey }),
        departFutureAppointments: departFutureAppointments(bookingDeps),
        slotsChanged: slotsCache.invalidateProvider,
      }),
    ),
  );
  app.route('/api/admin/team', asProvider(memberPhotoRoutes({ db, slotsChanged: slotsCache.invalidateProvider })));
  app.route('/api/admin/api-keys', asProvider(apiKeysRoutes({ db, now }), refuseApiKeys, requireManager));
  app.route('/api/team', joinRoutes({ db, now, secureCookies }));
  app.route('/ical', calendar.feedRoutes);
  // The OpenAPI document reads every route mounted above from `app.routes`, once, on its first request.
  app.route(
    '/',
    openApiRoutes({
      routes: () => app.routes,
      info: {
        title: 'Book your services API',
        version: '1',
        description: "The public booking API and the providers' admin API. Guide: docs/api.md in the repository.",
        serverUrl: config.appUrl,
      },
    }),
  );

  app.route('/', widgetRoutes());
  app.route(
    '/',
    siteRoutes({
      db,
      now,
      busyTimes: bookingDeps.busyTimes,
      nextAvailable,
      appUrl: config.appUrl,
      pageCache: pages,
      ...(deps.siteDistDir && { distDir: deps.siteDistDir }),
    }),
  );

  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
