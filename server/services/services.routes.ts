import { Hono } from 'hono';
import { z } from 'zod';
import type { SlotsChanged } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam, idSchema, textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { assignToAllMembers, listMembers, performersOfServices, setServiceMembers } from '../team/team.repository.js';
import { REPEAT_LIMITS, repeatColumns } from './repeat.js';
import { adminService, adminServiceSchema } from './service.view.js';
import {
  deleteService,
  findService,
  insertService,
  listServices,
  serviceHasAppointments,
  updateService,
} from './services.repository.js';
import type { ServiceRow } from './services.table.js';

const minutes = (max: number) => z.number().int().min(0).max(max);

/** Recurring bookings: up to `maxCount` occurrences, every one of `everyWeeks` weeks (docs/api.md). */
const repeatSchema = z.object({
  maxCount: z.number().int().min(REPEAT_LIMITS.minCount).max(REPEAT_LIMITS.maxCount),
  everyWeeks: z.array(z.number().int().min(1).max(REPEAT_LIMITS.maxEveryWeeks)).min(1).max(REPEAT_LIMITS.maxEveryWeeks),
});

const serviceFields = z.object({
  name: textSchema(100).pipe(z.string().min(1)),
  description: textSchema(2000),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  price: z.object({
    amountMinor: z.number().int().min(0).max(100_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as EUR'),
  }),
  bufferBeforeMinutes: minutes(240),
  bufferAfterMinutes: minutes(240),
  active: z.boolean(),
  /** Places per time: 1 is one-to-one, more is a class. */
  seats: z.number().int().min(1).max(500),
  /** The members who perform it (default for a new service: every active member). */
  memberIds: z.array(idSchema).max(500),
  /** Recurring bookings (one-to-one services only); null: not offered. */
  repeat: repeatSchema.nullable(),
});

const serviceSchema = serviceFields.extend({
  description: serviceFields.shape.description.default(''),
  bufferBeforeMinutes: minutes(240).default(0),
  bufferAfterMinutes: minutes(240).default(0),
  active: z.boolean().default(true),
  seats: serviceFields.shape.seats.default(1),
  memberIds: serviceFields.shape.memberIds.optional(),
  repeat: serviceFields.shape.repeat.default(null),
});

/** A patch changes only what it names: no defaults here, or omitted fields would be reset. */
const servicePatchSchema = serviceFields.partial();

type ServiceInput = z.infer<typeof servicePatchSchema>;

function toColumns(input: ServiceInput) {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
    ...(input.price && { price_minor: input.price.amountMinor, currency: input.price.currency }),
    ...(input.bufferBeforeMinutes !== undefined && { buffer_before_minutes: input.bufferBeforeMinutes }),
    ...(input.bufferAfterMinutes !== undefined && { buffer_after_minutes: input.bufferAfterMinutes }),
    ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
    ...(input.seats !== undefined && { seats: input.seats }),
    ...(input.repeat !== undefined && repeatColumns(input.repeat)),
  };
}

/** A class time is one event for all its attendees: a series of them is not offered (422). */
function assertRepeatable(service: { seats: number; repeat_max_count: number | null }): void {
  if (service.seats > 1 && service.repeat_max_count !== null)
    throw new AppError('unprocessable', 'Recurring bookings are for one-to-one services, not classes', {
      repeat: 'not for a class (seats > 1)',
    });
}

/** The members named must be active members of this business: 422 naming the field otherwise. */
async function assertMembers(db: Db, providerId: number, memberIds: number[]): Promise<void> {
  const active = new Set((await listMembers(db, providerId)).map((m) => m.id));
  if (memberIds.some((id) => !active.has(id))) {
    throw new AppError('unprocessable', 'Only active members of this business can perform its services', {
      memberIds: 'not all members of this business',
    });
  }
}

/** A service with the members who perform it, as the admin API gives it. */
async function serviceView(db: Db, row: ServiceRow) {
  return adminService(
    row,
    (await performersOfServices(db, [row.id])).get(row.id)!.map((m) => m.id),
  );
}

const oneService = z.object({ service: adminServiceSchema });

