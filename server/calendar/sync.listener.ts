import type { AppointmentEvent, AppointmentEventType, AppointmentListener } from '../bookings/appointment-events.js';
import type { Db } from '../db/connect.js';
import { findConnection, listWrittenEvents } from './connections.repository.js';
import { enqueueSyncJob, type SyncAction } from './sync-jobs.repository.js';

// Completing or marking a no-show changes nothing the calendar shows.
const actionOf: Partial<Record<AppointmentEventType, SyncAction>> = {
  created: 'upsert',
  rescheduled: 'upsert',
  cancelled: 'delete',
};

/** The serving member has a calendar, or the appointment is still in one (of the member it was moved away from). */
async function touchesACalendar(trx: Db, event: AppointmentEvent): Promise<boolean> {
  const appointment =
    event.appointment ??
    (await trx.selectFrom('appointments').select('member_id').where('id', '=', event.appointmentId).executeTakeFirst());
  if (!appointment) return false;
  if (await findConnection(trx, appointment.member_id)) return true;
  // A new appointment is in no calendar yet: its id was never used before (ids are not reused), and events are
  // written by the sync worker only after its job commits.
  if (event.type === 'created') return false;
  return (await listWrittenEvents(trx, event.appointmentId)).length > 0;
}

/**
 * Writes the calendar sync job inside the appointment's own transaction (database first, then
 * calendar). Members without a connected calendar get no jobs: connecting one later queues
 * every appointment of theirs ahead (`enqueueBackfill`), so nothing is lost by skipping them here.
 */
export const syncJobWriter =
  (now: () => Date): AppointmentListener =>
  async (trx, event) => {
    const action = actionOf[event.type];
    if (!action || !(await touchesACalendar(trx, event))) return;
    await enqueueSyncJob(trx, { providerId: event.providerId, appointmentId: event.appointmentId, action }, now());
  };
