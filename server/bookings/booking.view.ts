import { z } from 'zod';
import { googleCalendarLink } from '../ical/appointment-calendar.js';
import { policyOf, policySchema } from '../providers/provider.view.js';
import type { AppointmentDetail } from './bookings.repository.js';
import { changeDeadline } from './change-cutoff.js';

export const manageUrlOf = (appUrl: string, id: number, token: string) =>
  `${appUrl}/manage/${id}?token=${encodeURIComponent(token)}`;

export const summaryOf = (a: AppointmentDetail) => `${a.service_name} — ${a.provider_name}`;

const seatsOf = (a: AppointmentDetail) => a.service_seats ?? 1;

const deadlineOf = (a: AppointmentDetail) => {
  const deadline = changeDeadline(Date.parse(a.start_at), a.provider_change_cutoff_hours);
  return deadline === null ? null : new Date(deadline).toISOString();
};

const instant = z.string().describe('UTC instant, ISO 8601');
const staffRef = z.object({ slug: z.string(), name: z.string() });

export const customerBookingSchema = z.object({
  id: z.number().int(),
  status: z.enum(['confirmed', 'cancelled', 'completed', 'no_show']),
  start: instant,
  end: instant,
  /** Bumped by each move (the iCalendar SEQUENCE). */
  sequence: z.number().int(),
  note: z.string(),
  customerName: z.string(),
  service: z.object({ id: z.number().int(), name: z.string(), durationMinutes: z.number().int() }),
  provider: z.object({
    slug: z.string(),
    name: z.string(),
    address: z.string(),
    timeZone: z.string(),
    phone: z.string(),
    /** The owner's address once confirmed, else null. */
    email: z.string().nullable(),
  }),
  policy: policySchema.extend({ changeableUntil: instant.nullable() }),
  cancelledBy: z.enum(['customer', 'provider']).nullable(),
  staff: staffRef.nullable(),
  /** For a class: its places per time. */
  seats: z.number().int().optional(),
  contactErased: z.boolean(),
  /** An occurrence of a recurring series: the series, its place in it (from 0), its occurrences and interval. */
  series: z
    .object({ id: z.number().int(), index: z.number().int(), count: z.number().int(), everyWeeks: z.number().int() })
    .nullable(),
  /** For the holder of the manage token only. */
  manageUrl: z.string().optional(),
  calendarLinks: z.object({ ics: z.string(), google: z.string() }).optional(),
});

export const adminAppointmentSchema = customerBookingSchema.extend({
  customer: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    timeZone: z.string().nullable(),
  }),
  /** The owner's message to the customer when they cancelled. */
  cancelReason: z.string().nullable(),
  member: z.object({ id: z.number().int(), name: z.string() }),
  /** For a class: places still free at its time. */
  placesLeft: z.number().int().optional(),
  createdAt: instant,
  updatedAt: instant,
});

const seriesOf = (a: AppointmentDetail) =>
  a.series_id == null
    ? null
    : {
        id: a.series_id,
        index: a.series_index ?? 0,
        count: a.series_count ?? 0,
        everyWeeks: a.series_every_weeks ?? 1,
      };

/**
 * What the customer sees of their booking (the manage-token holder or the signed-in customer).
 * The token is echoed into links only; it is never stored in readable form.
 */
export function bookingView(
  a: AppointmentDetail,
  appUrl: string,
  token?: string,
): z.output<typeof customerBookingSchema> {
  const manageUrl = token && manageUrlOf(appUrl, a.id, token);
  const links = manageUrl && {
    manageUrl,
    calendarLinks: {
      ics: `${appUrl}/api/bookings/${a.id}/calendar.ics?token=${encodeURIComponent(token)}`,
      google: googleCalendarLink({
        startAt: a.start_at,
        endAt: a.end_at,
        summary: summaryOf(a),
        // The event in the customer's own calendar is where they look when plans change.
        description: `Manage or cancel: ${manageUrl}`,
        location: a.provider_address,
      }),
    },
  };
  return {
    id: a.id,
    status: a.status,
    start: a.start_at,
    end: a.end_at,
    sequence: a.sequence,
    note: a.note,
    customerName: a.customer_name,
    service: { id: a.service_id, name: a.service_name, durationMinutes: a.service_duration_minutes },
    provider: {
      slug: a.provider_slug,
      name: a.provider_name,
      address: a.provider_address,
      timeZone: a.provider_time_zone,
      /** How the customer reaches the business, e.g. after the cut-off (see `policy`). */
      phone: a.provider_phone,
      email: a.provider_email,
    },
    policy: {
      ...policyOf(a.provider_change_cutoff_hours, a.provider_policy_text),
      /** Until when the customer may cancel or move it online (ISO instant); null: until it starts. */
      changeableUntil: deadlineOf(a),
    },
    cancelledBy: a.cancelled_by,
    /** Who serves it. */
    staff: a.member_slug ? { slug: a.member_slug, name: a.member_name ?? '' } : null,
    ...(seatsOf(a) > 1 && { seats: seatsOf(a) }),
    /** The customer's contact details were erased (on request or after the retention period). */
    contactErased: a.contact_erased_at !== null,
    series: seriesOf(a),
    ...links,
  };
}

/** The customer's contact details: for the provider and the customer's own data export, never public. */
export const customerContactOf = (a: AppointmentDetail) => ({
  name: a.customer_name,
  email: a.customer_email,
  phone: a.customer_phone,
  timeZone: a.customer_time_zone,
});

/** The provider's view: the customer's contact details are shown here and nowhere public. */
export function adminAppointmentView(a: AppointmentDetail): z.output<typeof adminAppointmentSchema> {
  return {
    ...bookingView(a, ''),
    customer: customerContactOf(a),
    cancelReason: a.cancel_reason,
    member: { id: a.member_id, name: a.member_name ?? '' },
    ...(seatsOf(a) > 1 && { placesLeft: Math.max(0, seatsOf(a) - Number(a.class_taken ?? 0)) }),
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}
