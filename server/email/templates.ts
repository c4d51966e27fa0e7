import type { Role } from '../auth/auth.table.js';
import { policyText } from '../bookings/change-cutoff.js';
import { type EmailContent, renderEmail } from './layout.js';
import { formatShort, formatSpan } from './when.js';

export type EmailKind = 'confirmation' | 'rescheduled' | 'cancelled' | 'completed' | 'no_show' | 'reminder';

/** Everything an appointment email says, as plain data (no database, no clock). */
export interface EmailFacts {
  kind: EmailKind;
  to: Role;
  /** Who made the change. */
  actor: Role;
  /** The recipient's zone: every time in the email is on their clock. */
  timeZone: string;
  appUrl: string;
  appointment: {
    id: number;
    startAt: string;
    endAt: string;
    serviceName: string;
    note: string;
    customerName: string;
    customerEmail: string;
    customerPhone: string | null;
    /** The owner's message when they cancelled. */
    cancelReason: string | null;
  };
  provider: { name: string; address: string; phone: string };
  /** The team member who serves it, named on both sides ("Haircut with Mia"); absent for a business of one. */
  member?: string | undefined;
  /** The business's cancellation policy, told to the customer with every booking change (absent: none). */
  policy?: { cutoffHours: number; text: string } | undefined;
  /** For a reschedule: the time it had before. */
  previous?: { startAt: string; endAt: string } | undefined;
  /**
   * The appointment went from one member to another (the owner's "change member", a leaving member's reassignment):
   * the customer hears who serves it now, the new member gets it as a new booking, the previous one as taken away.
   */
  handover?: { from: string; to: string } | undefined;
  /** The customer's cancel / reschedule page; absent when no link can be made. */
  manageUrl?: string | undefined;
  /**
   * Several occurrences of a recurring series in one email (booked, or cancelled from one on): their dates, listed
   * instead of the one time, and for a booking the dates of the series that were taken and not booked.
   */
  series?: { dates: { startAt: string; endAt: string }[]; skipped: string[] } | undefined;
}

/** Subject, HTML and text of one email; every typed string is escaped by the layout. */
export function appointmentEmail(facts: EmailFacts): { subject: string; html: string; text: string } {
  // The member goes with the service wherever it is said: subjects, details and paragraphs alike.
  const named = facts.member
    ? {
        ...facts,
        appointment: { ...facts.appointment, serviceName: `${facts.appointment.serviceName} with ${facts.member}` },
      }
    : facts;
  const content = named.to === 'customer' ? forCustomer(named) : forProvider(named);
  return renderEmail(named.series ? withDates(content, named.series, named.timeZone) : content);
}

/** A series' email: its dates in place of the one time, the dates not booked, and the count in the subject. */
function withDates(content: EmailContent, series: NonNullable<EmailFacts['series']>, zone: string): EmailContent {
  const dates = series.dates.map((d) => formatSpan(d.startAt, d.endAt, zone)).join('\n');
  const skipped = series.skipped.map((start) => formatShort(start, zone)).join('\n');
  return {
    ...content,
    subject: `${content.subject} (${series.dates.length} dates)`,
    details: content.details.flatMap(([label, value]): [string, string][] =>
      label === 'When'
        ? [
            [`Dates (${series.dates.length})`, dates],
            ...(skipped ? [['Not booked (taken)', skipped] as [string, string]] : []),
          ]
        : [[label, value]],
    ),
  };
}

const POLICY_LABEL = 'Cancellation policy';

function policyRow(policy: EmailFacts['policy']): [string, string][] {
  const text = policy ? policyText(policy) : '';
  return text ? [[POLICY_LABEL, text]] : [];
}

