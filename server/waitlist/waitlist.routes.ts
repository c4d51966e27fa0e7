import { Hono } from 'hono';
import { z } from 'zod';
import { tokenMatches } from '../auth/tokens.js';
import { bookingSchema, tokenQuery } from '../bookings/booking.schemas.js';
import type { BookingDeps } from '../bookings/booking.service.js';
import { customerBookingSchema } from '../bookings/booking.view.js';
import { findAppointment } from '../bookings/bookings.repository.js';
import { customerAccess } from '../bookings/bookings.routes.js';
import { AppError } from '../errors.js';
import type { AppEnv, SessionUser } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { rateLimit } from '../http/rate-limit.js';
import { describe } from '../http/route-doc.js';
import { idSchema, instantSchema, timeZoneSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { staffSchema } from '../slots/staff.js';
import { askForEarlier, entryAccess, joinClassLine, leaveLine, shownEntry } from './entries.js';
import type { OfferDeps } from './offers.js';
import { takeOffer } from './take.js';
import { findEntry, findEntryOfAppointment, findOfferDetail } from './waitlist.repository.js';
import { offerSchema, offerView, waitlistEntrySchema } from './waitlist.view.js';

export interface WaitlistRouteDeps {
  /** The booking path (every appointment listener): what a take goes through. */
  bookings: BookingDeps;
  offers: OfferDeps;
  bookingRateLimit: number;
  trustProxy: boolean;
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const token = z.string().max(100);

const filtersSchema = z
  .object({
    token: token.optional(),
    member: z.enum(['same', 'any']).optional(),
    days: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    from: hhmm.optional(),
    to: hhmm.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, {
    message: 'must be after from',
    path: ['to'],
  });

const joinSchema = z.object({
  provider: z.string().min(1).max(60),
  service: idSchema,
  start: instantSchema,
  staff: staffSchema.optional(),
  customer: bookingSchema.shape.customer.pick({ name: true, email: true }),
  timeZone: timeZoneSchema.optional(),
});

const bookingParam = z.object({ id: idSchema });
const entryParam = z.object({ entryId: idSchema });
const offerParam = z.object({ offerId: idSchema });
const tokenBody = z.object({ token: token.optional() });
const requiredToken = z.object({ token });

const oneEntry = z.object({ waitlist: waitlistEntrySchema.nullable() });
const tooMany = 'Too many bookings or changes from this client';
const refused = {
  description:
    'The offer went to someone else (`offer_taken`) or ran out (`offer_expired`); `next` beside `error` lists up to 5 other free times (ISO instants) for the entry, which keeps waiting',
  schema: z.object({
    error: z.object({ code: z.string(), message: z.string() }),
    next: z.array(z.string()),
  }),
};

/** The limit of the neighbouring booking endpoints: per client address and minute. */
const limitOf = (deps: WaitlistRouteDeps) =>
  rateLimit({
    db: deps.bookings.db,
    windowMs: 60_000,
    limit: deps.bookingRateLimit,
    key: (c) => `waitlist|${clientAddress(c, deps.trustProxy)}`,
    now: () => deps.bookings.now().getTime(),
  });

/** `/api/bookings/:id/waitlist`: a booked customer asks to be told of an earlier time (manage token or session). */
export function bookingWaitlistRoutes(deps: WaitlistRouteDeps) {
  const { db, now } = deps.bookings;
  const limit = limitOf(deps);
  const loadOwn = async (id: number, token: string | undefined, user: SessionUser | null) => {
    const appointment = await findAppointment(db, id);
    if (!appointment) throw AppError.notFound('Booking');
    customerAccess(token, user)(appointment);
    return appointment;
  };
  return new Hono<AppEnv>()
    .put(
      '/:id/waitlist',
      describe({
        summary: 'Wait for an earlier time',
        description:
          'Same service and business; `member` same (default) or any; optional ISO weekdays and an HH:MM window in the ' +
          "business's zone. Asking again replaces the filters and keeps the place in line.",
        responses: {
          200: oneEntry,
          409: 'Not a confirmed, upcoming one-to-one appointment (`not_waitlistable`)',
          429: tooMany,
        },
      }),
      limit,
      validate('param', bookingParam),
      validate('json', filtersSchema),
      async (c) => {
        const { token, ...filters } = c.req.valid('json');
        const appointment = await loadOwn(c.req.valid('param').id, token, c.get('user'));
        const entry = await askForEarlier(db, now(), appointment, filters);
        return c.json({ waitlist: await shownEntry(db, entry) });
      },
    )
    .get(
      '/:id/waitlist',
      describe({ summary: "A booking's waitlist entry", responses: { 200: oneEntry } }),
      validate('param', bookingParam),
      validate('query', tokenQuery),
      async (c) => {
        const appointment = await loadOwn(c.req.valid('param').id, c.req.valid('query').token, c.get('user'));
        return c.json({ waitlist: await shownEntry(db, await findEntryOfAppointment(db, appointment.id)) });
      },
    )
    .delete(
      '/:id/waitlist',
      describe({ summary: 'Stop waiting for an earlier time', responses: { 200: oneEntry, 429: tooMany } }),
      limit,
      validate('param', bookingParam),
      validate('json', tokenBody),
      async (c) => {
        const appointment = await loadOwn(c.req.valid('param').id, c.req.valid('json').token, c.get('user'));
        const entry = await findEntryOfAppointment(db, appointment.id);
        if (entry) await leaveLine(db, deps.offers, entry.id);
        return c.json({ waitlist: null });
      },
    );
}

/** `/api/waitlist`: lines of full classes, and the offers made from any line. */
export function waitlistRoutes(deps: WaitlistRouteDeps) {
  const { db, now } = deps.bookings;
  const limit = limitOf(deps);
  const loadEntry = async (id: number, token: string | undefined, user: SessionUser | null) => {
    const entry = await findEntry(db, id);
    if (!entry) throw AppError.notFound('Waitlist entry');
    const appointment = entry.appointment_id === null ? undefined : await findAppointment(db, entry.appointment_id);
    entryAccess(entry, appointment, token, user);
    return entry;
  };
  const loadOffer = async (id: number, token: string) => {
    const offer = await findOfferDetail(db, id);
    if (!offer || !tokenMatches(token, offer.token_hash)) throw AppError.notFound('Offer');
    return offer;
  };
  return new Hono<AppEnv>()
    .post(
      '/classes',
      describe({
        summary: 'Join the line of a full class time',
        description:
          "With a name and email; a signed-in customer's entry is linked to their account. The token is shown once.",
        responses: {
          201: z.object({ waitlist: waitlistEntrySchema, token: z.string() }),
          409: 'A place is free: book it instead (`class_not_full`), or this address is in line already',
          429: tooMany,
        },
      }),
      limit,
      validate('json', joinSchema),
      async (c) => {
        const { entry, token } = await joinClassLine(deps.bookings, c.req.valid('json'), c.get('user'));
        return c.json({ waitlist: await shownEntry(db, entry), token }, 201);
      },
    )
    .get(
      '/offers/:offerId',
      describe({
        summary: 'An offer of a freed time',
        description: 'With the token from its email. Reading never takes it (mail scanners open links).',
        responses: { 200: z.object({ offer: offerSchema }) },
      }),
      validate('param', offerParam),
      validate('query', requiredToken),
      async (c) => {
        const offer = await loadOffer(c.req.valid('param').offerId, c.req.valid('query').token);
        return c.json({ offer: offerView(offer, now()) });
      },
    )
    .post(
      '/offers/:offerId/take',
      describe({
        summary: 'Take an offer',
        description:
          'Moves the appointment to the offered time (or books the class place), atomically; emails and calendars ' +
          'follow as for a reschedule or booking.',
        responses: {
          200: z.object({ offer: offerSchema, booking: customerBookingSchema }),
          409: refused,
          429: tooMany,
        },
      }),
      limit,
      validate('param', offerParam),
      validate('json', requiredToken),
      async (c) => {
        const { offerId } = c.req.valid('param');
        const { token } = c.req.valid('json');
        const booking = await takeOffer(deps, offerId, token);
        return c.json({ offer: offerView(await loadOffer(offerId, token), now()), booking });
      },
    )
    .get(
      '/:entryId',
      describe({ summary: 'A waitlist entry', responses: { 200: oneEntry } }),
      validate('param', entryParam),
      validate('query', tokenQuery),
      async (c) => {
        const entry = await loadEntry(c.req.valid('param').entryId, c.req.valid('query').token, c.get('user'));
        return c.json({ waitlist: await shownEntry(db, entry) });
      },
    )
    .delete(
      '/:entryId',
      describe({ summary: 'Leave the line', responses: { 200: oneEntry, 429: tooMany } }),
      limit,
      validate('param', entryParam),
      validate('json', tokenBody),
      async (c) => {
        const entry = await loadEntry(c.req.valid('param').entryId, c.req.valid('json').token, c.get('user'));
        await leaveLine(db, deps.offers, entry.id);
        return c.json({ waitlist: null });
      },
    );
}
