import { calendarQuery } from 'tsdav';
import type { Interval } from '../../availability/availability.types.js';
import { appUidMatcher, buildAppointmentCalendar } from '../../ical/appointment-calendar.js';
import { type CalendarAdapter, CalendarCallError, type CalendarEventData, type EventRef } from '../calendar.types.js';
import { busyOfObject } from './caldav.busy.js';
import { type DavCalendar, davText, listDavCalendars, refusedRequest } from './caldav.discovery.js';
import { type DavFetch, unexpected } from './caldav.http.js';

export interface CalDavAdapterOptions {
  /** The account's calendar home: its calendars are listed there. */
  homeUrl: string;
  /** The calendar events are written to. */
  calendarUrl: string;
  fetch: DavFetch;
  appUrl: string;
}

/** `20261202T090000Z`, the form of a CalDAV time-range (RFC 4791 §9.9). */
const davTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/**
 * A CalDAV calendar (RFC 4791): each appointment is one `.ics` resource named after its UID, written with PUT and
 * removed with DELETE. Creating says `If-None-Match: *`, so a retried create whose first answer was lost finds the
 * event instead of making a second; updating and deleting say `If-Match` with the ETag we last got, and a 412 (the
 * resource changed since, say in the owner's calendar app) is answered by reading the current ETag and trying once
 * more: the appointment is the app's to keep right.
 */
export function caldavCalendarAdapter(options: CalDavAdapterOptions): CalendarAdapter {
  const { fetch, calendarUrl } = options;
  const isOwnUid = appUidMatcher(new URL(options.appUrl).hostname);
  const hrefOf = (uid: string) => new URL(`${encodeURIComponent(uid)}.ics`, calendarUrl).href;
  const icsOf = (event: CalendarEventData) =>
    buildAppointmentCalendar(
      [
        {
          id: event.appointmentId,
          uid: event.uid,
          sequence: 0,
          status: 'confirmed',
          startAt: event.start,
          endAt: event.end,
          summary: event.summary,
          description: event.description,
          location: event.location,
          url: event.url,
        },
      ],
      { name: 'Book your services', appUrl: options.appUrl },
    );

  /** The resource's ETag now; null when it is not there. */
  async function currentEtag(href: string): Promise<string | null> {
    const response = await fetch(href, { method: 'GET' });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) return null;
    if (!response.ok) throw await unexpected(response, `reading ${href}`);
    return response.headers.get('etag');
  }

  const put = (href: string, body: string, condition: Record<string, string>) =>
    fetch(href, { method: 'PUT', body, headers: { 'Content-Type': 'text/calendar; charset=utf-8', ...condition } });

  /** After a PUT: the new ETag (a server that changed what we sent may leave it out: then it is read). */
  const writtenAt = async (href: string, response: Response): Promise<EventRef> => {
    await response.body?.cancel();
    return { id: href, etag: response.headers.get('etag') ?? (await currentEtag(href)) };
  };

  /** Writes over the resource's version `etag` (null: read it first); a 412 or 404 means look again, once. */
  async function update(href: string, body: string, etag: string | null): Promise<EventRef> {
    let expected = etag;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0 || expected === null) expected = await currentEtag(href);
      // Gone meanwhile (deleted in the calendar app): written anew.
      const response = await put(href, body, expected ? { 'If-Match': expected } : { 'If-None-Match': '*' });
      if (response.ok) return writtenAt(href, response);
      if (response.status !== 412 && response.status !== 404) throw await unexpected(response, `writing ${href}`);
      await response.body?.cancel();
    }
    throw new CalendarCallError('transient', `the event at ${href} changed while it was written (412)`, {
      status: 412,
    });
  }

  async function eventCalendars(): Promise<DavCalendar[]> {
    const calendars = await listDavCalendars(options.homeUrl, fetch);
    // The sync calendar counts even when the home does not list it (a calendar shared from another account).
    return calendars.some((c) => c.url === calendarUrl)
      ? calendars
      : [...calendars, { url: calendarUrl, name: calendarUrl, timeZone: null }];
  }

  return {
    async putEvent(event, known) {
      const body = icsOf(event);
      if (known) return update(known.id, body, known.etag);
      const href = hrefOf(event.uid);
      const response = await put(href, body, { 'If-None-Match': '*' });
      if (response.ok) return writtenAt(href, response);
      if (response.status !== 412) throw await unexpected(response, `creating ${href}`);
      await response.body?.cancel();
      // It is there already: an earlier try whose answer was lost made it.
      return update(href, body, null);
    },

    async removeEvent(uid, known) {
      const href = known?.id ?? hrefOf(uid);
      let etag = known?.etag ?? null;
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await fetch(href, { method: 'DELETE', headers: etag ? { 'If-Match': etag } : {} });
        await response.body?.cancel();
        if (response.ok || response.status === 404 || response.status === 410) return;
        if (response.status !== 412) throw await unexpected(response, `removing ${href}`);
        etag = await currentEtag(href);
        if (etag === null) return;
      }
      throw new CalendarCallError('transient', `the event at ${href} changed while it was removed (412)`, {
        status: 412,
      });
    },

    /**
     * Every event calendar of the account blocks time, the sync one included, less the events this app wrote (by
     * UID, in whichever calendar). One calendar-query REPORT per calendar asks for the events touching the range.
     */
    async busyIntervals(range) {
      const busy: Interval[] = [];
      for (const calendar of await eventCalendars()) {
        const responses = await calendarQuery({
          url: calendar.url,
          props: { 'd:getetag': {}, 'c:calendar-data': {} },
          filters: {
            'comp-filter': {
              _attributes: { name: 'VCALENDAR' },
              'comp-filter': {
                _attributes: { name: 'VEVENT' },
                'time-range': { _attributes: { start: davTime(range.start), end: davTime(range.end) } },
              },
            },
          },
          depth: '1',
          fetch,
        });
        refusedRequest(responses, `reading the events of ${calendar.url}`);
        for (const response of responses) {
          const data = davText(response.props?.calendarData);
          if (data) busy.push(...busyOfObject(data, range, calendar.timeZone ?? 'UTC', isOwnUid));
        }
      }
      return busy;
    },

    async listCalendars() {
      const calendars = await listDavCalendars(options.homeUrl, fetch);
      return calendars.map((c, i) => ({ id: c.url, name: c.name, primary: i === 0 }));
    },
  };
}
