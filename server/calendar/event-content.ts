import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import { appointmentUid, type CalendarAppointment } from '../ical/appointment-calendar.js';
import type { CalendarEventData } from './calendar.types.js';

export interface EventPrivacy {
  /** The provider opted in to showing the customer's email and phone in their calendar. */
  includeCustomerContact: boolean;
}

/** Where the provider opens an appointment in the admin site. */
export const providerAppointmentUrl = (appUrl: string, appointmentId: number) =>
  `${appUrl}/admin/appointments/${appointmentId}`;

const summaryOf = (a: AppointmentDetail) => `${a.service_name} — ${a.customer_name}`;

function descriptionOf(a: AppointmentDetail, privacy: EventPrivacy, url: string): string {
  const lines = [`Customer: ${a.customer_name}`];
  if (privacy.includeCustomerContact) {
    if (a.customer_email) lines.push(`Email: ${a.customer_email}`);
    if (a.customer_phone) lines.push(`Phone: ${a.customer_phone}`);
  }
  if (a.note) lines.push('', `Note: ${a.note}`);
  lines.push('', `Manage: ${url}`);
  return lines.join('\n');
}

/** The appointment as the provider's calendar shows it: the same text in Google, Outlook and the feed. */
export function calendarEventOf(a: AppointmentDetail, privacy: EventPrivacy, appUrl: string): CalendarEventData {
  const url = providerAppointmentUrl(appUrl, a.id);
  return {
    appointmentId: a.id,
    uid: appointmentUid(a.id, appUrl),
    summary: summaryOf(a),
    description: descriptionOf(a, privacy, url),
    location: a.provider_address,
    start: a.start_at,
    end: a.end_at,
    timeZone: a.provider_time_zone,
    url,
  };
}

/** An event's content shaped for `buildAppointmentCalendar` (the ICS feed), with what the feed adds to it. */
export const feedEntryFrom = (
  event: CalendarEventData,
  feed: Pick<CalendarAppointment, 'id' | 'sequence' | 'status'> & { uid?: string; updatedAt?: string },
): CalendarAppointment => ({
  ...feed,
  startAt: event.start,
  endAt: event.end,
  summary: event.summary,
  description: event.description,
  location: event.location,
  url: event.url,
});

/** The same content as the provider's calendar shows, for the ICS feed. */
export function feedEntryOf(a: AppointmentDetail, privacy: EventPrivacy, appUrl: string): CalendarAppointment {
  return feedEntryFrom(calendarEventOf(a, privacy, appUrl), {
    id: a.id,
    sequence: a.sequence,
    status: a.status,
    updatedAt: a.updated_at,
  });
}
