import { Hono } from 'hono';
import { z } from 'zod';
import { tokenMatches } from '../auth/tokens.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv, SessionUser } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { rateLimit } from '../http/rate-limit.js';
import { describe } from '../http/route-doc.js';
import { validate } from '../http/validate.js';
import { buildAppointmentCalendar } from '../ical/appointment-calendar.js';
import {
  bookingParam,
  bookingSchema,
  cancelSchema,
  customerCancelSchema,
  idempotencyHeader,
  rescheduleSchema,
  tokenQuery,
} from './booking.schemas.js';
import { type BookingDeps, cancelAppointment, createBooking, rescheduleAppointment } from './booking.service.js';
import { bookingView, customerBookingSchema, summaryOf } from './booking.view.js';
import { type AppointmentDetail, findAppointment } from './bookings.repository.js';
import { eraseBooking } from './erase-contacts.js';

/**
 * The manage token from the booking email, or the signed-in customer who booked it. Anything
 * else gets the same 404 as a booking that does not exist, so ids reveal nothing.
 */
export const customerAccess = (token: string | undefined, user: SessionUser | null) => (a: AppointmentDetail) => {
  const byToken = token !== undefined && tokenMatches(token, a.manage_token_hash);
  const bySession = user?.role === 'customer' && a.customer_user_id === user.id;
  if (!byToken && !bySession) throw AppError.notFound('Booking');
};

/** The booking `id` if `customerAccess` lets this caller see it; else the 404 of a booking that does not exist. */
export async function findForCustomer(
  db: Db,
  id: number,
  token: string | undefined,
  user: SessionUser | null,
): Promise<AppointmentDetail> {
  const appointment = await findAppointment(db, id);
  if (!appointment) throw AppError.notFound('Booking');
  customerAccess(token, user)(appointment);
  return appointment;
}

const oneBooking = z.object({ booking: customerBookingSchema });
const cancelledBookings = oneBooking.extend({ cancelled: z.number().int().describe('Appointments cancelled') });
const tooMany = 'Too many bookings or changes from this client';
const pastCutoff = "Past the business's cut-off (`cancellation_cutoff_passed`), or not confirmed";

/** Cancels and moves of one booking by its customer, per hour. */
export const MANAGE_ACTIONS_PER_HOUR = 10;

export type BookingRouteDeps = BookingDeps & { bookingRateLimit: number; trustProxy: boolean };

/** Bookings and their changes per client address and minute, one count for every kind (a series is one). */
export const limitBookingsByAddress = (deps: BookingRouteDeps) =>
  rateLimit({
    db: deps.db,
    windowMs: 60_000,
    limit: deps.bookingRateLimit,
    key: (c) => `booking|${clientAddress(c, deps.trustProxy)}`,
    now: () => deps.now().getTime(),
  });

