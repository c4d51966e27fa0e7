import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { emailSchema } from '../auth/auth.schemas.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { mayManageBusiness } from '../team/roles.js';
import * as service from './calendar.service.js';
import {
  calendarHealth,
  calendarStateSchema,
  connectionSchema,
  connectionView,
  feedView,
  settingsView,
  syncJobSchema,
  syncJobView,
} from './calendar.view.js';
import { findConnection } from './connections.repository.js';
import { findFeedCreatedAt, findSettings } from './settings.repository.js';
import { countRetryingJobs, countSyncJobs, listSyncJobs, retryFailedJob } from './sync-jobs.repository.js';

const oauthService = z.object({ service: z.enum(['google', 'microsoft']) });
const callbackQuery = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

const calendarListing = z.object({ id: z.string(), name: z.string(), primary: z.boolean() });

const caldavLogin = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).max(500),
  username: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(500),
  calendarUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .optional(),
});

/** Whose calendar a request is about: `?member=` (`targetMember`: the owner and admins any member's), else one's own. */
const memberOf = (c: Context<AppEnv>) => c.get('target');

/**
 * `/api/admin/calendar`: a team member's calendar connection, sync jobs and feed (mounted behind `requireProvider` and
 * `targetMember`; every query is scoped by that member, who belongs to `c.var.provider`). The business's settings
 * (contact details in events) are the owner's and admins' to change.
 */
