import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { dateSchema, idParam, idSchema, instantSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { staffScope } from '../team/roles.js';
import { performersOf } from '../team/team.repository.js';
import { adminRescheduleSchema, ownerBookingSchema, ownerCancelSchema } from './booking.schemas.js';
import {
  type BookingDeps,
  cancelAppointment,
  changeAppointmentMember,
  changeAppointmentStatus,
  createOwnerBooking,
  ownedByProvider,
  rescheduleAppointment,
} from './booking.service.js';
import { adminAppointmentSchema, adminAppointmentView } from './booking.view.js';
import { findAppointment, listAppointments } from './bookings.repository.js';
import { ownerSlots } from './owner-slots.js';

const listQuery = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  status: z.enum(['confirmed', 'cancelled', 'completed', 'no_show']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  member: idSchema.optional(),
});

const slotsQuery = z.object({ service: idSchema, date: dateSchema, member: idSchema.optional() });

const oneAppointment = z.object({ appointment: adminAppointmentSchema });

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/**
 * `/api/admin/appointments`: the business's appointments (mounted behind `requireProvider`); a staff member's only
 * their own: every other one does not exist for them (404), like another business's.
 */
export function adminAppointmentsRoutes(deps: BookingDeps) {
  const change = (id: number, c: Context<AppEnv>) => ({
    appointmentId: id,
    actor: 'provider' as const,
    authorize: ownedByProvider(c.get('provider').id, staffScope(c.get('member'))),
  });

  const app = new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: 'Appointments, with customer contact',
        description: 'Staff see only their own.',
        responses: { 200: z.object({ appointments: z.array(adminAppointmentSchema) }) },
      }),
      validate('query', listQuery),
      async (c) => {
        const q = c.req.valid('query');
        const rows = await listAppointments(deps.db, {
          providerId: c.get('provider').id,
          // Staff see their own appointments whatever they ask for.
          memberId: staffScope(c.get('member')) ?? q.member,
          from: iso(q.from),
          to: iso(q.to),
          status: q.status,
          limit: q.limit,
        });
        return c.json({ appointments: rows.map(adminAppointmentView) });
      },
    )
    // A phone call or a walk-in: booked by the owner through the same check and outbox as a customer's booking.
    .post(
      '/',
      describe({
        summary: 'Book for a caller or a walk-in',
        description:
          'Not held to the notice period; any whole minute of the opening hours. Without `email` the customer gets no email.',
        responses: {
          201: oneAppointment,
          409: 'The time is taken',
          422: 'Outside the opening hours (`slot_not_offered`)',
        },
      }),
      validate('json', ownerBookingSchema),
      async (c) => {
        const body = c.req.valid('json');
        const provider = c.get('provider');
        const me = c.get('member');
        // Unnamed, the signed-in member serves it: staff always (staffOwnWork refuses them any other member), the owner
        // and admins when they perform the service, otherwise anyone free then.
        const memberId =
          staffScope(me) ??
          body.memberId ??
          ((await performersOf(deps.db, provider.id, body.service)).some((m) => m.id === me.id) ? me.id : undefined);
        const appointment = await createOwnerBooking(deps, { ...body, memberId, provider: provider.slug });
        return c.json({ appointment: adminAppointmentView(appointment) }, 201);
      },
    )
    .get(
      '/slots',
      describe({
        summary: 'Free starts of a local date',
        description: "On the customers' grid, without the notice period.",
        responses: {
          200: z.object({
            timeZone: z.string(),
            slots: z.array(z.object({ start: z.string(), end: z.string(), placesLeft: z.number().int().optional() })),
          }),
        },
      }),
      validate('query', slotsQuery),
      async (c) => {
        const { service, date, member } = c.req.valid('query');
        return c.json(await ownerSlots(deps, c.get('provider'), service, date, member));
      },
    )
    .get(
      '/:id',
      describe({ summary: 'One appointment', responses: { 200: oneAppointment } }),
      validate('param', idParam),
      async (c) => {
        const appointment = await findAppointment(deps.db, c.req.valid('param').id);
        if (!appointment) throw AppError.notFound('Appointment');
        ownedByProvider(c.get('provider').id, staffScope(c.get('member')))(appointment);
        return c.json({ appointment: adminAppointmentView(appointment) });
      },
    )
    .post(
      '/:id/reschedule',
      describe({
        summary: 'Move an appointment',
        responses: {
          200: oneAppointment,
          409: 'Not a future confirmed appointment, or the time is taken',
          422: 'Outside the opening hours',
        },
      }),
      validate('param', idParam),
      validate('json', adminRescheduleSchema),
      async (c) => {
        const { start, staff } = c.req.valid('json');
        const appointment = await rescheduleAppointment(deps, change(c.req.valid('param').id, c), start, staff);
        return c.json({ appointment: adminAppointmentView(appointment) });
      },
    );

  // Staff never get here: staffOwnWork (server/team/staff-guard.ts) keeps giving an appointment away to managers.
  app.put(
    '/:id/member',
    describe({
      summary: 'Hand an appointment to another member',
      responses: {
        200: oneAppointment,
        403: 'Staff',
        409: 'The member is not free then or does not perform the service',
      },
    }),
    validate('param', idParam),
    validate('json', z.object({ memberId: idSchema })),
    async (c) => {
      const appointment = await changeAppointmentMember(
        deps,
        change(c.req.valid('param').id, c),
        c.req.valid('json').memberId,
      );
      return c.json({ appointment: adminAppointmentView(appointment) });
    },
  );
  // The body is optional: no JSON body at all is a cancellation without a message.
  app.post(
    '/:id/cancel',
    describe({
      summary: 'Cancel an appointment',
      description:
        "`reason` is quoted in the customer's cancellation email. An occurrence of a recurring series: `scope: 'following'` cancels it and every later one.",
      responses: {
        200: oneAppointment.extend({ cancelled: z.number().int().describe('Appointments cancelled') }),
        409: 'Not a future confirmed appointment',
      },
    }),
    validate('param', idParam),
    validate('json', ownerCancelSchema),
    async (c) => {
      const { reason, scope } = c.req.valid('json');
      const { appointment, cancelled } = await cancelAppointment(
        deps,
        change(c.req.valid('param').id, c),
        scope,
        reason,
      );
      return c.json({ appointment: adminAppointmentView(appointment), cancelled });
    },
  );
  for (const [path, action] of [
    ['complete', 'complete'],
    ['no-show', 'no_show'],
  ] as const) {
    app.post(
      `/:id/${path}`,
      describe({
        summary: path === 'complete' ? 'Mark as completed' : 'Mark as a no-show',
        responses: { 200: oneAppointment, 409: 'Not started yet, or not confirmed' },
      }),
      validate('param', idParam),
      async (c) => {
        const appointment = await changeAppointmentStatus(deps, change(c.req.valid('param').id, c), action);
        return c.json({ appointment: adminAppointmentView(appointment) });
      },
    );
  }
  return app;
}
