import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import { type CalendarAppointment, type ClassKey, classUid } from '../ical/appointment-calendar.js';
import type { CalendarEventData } from './calendar.types.js';
import { type EventPrivacy, feedEntryFrom, providerAppointmentUrl } from './event-content.js';

/**
 * One class time as the teaching member's calendar shows it: every attendee's appointment of one member, service and
 * start. `appointments` holds all of them, cancelled ones too (the feed needs them to say the class is gone);
 * only confirmed ones count as attendees.
 */
export interface ClassTime {
  key: ClassKey;
  seats: number;
  appointments: AppointmentDetail[];
}

export const classKeyOf = (a: Pick<AppointmentDetail, 'member_id' | 'service_id' | 'start_at'>): ClassKey => ({
  memberId: a.member_id,
  serviceId: a.service_id,
  startAt: a.start_at,
});

const attendeesOf = (c: ClassTime) => c.appointments.filter((a) => a.status === 'confirmed');

/** Names only, unless the provider chose to show customers' contact details in their calendar. */
function attendeeLine(a: AppointmentDetail, privacy: EventPrivacy): string {
  const contact = privacy.includeCustomerContact ? [a.customer_email, a.customer_phone].filter(Boolean) : [];
  return `- ${a.customer_name}${contact.length ? ` (${contact.join(', ')})` : ''}`;
}

/** "Yoga flow (5/12)": the count is in the title, so the calendar's week view shows how full each class is. */
export function classEventOf(c: ClassTime, privacy: EventPrivacy, appUrl: string): CalendarEventData {
  const attendees = attendeesOf(c);
  const first = attendees[0] ?? c.appointments[0];
  if (!first) throw new Error('a class time without appointments has no event');
  const url = providerAppointmentUrl(appUrl, first.id);
  const lines = [`Attendees (${attendees.length} of ${c.seats}):`, ...attendees.map((a) => attendeeLine(a, privacy))];
  return {
    appointmentId: first.id,
    uid: classUid(c.key, appUrl),
    summary: `${first.service_name} (${attendees.length}/${c.seats})`,
    description: [...lines, '', `Manage: ${url}`].join('\n'),
    location: first.provider_address,
    start: first.start_at,
    end: first.end_at,
    timeZone: first.provider_time_zone,
    url,
  };
}

/**
 * The class time in the ICS feed: confirmed while anyone attends, cancelled once the last has left. SEQUENCE grows
 * with every join, leave and change of any attendee, so calendar apps take each version as newer.
 */
export function classFeedEntryOf(c: ClassTime, privacy: EventPrivacy, appUrl: string): CalendarAppointment {
  const event = classEventOf(c, privacy, appUrl);
  return feedEntryFrom(event, {
    id: event.appointmentId,
    uid: event.uid,
    sequence: c.appointments.reduce((sum, a) => sum + a.sequence + 1, 0),
    status: attendeesOf(c).length > 0 ? 'confirmed' : 'cancelled',
    // ISO instants sort as text: the newest change of any attendee (there is at least one, see classEventOf).
    ...(c.appointments.length > 0 && {
      updatedAt: c.appointments.map((a) => a.updated_at).sort()[c.appointments.length - 1],
    }),
  });
}