export function calendarRoutes(deps: service.CalendarServiceDeps) {
  // After an OAuth round trip the browser lands back on the admin site, with the outcome in the query.
  const backToAdmin = (params: Record<string, string>) =>
    `${deps.appUrl}/admin/calendar?${new URLSearchParams(params)}`;

  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: "The member's calendar connection, health, settings, feed and sync counts",
        responses: { 200: calendarStateSchema },
      }),
      async (c) => {
        const memberId = memberOf(c).id;
        const [connection, settings, feedCreatedAt, jobs, retrying] = await Promise.all([
          findConnection(deps.db, memberId),
          findSettings(deps.db, c.get('provider').id),
          findFeedCreatedAt(deps.db, memberId),
          countSyncJobs(deps.db, memberId),
          countRetryingJobs(deps.db, memberId),
        ]);
        return c.json({
          connection: connection ? connectionView(connection) : null,
          health: calendarHealth(connection, { failed: jobs.failed, retrying }),
          settings: settingsView(settings),
          feed: feedView(feedCreatedAt),
          syncJobs: jobs,
          available: {
            googleShared: deps.appAuth !== null,
            google: !!deps.flows.google,
            microsoft: !!deps.flows.microsoft,
            caldav: true,
          },
        });
      },
    )
    .put(
      '/settings',
      describe({
        summary: "The business's calendar settings",
        responses: { 200: z.object({ settings: z.object({ includeCustomerContact: z.boolean() }) }), 403: 'Staff' },
      }),
      validate('json', z.object({ includeCustomerContact: z.boolean() })),
      async (c) => {
        if (!mayManageBusiness(c.get('member').role))
          throw new AppError('forbidden', 'Only the owner and admins change the business’s calendar settings');
        await service.updateSettings(deps, c.get('provider').id, c.req.valid('json'));
        return c.json({ settings: settingsView(await findSettings(deps.db, c.get('provider').id)) });
      },
    )
    .put(
      '/google-shared',
      describe({
        summary: "Connect a Google calendar shared with the server's account",
        responses: {
          200: z.object({ connection: connectionSchema }),
          502: 'Google could not be reached (`calendar_unavailable`)',
        },
      }),
      validate('json', z.object({ shareWith: emailSchema, role: z.enum(['writer', 'reader']).default('writer') })),
      async (c) => {
        await service.connectSharedGoogle(deps, c.get('provider'), memberOf(c), c.req.valid('json'));
        return c.json({ connection: connectionView((await findConnection(deps.db, memberOf(c).id))!) });
      },
    )
    .put(
      '/caldav',
      describe({
        summary: 'Connect a CalDAV calendar (iCloud, Fastmail, Nextcloud…) with an app password',
        description:
          'Finds the calendars of the account; the first that takes events is chosen unless `calendarUrl` names one.',
        responses: { 200: z.object({ connection: connectionSchema, calendars: z.array(calendarListing) }) },
      }),
      validate('json', caldavLogin),
      async (c) => {
        const calendars = await service.connectCaldav(deps, memberOf(c), c.req.valid('json'));
        return c.json({ connection: connectionView((await findConnection(deps.db, memberOf(c).id))!), calendars });
      },
    )
    .post(
      '/:service/connect',
      describe({
        summary: 'Start connecting Google or Microsoft (OAuth)',
        responses: { 200: z.object({ authorizationUrl: z.string() }) },
      }),
      validate('param', oauthService),
      async (c) => {
        const authorizationUrl = await service.startOAuth(deps, memberOf(c), c.req.valid('param').service);
        return c.json({ authorizationUrl });
      },
    )
    .get(
      '/:service/callback',
      describe({
        summary: 'Where the OAuth provider sends the browser back',
        description: "Redirects to the admin's calendar page, with `connected` or `error`.",
        responses: { 302: "To the admin's calendar page" },
      }),
      validate('param', oauthService),
      validate('query', callbackQuery),
      async (c) => {
        const name = c.req.valid('param').service;
        const { code, state, error } = c.req.valid('query');
        if (error || !code || !state) return c.redirect(backToAdmin({ error: error ?? 'invalid_request' }));
        let memberId: number;
        try {
          memberId = await service.finishOAuth(deps, c.get('member'), name, { code, state });
        } catch (failure) {
          if (failure instanceof AppError)
            return c.redirect(backToAdmin({ error: failure.code, message: failure.message }));
          throw failure;
        }
        // Another member's calendar (connected by the owner or an admin): the page opens on theirs.
        const whose = memberId === c.get('member').id ? {} : { member: String(memberId) };
        return c.redirect(backToAdmin({ connected: name, ...whose }));
      },
    )
    .get(
      '/calendars',
      describe({
        summary: 'The calendars of the connected account',
        responses: {
          200: z.object({ calendars: z.array(calendarListing) }),
          502: 'The calendar service could not be reached',
        },
      }),
      async (c) => c.json({ calendars: await service.listCalendars(deps, memberOf(c).id) }),
    )
    .put(
      '/calendar',
      describe({
        summary: 'Choose the calendar to write to',
        responses: { 200: z.object({ connection: connectionSchema }) },
      }),
      validate('json', z.object({ calendarId: z.string().min(1).max(500) })),
      async (c) => {
        await service.chooseCalendar(deps, memberOf(c).id, c.req.valid('json').calendarId);
        return c.json({ connection: connectionView((await findConnection(deps.db, memberOf(c).id))!) });
      },
    )
    .delete('/connection', describe({ summary: 'Disconnect', responses: { 204: 'Disconnected' } }), async (c) => {
      await service.disconnect(deps, memberOf(c).id);
      return c.body(null, 204);
    })
    .post(
      '/busy/refresh',
      describe({
        summary: 'Read the busy times again now',
        responses: { 200: z.object({ connection: connectionSchema }) },
      }),
      async (c) => {
        const connection = await findConnection(deps.db, memberOf(c).id);
        if (!connection) throw AppError.notFound('Calendar connection');
        await deps.busy.refresh(connection.id);
        return c.json({ connection: connectionView((await findConnection(deps.db, memberOf(c).id))!) });
      },
    )
    .get(
      '/sync-jobs',
      describe({ summary: 'Calendar sync jobs', responses: { 200: z.object({ syncJobs: z.array(syncJobSchema) }) } }),
      validate(
        'query',
        z.object({
          status: z.enum(['pending', 'running', 'done', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      ),
      async (c) => {
        const jobs = await listSyncJobs(deps.db, memberOf(c).id, c.req.valid('query'));
        return c.json({ syncJobs: jobs.map(syncJobView) });
      },
    )
    .post(
      '/sync-jobs/:id/retry',
      describe({ summary: 'Retry a failed sync job', responses: { 200: z.object({ retried: z.literal(true) }) } }),
      validate('param', idParam),
      async (c) => {
        if (!(await retryFailedJob(deps.db, memberOf(c).id, c.req.valid('param').id, deps.now())))
          throw AppError.notFound('Failed sync job');
        return c.json({ retried: true });
      },
    )
    .post(
      '/feed/rotate',
      describe({
        summary: 'Make a new iCalendar feed URL',
        description: 'The old URL stops working.',
        responses: { 200: z.object({ url: z.string() }) },
      }),
      async (c) => c.json({ url: await service.rotateFeed(deps, memberOf(c)) }),
    )
    .delete('/feed', describe({ summary: 'Turn the iCalendar feed off', responses: { 204: 'Off' } }), async (c) => {
      await service.disableFeed(deps, memberOf(c).id);
      return c.body(null, 204);
    });
}
