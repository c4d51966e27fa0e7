import { DateTime } from 'luxon';
import type { Interval } from '../../availability/availability.types.js';
import type { CalendarAdapter, CalendarCallError, CalendarEventData } from '../calendar.types.js';
import { graphCall, type GraphRequest } from './graph.http.js';
import type { GraphTokens } from './graph.tokens.js';

export interface GraphAdapterOptions {
  /** `https://graph.microsoft.com/v1.0` (MS_GRAPH_BASE_URL). */
  baseUrl: string;
  tokens: GraphTokens;
  /** null: the account's default calendar. */
  calendarId: string | null;
  /** The account's address: whose schedule to read. */
  accountEmail: string;
  timeoutMs: number;
  now: () => number;
}

interface GraphEvent {
  id: string;
  subject?: string;
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
}

interface ScheduleItem {
  status: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
}

const BUSY = new Set(['busy', 'oof', 'tentative']);
// getSchedule answers for at most 62 days at a time.
const SCHEDULE_SPAN_MS = 60 * 86_400_000;

/** Graph's local date-time form in UTC: `2026-12-02T09:00:00.000` with `timeZone: 'UTC'`. */
const graphTime = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace(/Z$/, ''), timeZone: 'UTC' });
const instantOf = (t: { dateTime: string; timeZone: string }) => DateTime.fromISO(t.dateTime, { zone: t.timeZone === 'UTC' ? 'utc' : t.timeZone }).toMillis();

/**
 * Outlook through Microsoft Graph with plain `fetch` (https://learn.microsoft.com/graph/api/resources/event).
 * Creating sends the appointment's UID as `transactionId`, so a retried create returns the event the
 * lost answer had made instead of a second one.
 */
export function graphCalendarAdapter(options: GraphAdapterOptions): CalendarAdapter {
  async function call<T>(method: GraphRequest['method'], path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const token = await options.tokens.accessToken();
    return graphCall<T>({
      method,
      url: `${options.baseUrl}${path}`,
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
  const eventsPath = options.calendarId ? `/me/calendars/${encodeURIComponent(options.calendarId)}/events` : '/me/events';
  const eventPath = (id: string) => `/me/events/${encodeURIComponent(id)}`;

  const create = async (event: CalendarEventData): Promise<string> => {
    const created = await call<GraphEvent>('POST', eventsPath, { ...bodyOf(event), transactionId: event.uid });
    // A repeated create hands back the event as it was first made: bring it up to date.
    const stale = !created.start || !created.end || instantOf(created.start) !== Date.parse(event.start) || instantOf(created.end) !== Date.parse(event.end);
    if (stale || created.subject !== event.summary) await call('PATCH', eventPath(created.id), bodyOf(event));
    return created.id;
  };

  return {
    async putEvent(event, knownId) {
      if (!knownId) return create(event);
      try {
        await call('PATCH', eventPath(knownId), bodyOf(event));
        return knownId;
      } catch (error) {
        if ((error as CalendarCallError).status === 404) return create(event); // deleted in Outlook meanwhile
        throw error;
      }
    },

    async removeEvent(_uid, knownId) {
      // Without an id there is nothing of ours to remove: creates run (and record their id) before deletes.
      if (!knownId) return;
      await call('DELETE', eventPath(knownId)).catch((error: CalendarCallError) => {
        if (error.status !== 404 && error.status !== 410) throw error;
      });
    },

    async busyIntervals(range, own) {
      const isOwn = (i: Interval) => own.some((o) => o.start === i.start && o.end === i.end);
      const busy: Interval[] = [];
      for (let from = range.start; from < range.end; from += SCHEDULE_SPAN_MS) {
        const to = Math.min(range.end, from + SCHEDULE_SPAN_MS);
        const answer = await call<{ value: { scheduleItems?: ScheduleItem[] }[] }>(
          'POST',
          '/me/calendar/getSchedule',
          {
            schedules: [options.accountEmail],
            startTime: graphTime(new Date(from).toISOString()),
            endTime: graphTime(new Date(to).toISOString()),
            availabilityViewInterval: 60,
          },
          { Prefer: 'outlook.timezone="UTC"' },
        );
        for (const item of answer.value[0]?.scheduleItems ?? []) {
          if (!BUSY.has(item.status)) continue;
          const interval = { start: instantOf(item.start), end: instantOf(item.end) };
          // Schedule items carry no ids: ours are known by their exact times.
          if (!isOwn(interval)) busy.push(interval);
        }
      }
      return busy;
    },

    async listCalendars() {
      const answer = await call<{ value: { id: string; name: string; isDefaultCalendar?: boolean; canEdit?: boolean }[] }>(
        'GET',
        '/me/calendars?$select=id,name,isDefaultCalendar,canEdit',
      );
      return answer.value.filter((c) => c.canEdit !== false).map((c) => ({ id: c.id, name: c.name, primary: c.isDefaultCalendar === true }));
    },
  };
}
