import { randomUUID } from 'node:crypto';
import type { Role } from '../auth/auth.table.js';
import { manageUrlOf, summaryOf } from '../bookings/booking.view.js';
import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import type { CalendarAppointment, CalendarMethod } from '../ical/appointment-calendar.js';
import { draftColumns } from './draft.js';
import type { NewEmail } from './email.table.js';
import { LINK_TOKEN } from './link-token.js';
import { type SeriesEmail, seriesEvents } from './series-email.js';
import type { EmailFacts, EmailKind } from './templates.js';

/** The provider as an email recipient. */
export interface ProviderContact {
  /** The serving member's account (null: a member who does not sign in). */
  userId: number | null;
  email: string;
  phone: string;
  /** The account's address was confirmed: replies to it reach the business. */
  emailVerified: boolean;
  /** An active calendar connection puts the appointment in the provider's calendar (see below). */
  calendarSynced: boolean;
}

export interface Recipients {
  /** The team member who serves the appointment: the provider side of its emails. */
  provider: ProviderContact;
  /** Their name, said in the emails of a team ("with Mia"); null for a business of one, where it goes without saying. */
  memberName: string | null;
  /** The owner, when they asked for copies of the emails of appointments another member serves. */
  ownerCopy: { userId: number | null; email: string } | null;
  /** The service's places: a class attendee's email brings the provider no invitation (see below). */
  seats: number;
  /** The booking's address is the customer's confirmed account address, not one typed in by whoever booked. */
  customerVerified: boolean;
}

export interface ComposeInput extends Recipients {
  kind: EmailKind;
  actor: Role;
  appointment: AppointmentDetail;
  previous?: { startAt: string; endAt: string } | undefined;
  /** The appointment changed hands (see `EmailFacts.handover`). */
  handover?: { from: string; to: string } | undefined;
  /** Only this side's emails (a handover writes each side's with its own kind); absent: both. */
  audience?: Role | undefined;
  appUrl: string;
  now: Date;
  /** A sealed manage token exists, so the customer's copy may link to the manage page. */
  canLink: boolean;
  /** Set for emails that must exist once (reminders); the unique index enforces it. */
  dedupeKey?: (to: Role) => string;
  /** An occurrence of a recurring series: the email is about the occurrences named there (series-email.ts). */
  series?: SeriesEmail | undefined;
}

/** iTIP method of the invitation an email carries: updates are REQUESTs, removals CANCELs. */
export const calendarMethodOf = (kind: string): CalendarMethod | undefined =>
  kind === 'confirmation' || kind === 'rescheduled' ? 'REQUEST' : kind === 'cancelled' ? 'CANCEL' : undefined;

/** The owner's copies are of what changed: new, moved and cancelled appointments (not reminders or follow-ups). */
const COPIED: readonly EmailKind[] = ['confirmation', 'rescheduled', 'cancelled'];

/** One `Message-ID` per outbox row, fixed at creation, so a resent row is recognisably the same email. */
export const newMessageId = (appUrl: string) => `<${randomUUID()}@${new URL(appUrl).hostname}>`;

/** The manage link with the placeholder in place of the token (filled in when sent or shown). */
const manageUrlTemplate = (appUrl: string, id: number) =>
  manageUrlOf(appUrl, id, LINK_TOKEN).replace(encodeURIComponent(LINK_TOKEN), LINK_TOKEN);

/**
 * The customer's and the provider's copy of one appointment change, ready for the outbox as drafts (draft.ts): each
 * says the appointment as it is now, and is written out when it is sent.
 */