function forCustomer(f: EmailFacts): EmailContent {
  const a = f.appointment;
  const p = f.provider;
  const when = formatSpan(a.startAt, a.endAt, f.timeZone);
  const short = formatShort(a.startAt, f.timeZone);
  const where = [p.name, p.address].filter(Boolean).join('\n');
  const details: EmailContent['details'] = [
    ['When', when],
    ...(f.previous
      ? [['Previously', formatSpan(f.previous.startAt, f.previous.endAt, f.timeZone)] as [string, string]]
      : []),
    ['Service', a.serviceName],
    ['Where', where],
    ...(p.phone ? [['Phone', p.phone] as [string, string]] : []),
    ...policyRow(f.policy),
  ];
  const manage = f.manageUrl ? [{ label: 'Cancel or reschedule', url: f.manageUrl }] : [];
  const footer = `You receive this email because you booked with ${p.name} through Book your services.`;
  const hi = `Hi ${a.customerName},`;
  switch (f.kind) {
    case 'confirmation':
      return {
        subject: `Booking confirmed: ${a.serviceName} at ${p.name}, ${short}`,
        heading: 'Your booking is confirmed',
        paragraphs: [hi, `your appointment at ${p.name} is booked. The attached invitation adds it to your calendar.`],
        details,
        actions: manage,
        footer,
      };
    case 'rescheduled':
      if (f.handover)
        return {
          subject: `Booking updated: ${a.serviceName} at ${p.name}, ${short}`,
          heading: `Your booking is now with ${f.handover.to}`,
          paragraphs: [
            hi,
            f.actor === 'customer'
              ? `you moved your appointment, and ${f.handover.to} serves it at the new time (instead of ${f.handover.from}).`
              : `${p.name} changed who serves your appointment: ${f.handover.to} instead of ${f.handover.from}. ${
                  f.previous ? 'It has a new time too; here it is.' : 'The time stays the same.'
                }`,
          ],
          details,
          actions: manage,
          footer,
        };
      return {
        subject: `Booking moved: ${a.serviceName} at ${p.name}, now ${short}`,
        heading: 'Your booking has a new time',
        paragraphs: [
          hi,
          f.actor === 'customer'
            ? 'you moved your appointment. Here is the new time.'
            : `${p.name} moved your appointment. Here is the new time.`,
        ],
        details,
        actions: manage,
        footer,
      };
    case 'cancelled':
      return {
        subject: `Booking cancelled: ${a.serviceName} at ${p.name}, ${short}`,
        heading: 'Your booking is cancelled',
        paragraphs: [
          hi,
          f.actor === 'customer'
            ? 'you cancelled this appointment. Nothing else to do.'
            : `${p.name} had to cancel this appointment. We are sorry; you are welcome to book another time.`,
          ...(f.actor === 'provider' && a.cancelReason ? [`Message from ${p.name}:\n${a.cancelReason}`] : []),
        ],
        details,
        actions: [],
        footer,
      };
    case 'completed':
      return {
        subject: `Thanks for visiting ${p.name}: how was it?`,
        heading: 'How was your visit?',
        paragraphs: [hi, `thank you for visiting ${p.name}. A short review helps them and other customers.`],
        details: details.filter(([label]) => label !== 'Phone' && label !== POLICY_LABEL),
        actions: f.manageUrl ? [{ label: 'Leave a review', url: `${f.manageUrl}#review` }] : [],
        footer,
      };
    case 'no_show':
      return {
        subject: `Missed appointment: ${a.serviceName} at ${p.name}`,
        heading: 'We missed you',
        paragraphs: [
          hi,
          `${p.name} marked this appointment as missed. If that is a mistake, please get in touch with them.`,
        ],
        details,
        actions: [],
        footer,
      };
    case 'reminder':
      return {
        subject: `Reminder: ${a.serviceName} at ${p.name}, ${short}`,
        heading: 'See you soon',
        paragraphs: [hi, `this is a reminder of your appointment at ${p.name}.`],
        details,
        actions: manage,
        footer,
      };
  }
}

function forProvider(f: EmailFacts): EmailContent {
  const a = f.appointment;
  const when = formatSpan(a.startAt, a.endAt, f.timeZone);
  const short = formatShort(a.startAt, f.timeZone);
  const who = `${a.customerName}, ${a.serviceName}`;
  const details: EmailContent['details'] = [
    ['When', when],
    ...(f.previous
      ? [['Previously', formatSpan(f.previous.startAt, f.previous.endAt, f.timeZone)] as [string, string]]
      : []),
    ['Service', a.serviceName],
    ['Customer', a.customerName],
    ...(a.customerEmail ? [['Email', a.customerEmail] as [string, string]] : []),
    ...(a.customerPhone ? [['Phone', a.customerPhone] as [string, string]] : []),
    ...(a.note ? [['Note', a.note] as [string, string]] : []),
  ];
  const open = [{ label: 'Open your appointments', url: `${f.appUrl}/admin` }];
  const footer = `You receive this email because you offer appointments as ${f.provider.name} on Book your services.`;
  const byCustomer = f.actor === 'customer';
  const say = (subject: string, heading: string, paragraph: string, actions = open): EmailContent => ({
    subject,
    heading,
    paragraphs: [paragraph],
    details,
    actions,
    footer,
  });
  switch (f.kind) {
    case 'confirmation':
      return say(
        `New booking: ${who}, ${short}`,
        'New booking',
        `${
          f.handover
            ? `This appointment of ${a.customerName} was ${f.handover.from}'s and is now yours`
            : byCustomer
              ? `${a.customerName} booked an appointment`
              : `You booked this appointment for ${a.customerName}`
        }. The attached invitation adds it to your calendar.`,
      );
    case 'rescheduled':
      return say(
        `Booking moved: ${who}, now ${short}`,
        'Booking moved',
        byCustomer
          ? `${a.customerName} moved their appointment.`
          : 'You moved this appointment; the customer has been told.',
      );
    case 'cancelled':
      if (f.handover)
        return say(
          `Now with ${f.handover.to}: ${who}, ${short}`,
          'Appointment handed over',
          `This appointment is no longer yours: ${f.handover.to} serves it now, and the customer has been told. The attached cancellation takes it out of your calendar.`,
        );
      return say(
        `Cancelled: ${who}, ${short}`,
        'Booking cancelled',
        byCustomer
          ? `${a.customerName} cancelled their appointment. The time is free again.`
          : a.cancelReason
            ? `You cancelled this appointment; the customer has been told, with your message:\n${a.cancelReason}`
            : 'You cancelled this appointment; the customer has been told.',
      );
    case 'completed':
      return say(
        `Completed: ${who}, ${short}`,
        'Appointment completed',
        `You marked this appointment as completed. ${a.customerName} has been asked for a review.`,
      );
    case 'no_show':
      return say(`No-show: ${who}, ${short}`, 'Marked as no-show', 'You marked this appointment as a no-show.');
    case 'reminder':
      return say(
        `Reminder: ${who}, ${short}`,
        'Upcoming appointment',
        `A reminder of your appointment with ${a.customerName}.`,
      );
  }
}
