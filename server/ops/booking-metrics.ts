import type { AppointmentListener } from '../bookings/appointment-events.js';
import { bookingsCancelled, bookingsCreated } from './metrics.js';

/**
 * Counts bookings and cancellations as they are written. The app runs it after every other listener, so a booking
 * one of them refuses (an address over its email cap) is not counted. It runs inside the change's transaction, so
 * one that fails at its very commit (the disk failing, say) has been: off by such rare failures only.
 */
export const countBookings: AppointmentListener = async (_trx, event) => {
  if (event.type === 'created') bookingsCreated.inc({ actor: event.actor });
  else if (event.type === 'cancelled') bookingsCancelled.inc({ actor: event.actor });
};
