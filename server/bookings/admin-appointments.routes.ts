import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { idParam, instantSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { ownerCancelSchema } from './booking.schemas.js';
import {
  type BookingDeps,
  changeAppointmentStatus,
  ownedByProvider,
  rescheduleAppointment,
} from './booking.service.js';
import { adminAppointmentView } from './booking.view.js';
import { findAppointment, listAppointments } from './bookings.repository.js';

const listQuery = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  status: z.enum(['confirmed', 'cancelled', 'completed', 'no_show']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** `/api/admin/appointments`: the provider's own appointments (mounted behind `requireProvider`). */
export function adminAppointmentsRoutes(deps: BookingDeps) {
  const change = (id: number, providerId: number) => ({
    appointmentId: id,
    actor: 'provider' as const,
    authorize: ownedByProvider(providerId),
  });

  const app = new Hono<AppEnv>()
    .get('/', validate('query', listQuery), async (c) => {
      const q = c.req.valid('query');
      const rows = await listAppointments(deps.db, {
        providerId: c.get('provider').id,
        from: iso(q.from),
        to: iso(q.to),
        status: q.status,
        limit: q.limit,
      });
      return c.json({ appointments: rows.map(adminAppointmentView) });
    })
    .get('/:id', validate('param', idParam), async (c) => {
      const appointment = await findAppointment(deps.db, c.req.valid('param').id);
      if (!appointment || appointment.provider_id !== c.get('provider').id) throw AppError.notFound('Appointment');
      return c.json({ appointment: adminAppointmentView(appointment) });
    })
    .post(
      '/:id/reschedule',
      validate('param', idParam),
      validate('json', z.object({ start: instantSchema })),
      async (c) => {
        const appointment = await rescheduleAppointment(
          deps,
          change(c.req.valid('param').id, c.get('provider').id),
          c.req.valid('json').start,
        );
        return c.json({ appointment: adminAppointmentView(appointment) });
      },
    );

  // The body is optional: no JSON body at all is a cancellation without a message.
  app.post('/:id/cancel', validate('param', idParam), validate('json', ownerCancelSchema), async (c) => {
    const appointment = await changeAppointmentStatus(
      deps,
      change(c.req.valid('param').id, c.get('provider').id),
      'cancel',
      c.req.valid('json').reason,
    );
    return c.json({ appointment: adminAppointmentView(appointment) });
  });
  for (const [path, action] of [
    ['complete', 'complete'],
    ['no-show', 'no_show'],
  ] as const) {
    app.post(`/:id/${path}`, validate('param', idParam), async (c) => {
      const appointment = await changeAppointmentStatus(
        deps,
        change(c.req.valid('param').id, c.get('provider').id),
        action,
      );
      return c.json({ appointment: adminAppointmentView(appointment) });
    });
  }
  return app;
}
