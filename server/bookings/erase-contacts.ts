import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { BookingDeps } from './booking.service.js';
import { type AppointmentDetail, findAppointment } from './bookings.repository.js';

/** Statuses whose email is done with: pending and sending ones still have to go out (a cancellation, say). */
export const SETTLED = ['sent', 'failed'] as const;

/**
 * Erases the customer's contact details from these appointments: name, email, phone, zone and note, and the link
 * to their account. The emails about them that are done with go too, as they carry the same details. The
 * appointment itself stays (the provider's history, reviews, the slot it held).
 */
export async function eraseContacts(db: Db, appointmentIds: number[], now: Date): Promise<number> {
  if (appointmentIds.length === 0) return 0;
  await db
    .deleteFrom('email_outbox')
    .where('appointment_id', 'in', appointmentIds)
    .where('status', 'in', SETTLED)
    .execute();
  const result = await db
    .updateTable('appointments')
    .set({
      customer_user_id: null,
      customer_name: 'Former customer',
      customer_email: '',
      customer_phone: null,
      customer_time_zone: null,
      note: '',
      // The owner's cancellation message may name or address the customer.
      cancel_reason: null,
      contact_erased_at: now.toISOString(),
    })
    .where('id', 'in', appointmentIds)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A guest's (or customer's) own past or cancelled booking loses its contact details; upcoming ones must be cancelled first. */
export async function eraseBooking(
  deps: BookingDeps,
  appointmentId: number,
  authorize: (a: AppointmentDetail) => void,
): Promise<void> {
  await withWriteLock(deps.db, async (trx) => {
    const appointment = await findAppointment(trx, appointmentId);
    if (!appointment) throw AppError.notFound('Booking');
    authorize(appointment);
    if (appointment.status === 'confirmed' && Date.parse(appointment.end_at) > deps.now().getTime()) {
      throw new AppError('invalid_transition', 'This booking is still ahead: cancel it first, then erase your details');
    }
    await eraseContacts(trx, [appointmentId], deps.now());
  });
}
