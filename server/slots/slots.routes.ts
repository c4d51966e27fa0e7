import { type Context, Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BusyTimeSource, Interval } from '../availability/availability.types.js';
import { firstTeamSlot, type MemberAvailability, type TeamSlot, teamSlotsOf } from '../availability/team-slots.js';
import { zoneClocks } from '../availability/zone-clock.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { entityTag, noneMatch } from '../http/etag.js';
import { windowCounter } from '../http/rate-limit.js';
import { describe } from '../http/route-doc.js';
import { dateSchema, idSchema, instantSchema, timeZoneSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { findProviderBySlug } from '../providers/providers.repository.js';
import { findService } from '../services/services.repository.js';
import { busyReadsOf, busyTimesOf, loadTeamAvailability } from './availability.loader.js';
import { bodyHolds, type SlotsCache } from './slots-cache.js';
import { staffFor, staffSchema } from './staff.js';

export const MAX_RANGE_DAYS = 62;
/** The most slots one answer carries; `next` asks for the rest. */
export const MAX_SLOTS = 2_000;
const DAY_MS = 86_400_000;

const slotsQuery = z
  .object({
    service: idSchema,
    from: dateSchema,
    to: dateSchema,
    tz: timeZoneSchema.optional(),
    after: instantSchema.optional(),
    staff: staffSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });

const slugParam = validate('param', z.object({ slug: z.string().max(60) }));

/** The provider, one of its active services and the members asked about, or a 404 naming which is missing. */
async function bookableService(db: Db, slug: string, serviceId: number, staff: string | undefined) {
  const provider = await findProviderBySlug(db, slug);
  if (!provider) throw AppError.notFound('Provider');
  const service = await findService(db, provider.id, serviceId);
  if (service?.active !== 1) throw AppError.notFound('Service');
  return { provider, service, members: await staffFor(db, provider.id, service.id, staff) };
}

const nextAvailableQuery = z.object({
  service: idSchema,
  tz: timeZoneSchema.optional(),
  from: dateSchema.optional(),
  staff: staffSchema.optional(),
});

/** Turns inclusive local dates in `zone` into the instant range they cover. */
export function dateRange(from: string, to: string, zone: string) {
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

/**
 * The first {@link MAX_SLOTS} slots of `range`, computed a day at a time so that the work stops with the page: one
 * answer costs at most a page of slots and the days it spans, whatever the step, range and team. The grid is
 * anchored to each working interval, so a narrower range offers the very same times.
 */
function firstSlots(members: MemberAvailability[], seats: number, range: Interval, now: number) {
  const slots: TeamSlot[] = [];
  const clocks = zoneClocks(); // the days share their neighbours' offsets
  for (let start = range.start; start < range.end && slots.length <= MAX_SLOTS; start += DAY_MS) {
    const day = { start, end: Math.min(start + DAY_MS, range.end) };
    slots.push(...teamSlotsOf(members, seats, { range: day, now, clocks }));
  }
  return { slots: slots.slice(0, MAX_SLOTS), truncated: slots.length > MAX_SLOTS };
}

const slotSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** For a class (seats > 1): places still free at this time. */
  placesLeft: z.number().int().optional(),
});

const slotsAnswer = z.object({
  timeZone: z.string(),
  slots: z.array(slotSchema),
  truncated: z.boolean(),
  /** With `truncated`: the relative URL of the rest. */
  next: z.string().nullable(),
});

const rateLimited = 'Too many computations from this client';

/** A slot as the API gives it: `placesLeft` only for a class, so a one-to-one answer is as it always was. */
const slotJson = (seats: number) => (s: TeamSlot) => ({
  start: new Date(s.start).toISOString(),
  end: new Date(s.end).toISOString(),
  ...(seats > 1 && { placesLeft: s.placesLeft }),
});

/**
 * The answer for these members at `now`, and how long it holds: until the first slot falls under the notice period.
 * A full page names in `next` the URL of the rest: `pageUrl` with `after` set to the last start given.
 */
function answer(members: MemberAvailability[], seats: number, timeZone: string, now: number, pageUrl: string) {
  const [first] = members;
  const { slots, truncated } = first
    ? firstSlots(members, seats, first.input.range, now)
    : { slots: [], truncated: false };
  const noticeEnds =
    first && slots.length > 0 ? slots[0]!.start - first.input.rules.minNoticeMinutes * 60_000 : Infinity;
  const next = truncated ? `${pageUrl}&after=${encodeURIComponent(new Date(slots.at(-1)!.start).toISOString())}` : null;
  const body = utf8.encode(JSON.stringify({ timeZone, slots: slots.map(slotJson(seats)), truncated, next }));
  return {
    body,
    etag: entityTag(body),
    validFrom: now,
    // New slots appear at the far end as the booking horizon moves: a minute late at most.
    validUntil: Math.min(noticeEnds, now + HORIZON_SLACK_MS),
  };
}

const HORIZON_SLACK_MS = 60_000;
const utf8 = new TextEncoder();

/** An answer's bytes, or `304` when the client already holds them (`If-None-Match`). */
function send(c: Context<AppEnv>, { body, etag }: { body: Uint8Array<ArrayBuffer>; etag: string }) {
  if (noneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304, { ETag: etag });
  return c.body(body, 200, { 'Content-Type': 'application/json', ETag: etag });
}

