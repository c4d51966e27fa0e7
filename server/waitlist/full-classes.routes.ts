import { Hono } from 'hono';
import { z } from 'zod';
import { classSlots } from '../availability/class-slots.js';
import { computeSlots } from '../availability/slots.js';
import type { MemberAvailability } from '../availability/team-slots.js';
import { type ZoneClocks, zoneClocks } from '../availability/zone-clock.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { dateSchema, idSchema, timeZoneSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { findProviderBySlug } from '../providers/providers.repository.js';
import { findService } from '../services/services.repository.js';
import { loadTeamAvailability } from '../slots/availability.loader.js';
import { dateRange } from '../slots/slots.routes.js';
import { staffFor, staffSchema } from '../slots/staff.js';
import type { OfferDeps } from './offers.js';
import { classLines } from './waitlist.repository.js';

const query = z
  .object({ from: dateSchema, to: dateSchema, tz: timeZoneSchema.optional(), staff: staffSchema.optional() })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });

const fullClassesAnswer = z.object({
  classes: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      /** The member who teaches it, in a team. */
      member: z.string().optional(),
      /** How many are in line for it. */
      waiting: z.number().int(),
    }),
  ),
});

/**
 * `GET /api/providers/:slug/services/:serviceId/full-classes`: the class times of a service in the customer's days
 * `from`–`to` (in `tz`, default the business's zone; at most 62 days) that have no place left, so the widget can offer
 * "Full · join the waitlist". No customer data: times and the length of each line only.
 */
export function fullClassesRoutes(deps: { db: Db; offers: OfferDeps }) {
  const { db } = deps;
  return new Hono<AppEnv>().get(
    '/:slug/services/:serviceId/full-classes',
    describe({ summary: 'Full class times of a service', responses: { 200: fullClassesAnswer } }),
    validate('param', z.object({ slug: z.string().max(60), serviceId: idSchema })),
    validate('query', query),
    async (c) => {
      const { slug, serviceId } = c.req.valid('param');
      const q = c.req.valid('query');
      const provider = await findProviderBySlug(db, slug);
      if (!provider) throw AppError.notFound('Provider');
      const service = await findService(db, provider.id, serviceId);
      if (service?.active !== 1) throw AppError.notFound('Service');
      const range = dateRange(q.from, q.to, q.tz ?? provider.time_zone);
      if (service.seats <= 1) return c.json({ classes: [] });
      const members = await staffFor(db, provider.id, service.id, q.staff);
      const now = deps.offers.now().getTime();
      const loaded = await loadTeamAvailability(db, {
        provider,
        service,
        members,
        range,
        now,
        busyTimes: deps.offers.busyTimes,
      });
      const lines = await classLines(db, service.id, {
        from: new Date(range.start).toISOString(),
        to: new Date(range.end).toISOString(),
      });
      const waiting = (memberId: number, start: string) =>
        lines.find((l) => l.member_id === memberId && l.class_start_at === start)?.n ?? 0;
      const team = members.length > 1 || q.staff !== undefined;
      const clocks = zoneClocks();
      const classes = loaded
        .flatMap((m) => {
          const member = members.find((x) => x.id === m.memberId)!;
          return fullTimes(m, service.seats, clocks).map((t) => {
            const start = new Date(t).toISOString();
            return {
              start,
              end: new Date(t + service.duration_minutes * 60_000).toISOString(),
              ...(team && { member: member.slug }),
              waiting: waiting(member.id, start),
            };
          });
        })
        .sort((a, b) => a.start.localeCompare(b.start));
      return c.json({ classes });
    },
  );
}

/**
 * A member's class times that are full as a customer finds them: attendees there, a time the schedule offers, and
 * yet no place bookable (all taken, or the last one held for someone by an offer). Exactly the times joining accepts.
 */
function fullTimes(m: MemberAvailability, seats: number, clocks: ZoneClocks): number[] {
  const bookable = new Set(classSlots(m.input, seats, m.classTimes, clocks).map((s) => s.start));
  const offered = new Set(computeSlots({ ...m.input, appointments: [], externalBusy: [] }, clocks).map((s) => s.start));
  return m.classTimes.map((t) => t.start).filter((start) => offered.has(start) && !bookable.has(start));
}