/** `/api/bookings`: booking by anyone, and managing a booking by its customer. */
export function bookingsRoutes(deps: BookingRouteDeps) {
  const clock = () => deps.now().getTime();
  const limitByAddress = limitBookingsByAddress(deps);
  // A manage link's holder (or the signed-in customer) may change one booking a few times an hour, not in a loop.
  const limitByBooking = rateLimit({
    db: deps.db,
    windowMs: 60 * 60_000,
    limit: MANAGE_ACTIONS_PER_HOUR,
    key: (c) => `manage|${c.req.param('id')}`,
    now: clock,
  });

  const loadForCustomer = (id: number, token: string | undefined, user: SessionUser | null) =>
    findForCustomer(deps.db, id, token, user);

  return (
    new Hono<AppEnv>()
      .post(
        '/',
        describe({
          summary: 'Book a slot',
          description:
            'The same `Idempotency-Key` and body give the same answer, never a second booking (keys are kept 24 h).',
          responses: {
            201: oneBooking,
            409: 'The slot was taken meanwhile (`slot_taken`)',
            422: 'Not an offered slot (`slot_not_offered`), or the key was used with another body',
            429: tooMany,
          },
        }),
        limitByAddress,
        validate('header', idempotencyHeader),
        validate('json', bookingSchema),
        async (c) => {
          const user = c.get('user');
          const result = await createBooking(deps, c.req.valid('json'), {
            idempotencyKey: c.req.valid('header')['idempotency-key'],
            customerUserId: user?.role === 'customer' ? user.id : undefined,
          });
          return c.json(result.body as object, result.status as 201);
        },
      )
      .get(
        '/:id',
        describe({
          summary: 'A booking, for its customer',
          description: 'For the holder of the manage token, or the signed-in customer who booked it.',
          responses: { 200: oneBooking },
        }),
        validate('param', bookingParam),
        validate('query', tokenQuery),
        async (c) => {
          const { token } = c.req.valid('query');
          const appointment = await loadForCustomer(c.req.valid('param').id, token, c.get('user'));
          return c.json({ booking: bookingView(appointment, deps.appUrl, token) });
        },
      )
      .get(
        '/:id/calendar.ics',
        describe({
          summary: 'A booking as an iCalendar file',
          responses: { 200: { description: 'One VEVENT', schema: z.string(), contentType: 'text/calendar' } },
        }),
        validate('param', bookingParam),
        validate('query', tokenQuery),
        async (c) => {
          const appointment = await loadForCustomer(c.req.valid('param').id, c.req.valid('query').token, c.get('user'));
          const body = buildAppointmentCalendar(
            [
              {
                id: appointment.id,
                sequence: appointment.sequence,
                status: appointment.status,
                startAt: appointment.start_at,
                endAt: appointment.end_at,
                summary: summaryOf(appointment),
                location: appointment.provider_address,
                updatedAt: appointment.updated_at,
              },
            ],
            { name: appointment.provider_name, appUrl: deps.appUrl },
          );
          c.header('Content-Type', 'text/calendar; charset=utf-8');
          c.header('Content-Disposition', `attachment; filename="appointment-${appointment.id}.ics"`);
          return c.body(body);
        },
      )
      .post(
        '/:id/cancel',
        describe({
          summary: 'Cancel a booking',
          description:
            "An occurrence of a recurring series: `scope: 'following'` cancels it and every later one (`cancelled` says how many).",
          responses: { 200: cancelledBookings, 409: pastCutoff, 429: tooMany },
        }),
        limitByAddress,
        limitByBooking,
        validate('param', bookingParam),
        validate('json', customerCancelSchema),
        async (c) => {
          const { token, scope } = c.req.valid('json');
          const { appointment, cancelled } = await cancelAppointment(
            deps,
            {
              appointmentId: c.req.valid('param').id,
              actor: 'customer',
              authorize: customerAccess(token, c.get('user')),
              holdToCutoff: true,
            },
            scope,
          );
          return c.json({ booking: bookingView(appointment, deps.appUrl, token), cancelled });
        },
      )
      // The customer's contact details off a booking that is over (or cancelled): GDPR erasure without an account.
      .post(
        '/:id/erase',
        describe({
          summary: "Erase the customer's contact details",
          description: 'From a past or cancelled booking.',
          responses: { 200: oneBooking, 409: 'The booking is still ahead', 429: tooMany },
        }),
        limitByAddress,
        limitByBooking,
        validate('param', bookingParam),
        validate('json', cancelSchema),
        async (c) => {
          const { id } = c.req.valid('param');
          const { token } = c.req.valid('json');
          await eraseBooking(deps, id, customerAccess(token, c.get('user')));
          return c.json({ booking: bookingView((await findAppointment(deps.db, id))!, deps.appUrl, token) });
        },
      )
      .post(
        '/:id/reschedule',
        describe({
          summary: 'Move a booking to another slot',
          description: 'Keeps the id and bumps `sequence`.',
          responses: {
            200: oneBooking,
            409: `${pastCutoff}, or the slot was taken`,
            422: 'Not an offered slot',
            429: tooMany,
          },
        }),
        limitByAddress,
        limitByBooking,
        validate('param', bookingParam),
        validate('json', rescheduleSchema),
        async (c) => {
          const { token, start, staff } = c.req.valid('json');
          const appointment = await rescheduleAppointment(
            deps,
            {
              appointmentId: c.req.valid('param').id,
              actor: 'customer',
              authorize: customerAccess(token, c.get('user')),
              holdToCutoff: true,
            },
            start,
            staff,
          );
          return c.json({ booking: bookingView(appointment, deps.appUrl, token) });
        },
      )
  );
}
