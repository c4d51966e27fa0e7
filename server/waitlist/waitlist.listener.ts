import type { AppointmentEvent, AppointmentListener } from '../bookings/appointment-events.js';
import { findAppointment } from '../bookings/bookings.repository.js';
import { closeClassLine, endEntry, type Freed, type OfferDeps, offerFreedTime } from './offers.js';
import { findEntryOfAppointment } from './waitlist.repository.js';

/**
 * The waitlist's appointment listener, inside each change's transaction (so an offer commits with the change that
 * freed its time, or not at all): a cancelled or moved appointment's old time is offered to the first in line, and
 * the appointment's own entry ends when it is cancelled, over, or moved to another time (by hand or by an offer).
 */
export function waitlistListener(deps: OfferDeps): AppointmentListener {
  return async function offerFreedTimes(trx, event) {
    if (event.type === 'created') return;
    const appointment = event.appointment ?? (await findAppointment(trx, event.appointmentId));
    if (!appointment) return;
    const moved = event.type === 'rescheduled' && event.previous?.startAt !== appointment.start_at;
    if (event.type !== 'rescheduled' || moved) {
      const entry = await findEntryOfAppointment(trx, appointment.id);
      if (entry && (entry.status === 'waiting' || entry.status === 'offered'))
        await endEntry(trx, deps, entry.id, 'done');
    }
    const freed = freedBy(event, appointment);
    if (!freed || freed.start <= deps.now().getTime()) return;
    if (event.classCancelled) await closeClassLine(trx, deps, freed);
    else await offerFreedTime(trx, deps, freed);
  };
}

/** The time a change gave up: a cancelled appointment's, or a moved one's previous start and member. */
function freedBy(
  event: AppointmentEvent,
  a: { provider_id: number; service_id: number; member_id: number; start_at: string },
): Freed | undefined {
  const at = { providerId: a.provider_id, serviceId: a.service_id };
  if (event.type === 'cancelled') return { ...at, memberId: a.member_id, start: Date.parse(a.start_at) };
  if (event.type !== 'rescheduled' || !event.previous) return undefined;
  const memberId = event.previous.memberId ?? a.member_id;
  if (event.previous.startAt === a.start_at && memberId === a.member_id) return undefined;
  return { ...at, memberId, start: Date.parse(event.previous.startAt) };
}
