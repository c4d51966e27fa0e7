import { Hono } from 'hono';
import { hashToken } from '../auth/tokens.js';
import { listAppointments } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { buildAppointmentCalendar } from '../ical/appointment-calendar.js';
import { feedEntryOf } from './event-content.js';
import { findFeedOwner, findSettings } from './settings.repository.js';

// Calendar apps keep what they already have; a quarter back is plenty of history.
const HISTORY_MS = 90 * 86_400_000;
const MAX_EVENTS = 5_000;

/**
 * `GET /ical/:token.ics`: the provider's appointments as an RFC 5545 feed any calendar app can
 * subscribe to. The token is the only credential (calendar apps send no cookies), so a wrong
 * one is a plain 404 and rotating it in the admin cuts off the old URL.
 */
export function feedRoutes(deps: { db: Db; appUrl: string; now: () => Date }) {
  return new Hono<AppEnv>().get('/:file{[^/]+\\.ics}', async (c) => {
    const token = c.req.param('file').slice(0, -'.ics'.length);
    const owner = token.length <= 100 ? await findFeedOwner(deps.db, hashToken(token)) : undefined;
    if (!owner) throw AppError.notFound('Calendar feed');
    const [settings, appointments] = await Promise.all([
      findSettings(deps.db, owner.id),
      listAppointments(deps.db, {
        providerId: owner.id,
        from: new Date(deps.now().getTime() - HISTORY_MS).toISOString(),
        limit: MAX_EVENTS,
      }),
    ]);
    const body = buildAppointmentCalendar(
      appointments.map((a) => feedEntryOf(a, settings, deps.appUrl)),
      { name: owner.name, appUrl: deps.appUrl },
    );
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Cache-Control', 'private, no-cache');
    return c.body(body);
  });
}
