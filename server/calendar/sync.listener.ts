import type { AppointmentEventType, AppointmentListener } from '../bookings/appointment-events.js';
import { findConnection } from './connections.repository.js';
import { enqueueSyncJob, type SyncAction } from './sync-jobs.repository.js';

// Completing or marking a no-show changes nothing the calendar shows.
const actionOf: Partial<Record<AppointmentEventType, SyncAction>> = {
  created: 'upsert',
  rescheduled: 'upsert',
  cancelled: 'delete',
};

/**
 * Writes the calendar sync job inside the appointment's own transaction (database first, then
 * calendar). Providers without a connected calendar get no jobs: connecting one later queues
 * every appointment ahead (`enqueueBackfill`), so nothing is lost by skipping them here.
 */
export const syncJobWriter =
  (now: () => Date): AppointmentListener =>
  async (trx, event) => {
    const action = actionOf[event.type];
    if (!action || !(await findConnection(trx, event.providerId))) return;
    await enqueueSyncJob(trx, { providerId: event.providerId, appointmentId: event.appointmentId, action }, now());
  };