export interface SlotsRouteDeps {
  db: Db;
  now: () => Date;
  busyTimes: BusyTimeSource<Db>;
  cache?: SlotsCache;
  /** Answers computed (not cached) per client address and minute; beyond it 429 with `Retry-After`. */
  computeRateLimit: number;
  trustProxy: boolean;
}

/**
 * `GET /api/providers/:slug/next-available`: the first free slot of a service from today (or `from`, a date in
 * `tz`) to the booking horizon, and its date in `tz`, so the widget opens on that day without probing month by month.
 *
 * `GET /api/providers/:slug/slots`: free start times, as UTC instants, for the customer's days, at most
 * {@link MAX_SLOTS} an answer (`truncated: true` and the URL of the rest in `next`; `after=<instant>` asks for
 * the slots after a given start). With a `cache`, repeated questions skip the database except for the calendar
 * busy times (see slots-cache.ts); only the questions it cannot answer count against the client's limit.
 */
export function slotsRoutes(deps: SlotsRouteDeps) {
  const { db, cache } = deps;
  const countComputation = windowCounter(db, {
    windowMs: 60_000,
    limit: deps.computeRateLimit,
    now: () => deps.now().getTime(),
  });
  type Asked = Awaited<ReturnType<typeof bookableService>>;
  const load = (asked: Asked, range: Interval, now: number) =>
    loadTeamAvailability(db, { ...asked, range, now, busyTimes: deps.busyTimes });
  return new Hono<AppEnv>()
    .get(
      '/:slug/slots',
      describe({
        summary: 'Free slots of a service',
        description:
          "UTC instants whose start falls in the customer's days `from`–`to` (inclusive, at most 62 days), at most " +
          '2,000 an answer. Answers carry an `ETag`; `If-None-Match` gets 304.',
        responses: { 200: slotsAnswer, 304: 'Unchanged since the `ETag` sent', 429: rateLimited },
      }),
      slugParam,
      validate('query', slotsQuery),
      async (c) => {
        const query = c.req.valid('query');
        const slug = c.req.valid('param').slug;
        const now = deps.now().getTime();
        const key = `${slug}\n${query.service}\n${query.staff ?? 'any'}\n${query.from}\n${query.to}\n${query.tz ?? ''}\n${query.after ?? ''}`;
        // Which cached answer this URL is, for the replay in front of the app (ready-answers.ts).
        c.set('slotsAnswerKey', key);
        const cached = await cache?.get(key);
        if (!cached) await countComputation(`slots|${clientAddress(c, deps.trustProxy)}`);
        // An answer that no longer holds (new busy times, or `now` past its window) is computed again, uncounted.
        else if (bodyHolds(cached, now, await busyTimesOf(db, deps.busyTimes, cached.busyReads)))
          return send(c, cached);

        const version = (await cache?.version(slug)) ?? 0;
        const asked = await bookableService(db, slug, query.service, query.staff);
        const { provider, service } = asked;
        const timeZone = query.tz ?? provider.time_zone;
        const days = dateRange(query.from, query.to, timeZone);
        const range = { start: Math.max(days.start, (query.after ?? -Infinity) + 1), end: days.end };
        const loaded = await load(asked, range, now);
        const pageUrl = `/api/providers/${encodeURIComponent(slug)}/slots?${new URLSearchParams({
          service: String(query.service),
          ...(query.staff !== undefined && { staff: query.staff }),
          from: query.from,
          to: query.to,
          tz: timeZone,
        })}`;
        const fresh = answer(loaded, service.seats, timeZone, now, pageUrl);
        cache?.set(key, {
          providerId: provider.id,
          version,
          busyReads: busyReadsOf(loaded),
          busy: loaded.map((m) => m.input.externalBusy),
          ...fresh,
        });
        return send(c, fresh);
      },
    )
    .get(
      '/:slug/next-available',
      describe({
        summary: 'The first free slot of a service',
        description: 'From now (or the start of `from` in `tz`) up to the booking horizon, and its date in `tz`.',
        responses: {
          200: z.object({ timeZone: z.string(), slot: slotSchema.nullable(), date: z.string().nullable() }),
          429: rateLimited,
        },
      }),
      slugParam,
      validate('query', nextAvailableQuery),
      async (c) => {
        const query = c.req.valid('query');
        await countComputation(`slots|${clientAddress(c, deps.trustProxy)}`);
        const asked = await bookableService(db, c.req.valid('param').slug, query.service, query.staff);
        const { provider, service } = asked;
        const timeZone = query.tz ?? provider.time_zone;
        const now = deps.now().getTime();
        const from = query.from ? DateTime.fromISO(query.from, { zone: timeZone }).toMillis() : now;
        // computeSlots stops at the booking horizon itself; a day more covers its wall-clock end in any zone.
        const range = { start: Math.max(now, from), end: now + (provider.max_days_ahead + 1) * DAY_MS };
        const loaded = await load(asked, range, now);
        const slot = range.start < range.end ? firstTeamSlot(loaded, service.seats, range) : undefined;
        return c.json({
          timeZone,
          slot: slot ? slotJson(service.seats)(slot) : null,
          date: slot ? DateTime.fromMillis(slot.start, { zone: timeZone }).toISODate() : null,
        });
      },
    );
}
