import type { Role } from '../auth/auth.table.js';
import type { Db } from '../db/connect.js';
import type { AppointmentDetail } from './bookings.repository.js';

export type AppointmentEventType = 'created' | 'rescheduled' | 'cancelled' | 'completed' | 'no_show';

export interface AppointmentEvent {
  type: AppointmentEventType;
  appointmentId: number;
  providerId: number;
  /** Who made the change. */
  actor: Role;
  /**
   * For a reschedule: where the appointment was before, and `memberId` when it also changed hands (a new member,
   * or only a new member at the same time: PUT /api/admin/appointments/:id/member and a leaving member's reassignment).
   */
  previous?: { startAt: string; endAt: string; memberId?: number };
  /**
   * Only on 'created': the manage token in plaintext, which exists nowhere else after this
   * transaction (the appointment stores its hash). The email outbox seals it for later emails.
   */
  manageToken?: string;
  /** A cancellation of the whole class time (not of one attendee): its places are not freed for anyone. */
  classCancelled?: boolean;
  /** The appointment as this change left it, when the emitter has just read it: listeners need not read it again. */
  appointment?: AppointmentDetail;
  /** Set when one request changes several occurrences of a recurring series at once (see AppointmentBatch). */
  batch?: AppointmentBatch;
}

/**
 * One request booking a recurring series, or cancelling an occurrence "and all following": each occurrence is its
 * own appointment and event, but the people are told once. Every event of the batch but the last has `last: false`;
 * at the last, every change of the batch is in the transaction, so the email outbox writes one email for them all.
 */
export interface AppointmentBatch {
  last: boolean;
  /** The appointments the batch changes, when known before the first change (a cancellation's). */
  appointmentIds?: readonly number[];
}

/**
 * Runs inside the transaction that changes the appointment, so what it writes (an email, a
 * calendar sync job) commits or rolls back with the change: the transactional outbox.
 * Bookings knows nothing of email or calendars; the app wires their listeners in.
 */
export type AppointmentListener = (trx: Db, event: AppointmentEvent) => Promise<void>;

export async function emitAppointmentEvent(
  trx: Db,
  listeners: readonly AppointmentListener[],
  event: AppointmentEvent,
): Promise<void> {
  for (const listener of listeners) await listener(trx, event);
}