/** `/api/admin/services`: the provider's own services (mounted behind `requireProvider`). */
export function servicesRoutes(db: Db, slotsChanged: SlotsChanged) {
  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: 'List the services',
        responses: { 200: z.object({ services: z.array(adminServiceSchema) }) },
      }),
      async (c) => {
        const rows = await listServices(db, c.get('provider').id);
        const performers = await performersOfServices(
          db,
          rows.map((r) => r.id),
        );
        return c.json({
          services: rows.map((r) =>
            adminService(
              r,
              performers.get(r.id)!.map((m) => m.id),
            ),
          ),
        });
      },
    )
    .post(
      '/',
      describe({
        summary: 'Add a service',
        description: 'Without `memberIds`, every active member performs it.',
        responses: {
          201: oneService,
          422: 'A member named is not an active member of this business, or `repeat` on a class',
        },
      }),
      validate('json', serviceSchema),
      async (c) => {
        const input = c.req.valid('json');
        const providerId = c.get('provider').id;
        if (input.memberIds) await assertMembers(db, providerId, input.memberIds);
        assertRepeatable({ seats: input.seats, repeat_max_count: input.repeat?.maxCount ?? null });
        const row = await withWriteLock(db, async (trx) => {
          const service = await insertService(trx, {
            provider_id: c.get('provider').id,
            name: input.name,
            description: input.description,
            duration_minutes: input.durationMinutes,
            price_minor: input.price.amountMinor,
            currency: input.price.currency,
            buffer_before_minutes: input.bufferBeforeMinutes,
            buffer_after_minutes: input.bufferAfterMinutes,
            active: input.active ? 1 : 0,
            seats: input.seats,
            ...repeatColumns(input.repeat),
          });
          if (input.memberIds) await setServiceMembers(trx, service.id, input.memberIds);
          else await assignToAllMembers(trx, service.provider_id, service.id);
          return service;
        });
        await slotsChanged(row.provider_id);
        return c.json({ service: await serviceView(db, row) }, 201);
      },
    )
    .get(
      '/:id',
      describe({ summary: 'One service', responses: { 200: oneService } }),
      validate('param', idParam),
      async (c) => {
        const row = await findService(db, c.get('provider').id, c.req.valid('param').id);
        if (!row) throw AppError.notFound('Service');
        return c.json({ service: await serviceView(db, row) });
      },
    )
    .patch(
      '/:id',
      describe({
        summary: 'Change a service',
        description: 'Changes only the fields given.',
        responses: {
          200: oneService,
          422: 'A member named is not an active member of this business, or `repeat` on a class',
        },
      }),
      validate('param', idParam),
      validate('json', servicePatchSchema),
      async (c) => {
        const input = c.req.valid('json');
        const values = toColumns(input);
        const { id } = c.req.valid('param');
        const providerId = c.get('provider').id;
        if (input.memberIds) await assertMembers(db, providerId, input.memberIds);
        const row = await withWriteLock(db, async (trx) => {
          const current = await findService(trx, providerId, id);
          if (current) assertRepeatable({ ...current, ...values });
          const updated =
            current && Object.keys(values).length ? await updateService(trx, providerId, id, values) : current;
          if (updated && input.memberIds) await setServiceMembers(trx, id, input.memberIds);
          return updated;
        });
        if (!row) throw AppError.notFound('Service');
        await slotsChanged(providerId);
        return c.json({ service: await serviceView(db, row) });
      },
    )
    .delete(
      '/:id',
      describe({
        summary: 'Delete a service',
        responses: { 204: 'Deleted', 409: 'The service has appointments: deactivate it instead' },
      }),
      validate('param', idParam),
      async (c) => {
        const { id } = c.req.valid('param');
        const providerId = c.get('provider').id;
        if (!(await findService(db, providerId, id))) throw AppError.notFound('Service');
        if (await serviceHasAppointments(db, id)) {
          throw new AppError('conflict', 'This service has appointments: deactivate it instead of deleting it');
        }
        await deleteService(db, providerId, id);
        await slotsChanged(providerId);
        return c.body(null, 204);
      },
    );
}
