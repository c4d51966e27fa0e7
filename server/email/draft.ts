import {
  buildAppointmentCalendar,
  type CalendarAppointment,
  type CalendarMethod,
} from '../ical/appointment-calendar.js';
import type { OfferEmail } from '../waitlist/waitlist.types.js';
import type { EmailRow, NewEmail } from './email.table.js';
import { renderEmail } from './layout.js';
import { offerContent } from './offer-content.js';
import { appointmentEmail, type EmailFacts } from './templates.js';

/**
 * An appointment email as the booking's transaction queues it: the facts it will say, taken as they are at that
 * change (times, names, the cancellation message, who serves it), and the invitation it carries. Writing it out
 * (templates, dates in the reader's zone, the `.ics`) is the email worker's work when it sends, outside the write
 * lock: it took about a fifth of a booking's time. Being a snapshot, a reschedule followed by a cancel before the
 * worker runs still gives two emails, each about its own change.
 */
export interface AppointmentDraft {
  facts: EmailFacts;
  invitation: {
    event: CalendarAppointment;
    /** Further events of the same invitation: the occurrences of a series a change concerns besides the first. */
    more?: CalendarAppointment[];
    name: string;
    appUrl: string;
    method: CalendarMethod;
  } | null;
}

/** A waitlist offer (offer-content.ts): no invitation, the time is not the customer's until they take it. */
export interface OfferDraft {
  offer: OfferEmail;
}

export type EmailDraft = AppointmentDraft | OfferDraft;

/** The outbox columns of a queued draft: the written-out ones stay empty until it is sent. */
export const draftColumns = (draft: EmailDraft) =>
  ({ subject: '', html: '', text: '', ics: null, draft: JSON.stringify(draft) }) satisfies Partial<NewEmail>;

type Written = Pick<EmailRow, 'subject' | 'html' | 'text' | 'ics' | 'draft'>;

/** Subject, bodies and invitation of a draft, the same every time it is written out (no clock, no database). */
export function writeDraft(draft: EmailDraft): Omit<Written, 'draft'> {
  if ('offer' in draft) return { ...renderEmail(offerContent(draft.offer)), ics: null };
  const { invitation } = draft;
  return {
    ...appointmentEmail(draft.facts),
    ics: invitation && buildAppointmentCalendar([invitation.event, ...(invitation.more ?? [])], invitation),
  };
}

/** A row as its email reads: a draft still queued is written out; a sent email's row already holds what was sent. */
export function written<Row extends Written>(row: Row): Row {
  return row.draft === null ? row : { ...row, ...writeDraft(JSON.parse(row.draft) as EmailDraft), draft: null };
}