export function composeAppointmentEmails(input: ComposeInput): NewEmail[] {
  const a = input.appointment;
  const method = calendarMethodOf(input.kind);
  const event: CalendarAppointment = {
    id: a.id,
    sequence: a.sequence,
    status: input.kind === 'cancelled' ? 'cancelled' : 'confirmed',
    startAt: a.start_at,
    endAt: a.end_at,
    summary: summaryOf(a),
    location: [a.provider_name, a.provider_address].filter(Boolean).join(', '),
    updatedAt: a.updated_at,
    // A member without an address (added without sign-in) cannot organise: the invitation names nobody.
    ...(input.provider.email && { organizer: { name: a.provider_name, email: input.provider.email } }),
    attendees: a.customer_email ? [{ name: a.customer_name, email: a.customer_email }] : [],
  };
  const [first, ...more] = input.series ? seriesEvents(event, input.series, input.appUrl) : [event];
  const invitation = method
    ? { event: first!, ...(more.length > 0 && { more }), name: a.provider_name, appUrl: input.appUrl, method }
    : null;
  // Several dates (a series booked, or cancelled from one on) are listed; one occurrence reads as any appointment.
  const dates = input.series && (input.series.exclude || input.series.about.length > 1) ? input.series : undefined;

  // Reply-To only names an address the product knows is that person's: a confirmed account address. A guest's typed
  // address may be anyone's, so the provider's copy of a guest booking has none (the address is in the text).
  // A provider whose calendar is synced gets no invitation: calendar sync writes the one event into their calendar,
  // and Gmail or Outlook would add the invitation as a second (the synced event's UID is the calendar's own). Nor
  // for a class attendee: the class time is one event (sync, feed), not one per attendee. The owner's copy has none
  // either: it is someone else's appointment.
  const recipients: {
    to: Role;
    address: string;
    userId: number | null;
    zone: string;
    replyTo: string | null;
    invited: boolean;
  }[] = [
    {
      to: 'customer' as const,
      address: a.customer_email,
      userId: a.customer_user_id,
      zone: a.customer_time_zone ?? a.provider_time_zone,
      replyTo: input.provider.emailVerified ? input.provider.email : null,
      invited: true,
    },
    {
      to: 'provider' as const,
      address: input.provider.email,
      userId: input.provider.userId,
      zone: a.provider_time_zone,
      replyTo: input.customerVerified ? a.customer_email : null,
      invited: !input.provider.calendarSynced && input.seats <= 1,
    },
    ...(input.ownerCopy && COPIED.includes(input.kind)
      ? [
          {
            to: 'provider' as const,
            address: input.ownerCopy.email,
            userId: input.ownerCopy.userId,
            zone: a.provider_time_zone,
            replyTo: input.customerVerified ? a.customer_email : null,
            invited: false,
          },
        ]
      : []),
    // No address (a walk-in who gave none, or contact details erased): the customer gets no email.
  ].filter((r) => r.address !== '' && (input.audience === undefined || r.to === input.audience));
  return recipients.map((r) => {
    const facts: EmailFacts = {
      kind: input.kind,
      to: r.to,
      actor: input.actor,
      timeZone: r.zone,
      appUrl: input.appUrl,
      appointment: {
        id: a.id,
        startAt: a.start_at,
        endAt: a.end_at,
        serviceName: a.service_name,
        note: a.note,
        customerName: a.customer_name,
        customerEmail: a.customer_email,
        customerPhone: a.customer_phone,
        cancelReason: a.cancel_reason,
      },
      provider: { name: a.provider_name, address: a.provider_address, phone: input.provider.phone },
      member: input.memberName ?? undefined,
      policy: { cutoffHours: a.provider_change_cutoff_hours, text: a.provider_policy_text },
      previous: input.previous,
      handover: input.handover,
      manageUrl: r.to === 'customer' && input.canLink ? manageUrlTemplate(input.appUrl, a.id) : undefined,
      series: dates && {
        dates: dates.about.map((o) => ({ startAt: o.startAt, endAt: o.endAt })),
        skipped: dates.exclude ?? [],
      },
    };
    return {
      appointment_id: a.id,
      to_user_id: r.userId,
      to_address: r.address,
      to_role: r.to,
      kind: input.kind,
      ...draftColumns({ facts, invitation: r.invited ? invitation : null }),
      reply_to: r.replyTo,
      message_id: newMessageId(input.appUrl),
      status: 'pending',
      next_attempt_at: input.now.toISOString(),
      dedupe_key: input.dedupeKey?.(r.to) ?? null,
    } satisfies NewEmail;
  });
}
