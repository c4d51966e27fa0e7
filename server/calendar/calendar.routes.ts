import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { emailSchema } from '../auth/auth.schemas.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { idParam } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { mayManageBusiness } from '../team/roles.js';
import * as service from './calendar.service.js';
import { calendarHealth, connectionView, feedView, settingsView, syncJobView } from './calendar.view.js';
import { findConnection } from './connections.repository.js';
import { findFeedCreatedAt, findSettings } from './settings.repository.js';
import { countRetryingJobs, countSyncJobs, listSyncJobs, retryFailedJob } from './sync-jobs.repository.js';

const oauthService = z.object({ service: z.enum(['google', 'microsoft']) });
const callbackQuery = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

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
    .get('/', async (c) => {
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
    })
    .put('/settings', validate('json', z.object({ includeCustomerContact: z.boolean() })), async (c) => {
      if (!mayManageBusiness(c.get('member').role))
        throw new AppError('forbidden', 'Only the owner and admins change the business’s calendar settings');
      await service.updateSettings(deps, c.get('provider').id, c.req.valid('json'));
      return c.json({ settings: settingsView(await findSettings(deps.db, c.get('provider').id)) });
    })
    .put(
      '/google-shared',
      validate('json', z.object({ shareWith: emailSchema, role: z.enum(['writer', 'reader']).default('writer') })),
      async (c) => {
        await service.connectSharedGoogle(deps, c.get('provider'), memberOf(c), c.req.valid('json'));
        return c.json({ connection: connectionView((await findConnection(deps.db, memberOf(c).id))!) });
      },
    )
    .put('/caldav', validate('json', caldavLogin), async (c) => {
      const calendars = await service.connectCaldav(deps, memberOf(c), c.req.valid('json'));
      return c.json({ connection: connectionView((await findConnection(deps.db, memberOf(c).id))!), calendars });
    })
    .post('/:service/connect', validate('param', oauthService), async (c) => {
      const authorizationUrl = await service.startOAuth(deps, memberOf(c), c.req.valid('param').service);
      return c.json({ authorizationUrl });
    })
    .get('/:service/callback', validate('param', oauthService), validate('query', callbackQuery), async (c) => {
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
    })
    .get('/calendars', async (c) => c.json({ calendars: await service.listCalendars(deps, memberOf(c).id) }))
    .put('/calendar', validate('json', z.object({ calendarId: z.string().min(1).max(500) })), async (c) => {
      await service.chooseCalendar(deps, memberOf(c).id, c.req.valid('json').calendarId);
      return c.json({ connection: connectionView((await findConnection(deps.db, memberOf(c).id))!) });
    })
    .delete('/connection', async (c) => {
      await service.disconnect(deps, memberOf(c).id);
      return c.body(null, 204);
    })
    .post('/busy/refresh', async (c) => {
      const connection = await findConnection(deps.db, memberOf(c).id);
      if (!connection) throw AppError.notFound('Calendar connection');
      await deps.busy.refresh(connection.id);
      return c.json({ connection: connectionView((await findConnection(deps.db, memberOf(c).id))!) });
    })
    .get(
      '/sync-jobs',
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
    .post('/sync-jobs/:id/retry', validate('param', idParam), async (c) => {
      if (!(await retryFailedJob(deps.db, memberOf(c).id, c.req.valid('param').id, deps.now())))
        throw AppError.notFound('Failed sync job');
      return c.json({ retried: true });
    })
    .post('/feed/rotate', async (c) => c.json({ url: await service.rotateFeed(deps, memberOf(c)) }))
    .delete('/feed', async (c) => {
      await service.disableFeed(deps, memberOf(c).id);
      return c.body(null, 204);
    });
}
