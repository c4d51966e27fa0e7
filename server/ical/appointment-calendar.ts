import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** What an iCalendar event needs to know about an appointment. */
export interface CalendarAppointment {
  id: number;
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
}

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/**
 * The event UID is fixed for the life of an appointment, so every calendar app updates the one
 * event on a reschedule (SEQUENCE goes up) and removes it on a cancel, instead of adding copies.
 */
export function appointmentUid(appointmentId: number, appUrl: string): string {
  return `appointment-${appointmentId}@${new URL(appUrl).hostname}`;
}

/** An RFC 5545 calendar of appointments (UTC times), for downloads, feeds and email invitations. */
export function buildAppointmentCalendar(
  appointments: readonly CalendarAppointment[],
  options: { name: string; appUrl: string; method?: CalendarMethod },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Book your services', product: 'booking', language: 'EN' },
    ...(options.method && { method: ICalCalendarMethod[options.method] }),
  });
  for (const a of appointments) {
    calendar.createEvent({
      id: appointmentUid(a.id, options.appUrl),
      sequence: a.sequence,
      start: new Date(a.startAt),
      end: new Date(a.endAt),
      ...(a.updatedAt && { stamp: new Date(a.updatedAt), lastModified: new Date(a.updatedAt) }),
      summary: a.summary,
      description: a.description ?? null,
      location: a.location || null,
      url: a.url ?? null,
      status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: a.organizer ?? null,
      attendees: (a.attendees ?? []).map((person) => ({ ...person, rsvp: false })),
    });
  }
  return calendar.toString();
}

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A "add to Google Calendar" link: works without any API access or account linking. */
export function googleCalendarLink(a: Pick<CalendarAppointment, 'startAt' | 'endAt' | 'summary' | 'description' | 'location'>): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: a.summary,
    dates: `${compact(a.startAt)}/${compact(a.endAt)}`,
    details: a.description ?? '',
    location: a.location ?? '',
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}
