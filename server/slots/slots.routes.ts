import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { computeSlots } from '../availability/slots.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { dateSchema, idSchema, timeZoneSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { findProviderBySlug } from '../providers/providers.repository.js';
import { findService } from '../services/services.repository.js';
import { type BusyTimeSource, loadAvailabilityInput } from './availability.loader.js';

export const MAX_RANGE_DAYS = 62;

const slotsQuery = z
  .object({ service: idSchema, from: dateSchema, to: dateSchema, tz: timeZoneSchema.optional() })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });

/** Turns inclusive local dates in `zone` into the instant range they cover. */
function dateRange(from: string, to: string, zone: string) {
  const start = DateTime.fromISO(from, { zone }).startOf('day');
  const end = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day');
  if (end.diff(start, 'days').days > MAX_RANGE_DAYS + 1) {
    throw new AppError('invalid_request', `At most ${MAX_RANGE_DAYS} days at a time`, { to: `at most ${MAX_RANGE_DAYS} days after from` });
  }
  return { start: start.toMillis(), end: end.toMillis() };
}

/** `GET /api/providers/:slug/slots`: free start times, as UTC instants, for the customer's days. */
export function slotsRoutes(deps: { db: Db; now: () => Date; busyTimes: BusyTimeSource }) {
  const { db } = deps;
  return new Hono<AppEnv>().get(
    '/:slug/slots',
    validate('param', z.object({ slug: z.string().max(60) })),
    validate('query', slotsQuery),
    async (c) => {
      const query = c.req.valid('query');
      const provider = await findProviderBySlug(db, c.req.valid('param').slug);
      if (!provider) throw AppError.notFound('Provider');
      const service = await findService(db, provider.id, query.service);
      if (!service || service.active !== 1) throw AppError.notFound('Service');
      const timeZone = query.tz ?? provider.time_zone;
      const range = dateRange(query.from, query.to, timeZone);
      const input = await loadAvailabilityInput(db, {
        provider,
        service,
        range,
        now: deps.now().getTime(),
        busyTimes: deps.busyTimes,
      });
      const slots = computeSlots(input).map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() }));
      return c.json({ timeZone, slots });
    },
  );
}
