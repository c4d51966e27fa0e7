import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { type ComposeInput, composeAppointmentEmails, type Recipients } from './compose.js';
import type { NewEmail } from './email.table.js';
import { findRecipients, memberNameOf } from './outbox.repository.js';

type Shared = Pick<ComposeInput, 'actor' | 'appUrl' | 'now' | 'canLink'> & { appointment: AppointmentDetail };

/**
 * An appointment given to another member (the owner's "change member", a leaving member's reassignment), maybe at
 * a new time too. Not one "moved" email per side but what each person needs: the customer an update naming who
 * serves them now; the new member a new booking (with the invitation for their calendar); the previous member a
 * cancellation of the event they had (METHOD:CANCEL, the appointment's UID), at the time they had it.
 */
export async function handoverEmails(
  trx: Db,
  shared: Shared,
  recipients: Recipients,
  previous: { startAt: string; endAt: string; memberId: number },
): Promise<NewEmail[]> {
  const a = shared.appointment;
  const handover = { from: await memberNameOf(trx, previous.memberId), to: await memberNameOf(trx, a.member_id) };
  const moved = previous.startAt === a.start_at ? undefined : { startAt: previous.startAt, endAt: previous.endAt };
  const now = { ...shared, ...recipients, previous: moved, handover };
  const before = await findRecipients(trx, { ...a, member_id: previous.memberId });
  // A previous member without an address is heard of by the owner; when the owner took the appointment, their new
  // booking says it all (a cancellation after it would take the event out of their calendar again).
  const toPrevious =
    before && before.provider.email !== recipients.provider.email
      ? composeAppointmentEmails({
          ...shared,
          ...before,
          appointment: { ...a, start_at: previous.startAt, end_at: previous.endAt },
          memberName: recipients.memberName,
          ownerCopy: null,
          handover,
          kind: 'cancelled',
          audience: 'provider',
        })
      : [];
  return [
    ...composeAppointmentEmails({ ...now, kind: 'rescheduled', audience: 'customer' }),
    ...composeAppointmentEmails({ ...now, kind: 'confirmation', audience: 'provider' }),
    ...toPrevious,
  ];
}
