import { Hono } from 'hono';
import { z } from 'zod';
import { hashToken } from '../auth/tokens.js';
import { type AppointmentDetail, listAppointments } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { buildAppointmentCalendar, type CalendarAppointment, classUid } from '../ical/appointment-calendar.js';
import { type ClassTime, classFeedEntryOf, classKeyOf } from './class-event.js';
import { classServices } from './class-times.repository.js';
import { type EventPrivacy, feedEntryOf } from './event-content.js';
import { findFeedOwner, findSettings } from './settings.repository.js';

// Calendar apps keep what they already have; a quarter back is plenty of history.
const HISTORY_MS = 90 * 86_400_000;
const MAX_EVENTS = 5_000;

/** One entry per one-to-one appointment, and one per class time however many attend it. */
function feedEntries(
  appointments: AppointmentDetail[],
  seatsOf: Map<number, number>,
  privacy: EventPrivacy,
  appUrl: string,
): CalendarAppointment[] {
  const classes = new Map<string, ClassTime>();
  const entries: (CalendarAppointment | ClassTime)[] = [];
  for (const a of appointments) {
    const seats = seatsOf.get(a.service_id);
    if (seats === undefined) {
      entries.push(feedEntryOf(a, privacy, appUrl));
      continue;
    }
    const key = classKeyOf(a);
    const uid = classUid(key, appUrl);
    const known = classes.get(uid);
    if (known) known.appointments.push(a);
    else {
      const time = { key, seats, appointments: [a] };
      classes.set(uid, time);
      entries.push(time);
    }
  }
  return entries.map((e) => ('key' in e ? classFeedEntryOf(e, privacy, appUrl) : e));
}

/**
 * `GET /ical/:token.ics`: a team member's appointments as an RFC 5545 feed any calendar app can
 * subscribe to. The token is the only credential (calendar apps send no cookies), so a wrong
 * one is a plain 404 and rotating it in the admin cuts off the old URL.
 */
export function feedRoutes(deps: { db: Db; appUrl: string; now: () => Date }) {
  return new Hono<AppEnv>().get(
    '/:file{[^/]+\\.ics}',
    describe({
      summary: "A member's iCalendar feed",
      description:
        "The secret URL from `POST /api/admin/calendar/feed/rotate`: the member's appointments, for any calendar app to subscribe to.",
      responses: { 200: { description: 'An iCalendar file', schema: z.string(), contentType: 'text/calendar' } },
    }),
    async (c) => {
      const token = c.req.param('file').slice(0, -'.ics'.length);
      const owner = token.length <= 100 ? await findFeedOwner(deps.db, hashToken(token)) : undefined;
      if (!owner) throw AppError.notFound('Calendar feed');
      const [settings, seats, appointments] = await Promise.all([
        findSettings(deps.db, owner.providerId),
        classServices(deps.db, owner.providerId),
        listAppointments(deps.db, {
          providerId: owner.providerId,
          memberId: owner.memberId,
          from: new Date(deps.now().getTime() - HISTORY_MS).toISOString(),
          limit: MAX_EVENTS,
        }),
      ]);
      const body = buildAppointmentCalendar(feedEntries(appointments, seats, settings, deps.appUrl), {
        name: owner.name,
        appUrl: deps.appUrl,
      });
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header('Cache-Control', 'private, no-cache');
      return c.body(body);
    },
  );
}
