import { Hono } from 'hono';
import { z } from 'zod';
import { bookingParam, idempotencyHeader, tokenQuery } from '../bookings/booking.schemas.js';
import { customerBookingSchema } from '../bookings/booking.view.js';
import { type BookingRouteDeps, findForCustomer, limitBookingsByAddress } from '../bookings/bookings.routes.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { errorBody } from '../http/error-body.schema.js';
import { rateLimit } from '../http/rate-limit.js';
import { describe } from '../http/route-doc.js';
import { validate } from '../http/validate.js';
import { seriesCheckSchema, seriesSchema } from './series.schemas.js';
import { checkSeries, createSeries, seriesDates } from './series.service.js';

const instant = z.string().describe('UTC instant, ISO 8601');
const occurrenceSchema = z.object({
  index: z.number().int(),
  start: instant,
  end: instant,
  free: z.boolean(),
  reason: z.enum(['taken', 'outside_hours', 'beyond_horizon', 'too_soon']).optional(),
});
const conflict = {
  description: 'Some dates are not free (`series_conflict`): in mode `all`, or none is free. Nothing was booked.',
  schema: errorBody.extend({ occurrences: z.array(occurrenceSchema) }),
};
const notAllowed = 'The service allows no series (`repeat_not_allowed`), or not this interval or count (`fields`)';

/** `/api/bookings/series`: recurring appointments, checked and booked as one (docs/api.md). */
export function seriesRoutes(deps: BookingRouteDeps & { checkRateLimit: number }) {
  // A check computes like a slots answer, for up to 52 dates: counted per address apart from bookings.
  const limitChecks = rateLimit({
    db: deps.db,
    windowMs: 60_000,
    limit: deps.checkRateLimit,
    key: (c) => `series-check|${clientAddress(c, deps.trustProxy)}`,
    now: () => deps.now().getTime(),
  });
  return new Hono<AppEnv>()
    .post(
      '/check',
      describe({
        summary: 'Which dates of a recurring series are free',
        description: 'Each occurrence checked as a single booking, for one member for the whole series.',
        responses: {
          200: z.object({ memberSlug: z.string().nullable(), occurrences: z.array(occurrenceSchema) }),
          422: notAllowed,
          429: 'Too many checks from this client',
        },
      }),
      limitChecks,
      validate('json', seriesCheckSchema),
      async (c) => c.json(await checkSeries(deps, c.req.valid('json'))),
    )
    .post(
      '/',
      describe({
        summary: 'Book a recurring series',
        description:
          'One transaction: mode `all` books every occurrence or none, `available` the free ones. The same `Idempotency-Key` and body give the same answer.',
        responses: {
          201: z.object({
            series: z.object({
              id: z.number().int(),
              everyWeeks: z.number().int(),
              count: z.number().int(),
              start: instant.describe('Occurrence 0'),
              staff: z.object({ slug: z.string(), name: z.string() }),
            }),
            bookings: z.array(customerBookingSchema),
            skipped: z.array(occurrenceSchema.pick({ index: true, start: true, reason: true })),
            token: z.string().describe('The manage token of every occurrence'),
          }),
          409: conflict,
          422: notAllowed,
          429: 'Too many bookings or changes from this client',
        },
      }),
      limitBookingsByAddress(deps),
      validate('header', idempotencyHeader),
      validate('json', seriesSchema),
      async (c) => {
        const user = c.get('user');
        const result = await createSeries(deps, c.req.valid('json'), {
          idempotencyKey: c.req.valid('header')['idempotency-key'],
          customerUserId: user?.role === 'customer' ? user.id : undefined,
        });
        return c.json(result.body as object, result.status as 201);
      },
    );
}

const seriesDatesSchema = z.object({
  series: z.object({ id: z.number().int(), everyWeeks: z.number().int(), count: z.number().int() }),
  occurrences: z.array(
    z.object({
      id: z.number().int(),
      index: z.number().int().describe('From 0; an occurrence skipped when booking has no entry'),
      start: instant,
      end: instant,
      status: customerBookingSchema.shape.status,
    }),
  ),
});

/**
 * `/api/bookings/:id/series`: from one occurrence's manage link, every date of its series, so the customer can reach
 * the others (their links take the same token). Mounted beside the bookings routes, under `/api/bookings`.
 */
export function seriesDatesRoutes(deps: { db: Db }) {
  return new Hono<AppEnv>().get(
    '/:id/series',
    describe({
      summary: 'Every date of the series a booking is in, for its customer',
      description:
        'Same access as `GET /api/bookings/{id}`: the manage token, or the signed-in customer who booked. A booking that is not an occurrence of a series is a 404.',
      responses: { 200: seriesDatesSchema },
    }),
    validate('param', bookingParam),
    validate('query', tokenQuery),
    async (c) => {
      const { id } = c.req.valid('param');
      const appointment = await findForCustomer(deps.db, id, c.req.valid('query').token, c.get('user'));
      return c.json(await seriesDates(deps.db, appointment));
    },
  );
}
