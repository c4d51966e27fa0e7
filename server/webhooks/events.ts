import type { AppointmentEvent } from '../bookings/appointment-events.js';

/**
 * The events an endpoint may subscribe to (docs/webhooks.md). A class's place is an appointment of its own, so
 * booking or cancelling a seat is `booking.created` / `booking.cancelled` of that appointment (its data has `seats`).
 */
export const WEBHOOK_EVENTS = [
  'booking.created',
  'booking.rescheduled',
  'booking.member_changed',
  'booking.cancelled',
  'booking.completed',
  'booking.no_show',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Sent only by "Send test event", to the one endpoint, whatever it subscribed to. */
export const TEST_EVENT = 'webhook.test';

/** A reschedule that kept the time and changed only who serves it is `booking.member_changed`. */
export function webhookEventOf(event: AppointmentEvent, startAt: string, endAt: string): WebhookEventType {
  if (event.type !== 'rescheduled') return `booking.${event.type}`;
  const previous = event.previous;
  const sameTime = previous?.startAt === startAt && previous.endAt === endAt;
  return sameTime && previous?.memberId !== undefined ? 'booking.member_changed' : 'booking.rescheduled';
}

/** The request body: the same on every attempt. */
export const payloadOf = (id: string, type: string, createdAt: Date, data: unknown): string =>
  JSON.stringify({ id, type, created_at: createdAt.toISOString(), data });
