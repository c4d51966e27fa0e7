import type { AppointmentListener } from '../bookings/appointment-events.js';
import { adminAppointmentView } from '../bookings/booking.view.js';
import { findAppointment } from '../bookings/bookings.repository.js';
import { insertDeliveries } from './deliveries.repository.js';
import { subscribedEndpoints } from './endpoints.repository.js';
import { payloadOf, webhookEventOf } from './events.js';
import { newEventId } from './signature.js';

/**
 * The webhook outbox: inside the appointment change's transaction, one delivery per endpoint of the appointment's own
 * business that subscribed to the event, so a delivery exists exactly when its change committed. The body is fixed
 * here (the appointment as the admin API shows it), so every attempt sends the same bytes.
 */
export const webhookOutboxListener =
  (now: () => Date): AppointmentListener =>
  async (trx, event) => {
    // The emitter's copy when it has one: a booking without webhooks then costs no extra read.
    const appointment = event.appointment ?? (await findAppointment(trx, event.appointmentId));
    if (!appointment) return;
    const type = webhookEventOf(event, appointment.start_at, appointment.end_at);
    const endpoints = await subscribedEndpoints(trx, appointment.provider_id, type);
    if (!endpoints.length) return;
    const id = newEventId();
    const data = {
      appointment: adminAppointmentView(appointment),
      actor: event.actor,
      // An occurrence of a recurring series: each fires its own event; this ties them together.
      seriesId: appointment.series_id,
      ...(event.previous && { previous: event.previous }),
    };
    const payload = payloadOf(id, type, now(), data);
    await insertDeliveries(
      trx,
      endpoints.map((endpoint) => ({ endpoint_id: endpoint.id, event_id: id, event_type: type, payload })),
      now(),
    );
  };
