import { DateTime } from 'luxon';
import type { Interval } from '../../availability/availability.types.js';
import type { CalendarAdapter, CalendarCallError, CalendarEventData } from '../calendar.types.js';
import { type GraphRequest, graphCall } from './graph.http.js';
import type { GraphTokens } from './graph.tokens.js';

export interface GraphAdapterOptions {
  /** `https://graph.microsoft.com/v1.0` (MS_GRAPH_BASE_URL). */
  baseUrl: string;
  tokens: GraphTokens;
  /** null: the account's default calendar. */
  calendarId: string | null;
  timeoutMs: number;
  now: () => number;
}

interface GraphEvent {
  id: string;
  subject?: string;
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
}

interface ViewEvent {
  id: string;
  showAs?: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  isCancelled?: boolean;
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
}

/** A page of a Graph collection; `@odata.nextLink` is the absolute URL of the next one. */
interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

const BUSY = new Set(['busy', 'oof', 'tentative']);
const MAX_PAGES = 20;

/** Graph's local date-time form in UTC: `2026-12-02T09:00:00.000` with `timeZone: 'UTC'`. */
const graphTime = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace(/Z$/, ''), timeZone: 'UTC' });
const instantOf = (t: { dateTime: string; timeZone: string }) =>
  DateTime.fromISO(t.dateTime, { zone: t.timeZone === 'UTC' ? 'utc' : t.timeZone }).toMillis();

/**
 * Outlook through Microsoft Graph with plain `fetch` (https://learn.microsoft.com/graph/api/resources/event).
 * Creating sends the appointment's UID as `transactionId`, so a retried create returns the event the
 * lost answer had made instead of a second one.
 */
export function graphCalendarAdapter(options: GraphAdapterOptions): CalendarAdapter {
  async function call<T>(
    method: GraphRequest['method'],
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const token = await options.tokens.accessToken();
    return graphCall<T>({
      method,
      url: path.startsWith(options.baseUrl) ? path : `${options.baseUrl}${path}`,
      body,
      headers: { Authorization: `Bearer ${token}`, ...headers },
      timeoutMs: options.timeoutMs,
      now: options.now,
    }).catch((error: CalendarCallError) => {
      if (error.status === 401) options.tokens.invalidate();
      throw error;
    });
  }

  const bodyOf = (event: CalendarEventData) => ({
    subject: event.summary,
    body: { contentType: 'text', content: event.description },
    start: graphTime(event.start),
    end: graphTime(event.end),
    location: { displayName: event.location },
    showAs: 'busy',
  });
  /**
   * Every item of a collection, page after page. A next link is followed only on Graph's own base URL: the
   * access token goes with each request.
   */
  async function all<T>(path: string, headers?: Record<string, string>): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const answer: Page<T> = await call<Page<T>>('GET', next, undefined, headers);
      items.push(...answer.value);
      const link = answer['@odata.nextLink'];
      next = link?.startsWith(`${options.baseUrl}/`) ? link : undefined;
    }
    return items;
  }

  const eventsPath = options.calendarId
    ? `/me/calendars/${encodeURIComponent(options.calendarId)}/events`
    : '/me/events';
  const eventPath = (id: string) => `/me/events/${encodeURIComponent(id)}`;

  const create = async (event: CalendarEventData): Promise<string> => {
    const created = await call<GraphEvent>('POST', eventsPath, { ...bodyOf(event), transactionId: event.uid });
    // A repeated create hands back the event as it was first made: bring it up to date.
    const stale =
      !created.start ||
      !created.end ||
      instantOf(created.start) !== Date.parse(event.start) ||
      instantOf(created.end) !== Date.parse(event.end);
    if (stale || created.subject !== event.summary) await call('PATCH', eventPath(created.id), bodyOf(event));
    return created.id;
  };

  return {
    async putEvent(event, known) {
      if (!known) return { id: await create(event), etag: null };
      try {
        await call('PATCH', eventPath(known.id), bodyOf(event));
        return known;
      } catch (error) {
        // deleted in Outlook meanwhile
        if ((error as CalendarCallError).status === 404) return { id: await create(event), etag: null };
        throw error;
      }
    },

    async removeEvent(_uid, known) {
      // Without an id there is nothing of ours to remove: creates run (and record their id) before deletes.
      if (!known) return;
      await call('DELETE', eventPath(known.id)).catch((error: CalendarCallError) => {
        if (error.status !== 404 && error.status !== 410) throw error;
      });
    },

    /**
     * The events of the default calendar (and of the sync calendar, when it is another) through `calendarView`, which
     * expands recurring events and works for work and personal accounts alike; `getSchedule` is not supported for
     * personal Microsoft accounts (https://learn.microsoft.com/graph/api/calendar-getschedule#permissions), so an
     * outlook.com provider's busy times would never block. Events carry ids, so ours are left out exactly.
     */
    async busyIntervals(range, own) {
      const ours = new Set(own.map((o) => o.externalId));
      const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
      // OData options keep their literal `$` (URLSearchParams would write %24).
      const window = `startDateTime=${iso(range.start)}&endDateTime=${iso(range.end)}&$select=id,showAs,isCancelled,start,end&$top=200`;
      const calendars = [
        '/me/calendar',
        ...(options.calendarId ? [`/me/calendars/${encodeURIComponent(options.calendarId)}`] : []),
      ];
      const seen = new Set<string>();
      const busy: Interval[] = [];
      for (const calendar of calendars) {
        for (const event of await all<ViewEvent>(`${calendar}/calendarView?${window}`, {
          Prefer: 'outlook.timezone="UTC"',
        })) {
          if (seen.has(event.id) || ours.has(event.id) || event.isCancelled || !BUSY.has(event.showAs ?? 'busy'))
            continue;
          seen.add(event.id);
          if (event.start && event.end) busy.push({ start: instantOf(event.start), end: instantOf(event.end) });
        }
      }
      return busy;
    },

    async listCalendars() {
      const calendars = await all<{ id: string; name: string; isDefaultCalendar?: boolean; canEdit?: boolean }>(
        '/me/calendars?$select=id,name,isDefaultCalendar,canEdit',
      );
      return calendars
        .filter((c) => c.canEdit !== false)
        .map((c) => ({ id: c.id, name: c.name, primary: c.isDefaultCalendar === true }));
    },
  };
}
