import { DateTime } from 'luxon';
import type { Interval } from '../../availability/availability.types.js';
import { appUidMatcher } from '../../ical/appointment-calendar.js';
import { type CalendarAdapter, CalendarCallError, type CalendarEventData } from '../calendar.types.js';
import { eventIdFor, uidOfEventId } from './event-id.js';
import type { GoogleAuthClient, GoogleCalendarApi } from './google.client.js';
import { classifyGoogleError } from './google.errors.js';

export interface GoogleAdapterOptions {
  api: GoogleCalendarApi;
  auth: GoogleAuthClient;
  /** The calendar events are written to (a shared calendar's id, or the one the provider picked). */
  calendarId: string;
  /** Further calendars of the owner whose busy times count (their primary calendar, when events go elsewhere). */
  busyCalendarIds: string[];
  /** Our UIDs end in `@<this host>`: how events we wrote are told apart. */
  appHost: string;
  now: () => number;
}

const MAX_PAGES = 20;

/** Google Calendar through the googleapis client; every failure leaves as a `CalendarCallError`. */
export function googleCalendarAdapter(options: GoogleAdapterOptions): CalendarAdapter {
  const { api, calendarId } = options;
  const isOwnUid = appUidMatcher(options.appHost);
  const isOwn = (eventId: string | null | undefined) => !!eventId && isOwnUid(uidOfEventId(eventId) ?? '');

  async function call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const failure = classifyGoogleError(error, options.now());
      // A 401: the cached access token is no good; forget it so the next try fetches a fresh one.
      if (failure.status === 401)
        options.auth.credentials = { refresh_token: options.auth.credentials.refresh_token ?? null };
      throw failure;
    }
  }

  const bodyOf = (event: CalendarEventData) => ({
    summary: event.summary,
    description: event.description,
    location: event.location || null,
    start: { dateTime: event.start, timeZone: event.timeZone },
    end: { dateTime: event.end, timeZone: event.timeZone },
    status: 'confirmed',
    transparency: 'opaque',
    source: { title: 'Book your services', url: event.url },
    extendedProperties: { private: { appointmentUid: event.uid } },
  });

  const patch = (eventId: string, event: CalendarEventData) =>
    call(() => api.events.patch({ calendarId, eventId, sendUpdates: 'none', requestBody: bodyOf(event) }));
  const insert = (eventId: string, event: CalendarEventData) =>
    call(() => api.events.insert({ calendarId, sendUpdates: 'none', requestBody: { id: eventId, ...bodyOf(event) } }));

  return {
    async putEvent(event, known) {
      const eventId = eventIdFor(event.uid);
      if (known) {
        // Written before: patch. A 404 means it never really got there (or someone purged it).
        await patch(eventId, event).catch((error: CalendarCallError) =>
          error.status === 404 ? insert(eventId, event) : Promise.reject(error),
        );
      } else {
        // Insert with our id; a 409 says an earlier try, whose answer was lost, already made it.
        await insert(eventId, event).catch((error: CalendarCallError) =>
          error.status === 409 ? patch(eventId, event) : Promise.reject(error),
        );
      }
      return { id: eventId, etag: null };
    },

    async removeEvent(uid) {
      await call(() => api.events.delete({ calendarId, eventId: eventIdFor(uid), sendUpdates: 'none' })).catch(
        (error: CalendarCallError) => {
          if (error.status !== 404 && error.status !== 410) throw error; // gone already: what we wanted
        },
      );
    },

    async busyIntervals(range) {
      const timeMin = new Date(range.start).toISOString();
      const timeMax = new Date(range.end).toISOString();
      const busy: Interval[] = [];
      // Events of the sync calendar one by one, to leave out our own (free/busy could not tell them apart) …
      let pageToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { data } = await call(() =>
          api.events.list({
            calendarId,
            timeMin,
            timeMax,
            singleEvents: true,
            showDeleted: false,
            maxResults: 2500,
            ...(pageToken && { pageToken }),
          }),
        );
        for (const item of data.items ?? []) {
          const declined = item.attendees?.some((a) => a.self && a.responseStatus === 'declined');
          if (item.status === 'cancelled' || item.transparency === 'transparent' || declined || isOwn(item.id))
            continue;
          const interval = intervalOf(item.start, item.end, data.timeZone ?? 'UTC');
          if (interval) busy.push(interval);
        }
        pageToken = data.nextPageToken ?? undefined;
        if (!pageToken) break;
      }
      // … and plain free/busy for the owner's other calendars.
      if (options.busyCalendarIds.length > 0) {
        const { data } = await call(() =>
          api.freebusy.query({
            requestBody: { timeMin, timeMax, items: options.busyCalendarIds.map((id) => ({ id })) },
          }),
        );
        for (const [id, calendar] of Object.entries(data.calendars ?? {})) {
          // A calendar Google could not read comes back with `errors` and no busy times: it is not free, it is unknown.
          // https://developers.google.com/calendar/api/v3/reference/freebusy/query
          const reason = calendar.errors?.[0]?.reason;
          if (reason)
            throw new CalendarCallError('transient', `Google could not read the free/busy times of ${id}: ${reason}`);
          for (const b of calendar.busy ?? []) {
            if (b.start && b.end) busy.push({ start: Date.parse(b.start), end: Date.parse(b.end) });
          }
        }
      }
      return busy;
    },

    async listCalendars() {
      const { data } = await call(() => api.calendarList.list({ minAccessRole: 'writer', maxResults: 250 }));
      return (data.items ?? []).map((c) => ({
        id: c.id ?? '',
        name: c.summaryOverride ?? c.summary ?? c.id ?? '',
        primary: c.primary === true,
      }));
    },
  };
}

type EventTime = { dateTime?: string | null; date?: string | null } | undefined;

/** Timed events carry instants; all-day events a date in the calendar's zone. */
function intervalOf(start: EventTime, end: EventTime, zone: string): Interval | null {
  if (start?.dateTime && end?.dateTime) return { start: Date.parse(start.dateTime), end: Date.parse(end.dateTime) };
  if (start?.date && end?.date) {
    return {
      start: DateTime.fromISO(start.date, { zone }).toMillis(),
      end: DateTime.fromISO(end.date, { zone }).toMillis(),
    };
  }
  return null;
}
