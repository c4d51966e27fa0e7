import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { vtimezone } from './vtimezone.js';

/** What an iCalendar event needs to know about an appointment. */
export interface CalendarAppointment {
  id: number;
  /** The event's UID when it is not the appointment's own (a class time's). */
  uid?: string;
  sequence: number;
  status: 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  startAt: string;
  endAt: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  updatedAt?: string;
  /** iTIP (RFC 5546) wants an organizer and attendees on METHOD:REQUEST/CANCEL invitations. */
  organizer?: { name: string; email: string };
  attendees?: { name: string; email: string }[];
  /**
   * A recurring series' event (server/series/): its times on the wall clock of this IANA zone, with the zone's
   * VTIMEZONE, so calendar apps expand the rule in it and keep the local time across DST. Absent: UTC times.
   */
  zone?: string;
  /** A series' master event: every `everyWeeks` weeks, `count` times from its start, less the `exclude` starts. */
  rule?: { everyWeeks: number; count: number; exclude: string[] };
  /** One occurrence of a series: its start in the series' rule (RECURRENCE-ID), whatever its start is now. */
  recurrenceId?: string;
}

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/**
 * The event UID is fixed for the life of an appointment, so every calendar app updates the one
 * event on a reschedule (SEQUENCE goes up) and removes it on a cancel, instead of adding copies.
 */
export function appointmentUid(appointmentId: number, appUrl: string): string {
  return `appointment-${appointmentId}@${new URL(appUrl).hostname}`;
}

/** A class time: one member teaching one service at one start, however many attendees it has. */
export interface ClassKey {
  memberId: number;
  serviceId: number;
  /** ISO-8601 UTC. */
  startAt: string;
}

/**
 * A class time's UID, the same for all its attendees, so the provider's calendar has one event per class time;
 * the key can be read back from it (`classKeyOfUid`) once the attendees have left it.
 */
export function classUid(key: ClassKey, appUrl: string): string {
  return `class-${key.memberId}-${key.serviceId}-${Date.parse(key.startAt)}@${new URL(appUrl).hostname}`;
}

/** Tells the UIDs this app gives its events on `appHost` (an appointment's or a class time's) from anyone else's. */
export function appUidMatcher(appHost: string): (uid: string) => boolean {
  const pattern = new RegExp(`^(appointment-\\d+|class-\\d+-\\d+-\\d+)@${appHost.replace(/\./g, '\\.')}$`);
  return (uid) => pattern.test(uid);
}

export function classKeyOfUid(uid: string): ClassKey | null {
  const match = /^class-(\d+)-(\d+)-(\d+)@/.exec(uid);
  if (!match) return null;
  return { memberId: Number(match[1]), serviceId: Number(match[2]), startAt: new Date(Number(match[3])).toISOString() };
}

/**
 * An RFC 5545 calendar of appointments (UTC times), for downloads, feeds and email invitations.
 *
 * Only invitations carry a METHOD (iTIP, RFC 5546): REQUEST or CANCEL, with ORGANIZER and ATTENDEE. Downloads and
 * feeds have none: they are plain calendars, not messages, and `METHOD:PUBLISH` without an ORGANIZER is refused by
 * libical's iTIP check while a plain calendar is read by libical, Python's icalendar and vobject alike.
 */
export function buildAppointmentCalendar(
  appointments: readonly CalendarAppointment[],
  options: { name: string; appUrl: string; method?: CalendarMethod },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Book your services', product: 'booking', language: 'EN' },
    ...(options.method && { method: ICalCalendarMethod[options.method] }),
    // No calendar-wide zone (times stay UTC); only a series' events name one, and get its VTIMEZONE.
    timezone: { name: null, generator: (zone) => vtimezone(zone, ...spanOf(appointments)) },
  });
  for (const a of appointments) {
    // In a zone, times go to ical-generator as Luxon values: a JS Date would be written on the server's clock.
    const time = (iso: string) => (a.zone ? DateTime.fromISO(iso, { zone: a.zone }) : new Date(iso));
    calendar.createEvent({
      id: a.uid ?? appointmentUid(a.id, options.appUrl),
      sequence: a.sequence,
      start: time(a.startAt),
      end: time(a.endAt),
      ...(a.zone && { timezone: a.zone }),
      ...(a.recurrenceId && { recurrenceId: time(a.recurrenceId) }),
      ...(a.rule && {
        repeating: {
          freq: ICalEventRepeatingFreq.WEEKLY,
          interval: a.rule.everyWeeks,
          count: a.rule.count,
          ...(a.rule.exclude.length > 0 && { exclude: a.rule.exclude.map(time) }),
        },
      }),
      ...(a.updatedAt && { stamp: new Date(a.updatedAt), lastModified: new Date(a.updatedAt) }),
      summary: a.summary,
      description: a.description ?? null,
      location: a.location || null,
      url: a.url ?? null,
      status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: a.organizer ? { ...a.organizer, name: parameterText(a.organizer.name) } : null,
      attendees: (a.attendees ?? []).map((person) => ({ ...person, name: parameterText(person.name), rsvp: false })),
    });
  }
  // Every content line ends in CRLF, the last one too (RFC 5545 §3.1); ical-generator leaves that last one off.
  return `${calendar.toString()}\r\n`;
}

/** From the earliest start to the latest end of a series' occurrences: the span its VTIMEZONE must cover. */
function spanOf(appointments: readonly CalendarAppointment[]): [number, number] {
  const times = appointments.flatMap((a) => [
    Date.parse(a.startAt),
    Date.parse(a.endAt),
    ...(a.recurrenceId ? [Date.parse(a.recurrenceId)] : []),
    ...(a.rule ? [Date.parse(a.startAt) + a.rule.count * a.rule.everyWeeks * 7 * 86_400_000] : []),
  ]);
  return [Math.min(...times), Math.max(...times)];
}

/**
 * A name made safe for a quoted parameter value (`CN="…"`), where RFC 5545 allows no `"` and no line break: those
 * and `^` are encoded per RFC 6868 (`^'`, `^n`, `^^`), which libical, ical.js and Apple's clients decode. A backslash is
 * legal there but ical-generator would double it, so it is dropped; other control characters are dropped too.
 * Left raw, `Bob":mailto:attacker@evil.example` closed the quote and re-targeted the attendee.
 */
export function parameterText(name: string): string {
  return (
    name
      .replace(/\^/g, '^^')
      .replace(/"/g, "^'")
      .replace(/\r\n|\r|\n/g, '^n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is this regex's job
      .replace(/[\\\u0000-\u001f\u007f]/g, '')
  );
}

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A "add to Google Calendar" link: works without any API access or account linking. */
export function googleCalendarLink(
  a: Pick<CalendarAppointment, 'startAt' | 'endAt' | 'summary' | 'description' | 'location'>,
): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: a.summary,
    dates: `${compact(a.startAt)}/${compact(a.endAt)}`,
    details: a.description ?? '',
    location: a.location ?? '',
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}
