import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idSchema, instantSchema, textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { type BookingDeps, changeAppointmentStatus, ownedByProvider } from './booking.service.js';
import { adminAppointmentSchema, adminAppointmentView } from './booking.view.js';
import { classAttendees } from './bookings.repository.js';

const classCancelSchema = z.object({
  serviceId: idSchema,
  memberId: idSchema,
  start: instantSchema,
  reason: textSchema(500).optional(),
});

/** `/api/admin/classes`: a class time as a whole, the owner's and admins' (mounted behind `requireManager`). */
export function classesRoutes(deps: BookingDeps) {
  return new Hono<AppEnv>().post(
    '/cancel',
    describe({
      summary: 'Cancel a whole class',
      description: 'Every confirmed booking of a class service at one time.',
      responses: { 200: z.object({ appointments: z.array(adminAppointmentSchema) }) },
    }),
    validate('json', classCancelSchema),
    async (c) => {
      const { serviceId, memberId, start, reason } = c.req.valid('json');
      const providerId = c.get('provider').id;
      const authorize = ownedByProvider(providerId);
      const ids = await classAttendees(deps.db, {
        providerId,
        memberId,
        serviceId,
        startAt: new Date(start).toISOString(),
      });
      if (ids.length === 0) throw AppError.notFound('Class time');
      // Each attendee through the one cancellation, so each gets their email and the calendar event follows.
      const cancelled = [];
      for (const appointmentId of ids) {
        const change = { appointmentId, actor: 'provider' as const, authorize, classCancelled: true };
        cancelled.push(adminAppointmentView(await changeAppointmentStatus(deps, change, 'cancel', reason)));
      }
      return c.json({ appointments: cancelled });
    },
  );
}
