import type { Interval } from '../availability/availability.types.js';

/** One appointment as it appears in the provider's calendar (built by `event-content.ts`). */
export interface CalendarEventData {
  appointmentId: number;
  /** The iCalendar UID, the same as in the ICS feed and emails. */
  uid: string;
  summary: string;
  description: string;
  location: string;
  /** ISO-8601 UTC instants. */
  start: string;
  end: string;
  /** The provider's zone, so the calendar app shows the local time it was booked in. */
  timeZone: string;
  /** The provider's page for this appointment. */
  url: string;
}

/** An event this app wrote to the calendar, as recorded in `calendar_events`. */
export interface OwnEvent {
  externalId: string;
  start: number;
  end: number;
}

/** Where an event of ours is in a calendar: its id (a CalDAV resource's href) and, for CalDAV, the version we wrote. */
export interface EventRef {
  id: string;
  etag: string | null;
}

/**
 * What sync needs from a calendar service. Google, Microsoft Graph and CalDAV implement it; another
 * service is one more implementation and one line in `adapters.ts`.
 *
 * Every method either succeeds or throws a `CalendarCallError` saying whether to retry.
 */
export interface CalendarAdapter {
  /** Creates or updates the event (idempotent: repeating a call never makes a second event); says where it is. */
  putEvent(event: CalendarEventData, known: EventRef | null): Promise<EventRef>;
  /** Removes the event; an event that is already gone counts as removed. */
  removeEvent(uid: string, known: EventRef | null): Promise<void>;
  /** The calendar owner's busy intervals overlapping `range`, without the events this app wrote. */
  busyIntervals(range: Interval, own: readonly OwnEvent[]): Promise<Interval[]>;
  /** The calendars of the account that events could go to, for the provider to pick one. */
  listCalendars(): Promise<CalendarChoice[]>;
}

export interface CalendarChoice {
  id: string;
  name: string;
  primary: boolean;
}

/**
 * `transient`: try again later (rate limits, 5xx, timeouts, resets), no sooner than `retryAfterMs`.
 * `auth`: the provider's credentials were refused (a revoked refresh token): the connection is broken.
 * `config`: this server's own OAuth client was refused (`invalid_client`: a wrong or expired client secret) or is
 *   not configured. Every connection would fail alike, and none is the provider's fault: connections stay as they
 *   are, the operator is told (log and admin), and work resumes once the configuration is fixed.
 * `permanent`: the request itself is wrong; retrying will not help.
 */
export type CalendarErrorKind = 'transient' | 'auth' | 'config' | 'permanent';

export class CalendarCallError extends Error {
  readonly retryAfterMs: number | undefined;
  /** The HTTP status the calendar answered with, if it answered. */
  readonly status: number | undefined;

  constructor(
    readonly kind: CalendarErrorKind,
    message: string,
    details: { retryAfterMs?: number | undefined; status?: number | undefined; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'CalendarCallError';
    this.retryAfterMs = details.retryAfterMs;
    this.status = details.status;
  }
}
