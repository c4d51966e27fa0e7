import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AvailabilityInput, BusyTimeSource } from '../availability/availability.types.js';
import { computeSlots } from '../availability/slots.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { dateSchema, idSchema, timeZoneSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { findProviderBySlug } from '../providers/providers.repository.js';
import { findService } from '../services/services.repository.js';
import { busyWindowOf, loadAvailabilityInput } from './availability.loader.js';
import { bodyHolds, type SlotsCache } from './slots-cache.js';

export const MAX_RANGE_DAYS = 62;

const slotsQuery = z
  .object({ service: idSchema, from: dateSchema, to: dateSchema, tz: timeZoneSchema.optional() })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });

/** Turns inclusive local dates in `zone` into the instant range they cover. */
function dateRange(from: string, to: string, zone: string) {
  // Counted on the dates themselves, so a DST change inside the range cannot stretch or shrink a day.
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) {
    throw new AppError('invalid_request', `At most ${MAX_RANGE_DAYS} days at a time (from and to included)`, {
      to: `at most ${MAX_RANGE_DAYS - 1} days after from`,
    });
  }
  const start = DateTime.fromISO(from, { zone }).startOf('day');
  const end = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day');
  return { start: start.toMillis(), end: end.toMillis() };
}

/** The answer for `input` at `now`, and how long it holds: until the first slot falls under the notice period. */
function answer(input: AvailabilityInput, timeZone: string, now: number) {
  const slots = computeSlots({ ...input, now });
  const noticeEnds = slots.length > 0 ? slots[0]!.start - input.rules.minNoticeMinutes * 60_000 : Infinity;
  return {
    body: JSON.stringify({ timeZone, slots: slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })) }),
    validFrom: now,
    // New slots appear at the far end as the booking horizon moves: a minute late at most.
    validUntil: Math.min(noticeEnds, now + HORIZON_SLACK_MS),
  };
}

const HORIZON_SLACK_MS = 60_000;

/**
 * `GET /api/providers/:slug/slots`: free start times, as UTC instants, for the customer's days. With a `cache`,
 * repeated questions skip the database except for the calendar busy times (see slots-cache.ts).
 */
export function slotsRoutes(deps: { db: Db; now: () => Date; busyTimes: BusyTimeSource<Db>; cache?: SlotsCache }) {
  const { db, cache } = deps;
  return new Hono<AppEnv>().get(
    '/:slug/slots',
    validate('param', z.object({ slug: z.string().max(60) })),
    validate('query', slotsQuery),
    async (c) => {
      const query = c.req.valid('query');
      const slug = c.req.valid('param').slug;
      const now = deps.now().getTime();
      const key = `${slug}\n${query.service}\n${query.from}\n${query.to}\n${query.tz ?? ''}`;
      const cached = cache?.get(key);
      if (cached) {
        const busy = await deps.busyTimes(db, cached.providerId, busyWindowOf(cached.input.range, cached.input.service));
        if (!bodyHolds(cached, now, busy)) Object.assign(cached, answer({ ...cached.input, externalBusy: busy }, cached.timeZone, now), { busy });
        return c.body(cached.body, 200, { 'Content-Type': 'application/json' });
      }

      const version = cache?.version() ?? 0;
      const provider = await findProviderBySlug(db, slug);
      if (!provider) throw AppError.notFound('Provider');
      const service = await findService(db, provider.id, query.service);
      if (service?.active !== 1) throw AppError.notFound('Service');
      const timeZone = query.tz ?? provider.time_zone;
      const range = dateRange(query.from, query.to, timeZone);
      const input = await loadAvailabilityInput(db, { provider, service, range, now, busyTimes: deps.busyTimes });
      const fresh = answer(input, timeZone, now);
      cache?.set(key, { providerId: provider.id, version, input, timeZone, busy: input.externalBusy, ...fresh });
      return c.body(fresh.body, 200, { 'Content-Type': 'application/json' });
    },
  );
}
