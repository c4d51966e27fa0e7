import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session.middleware.js';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { findUserById } from '../auth/users.repository.js';
import type { SlotsChanged } from '../availability/availability.types.js';
import type { BookingDeps } from '../bookings/booking.service.js';
import {
  adminAppointmentSchema,
  bookingView,
  customerBookingSchema,
  customerContactOf,
} from '../bookings/booking.view.js';
import { listAppointments } from '../bookings/bookings.repository.js';
import { bodyFor } from '../email/email.view.js';
import { listEmailsTo } from '../email/mailbox.repository.js';
import { AppError } from '../errors.js';
import type { AppEnv, SessionUser } from '../http/app-env.js';
import { rateLimit } from '../http/rate-limit.js';
import { describe } from '../http/route-doc.js';
import { validate } from '../http/validate.js';
import { ownReview, ownReviewSchema } from '../reviews/review.view.js';
import { listCustomerReviews } from '../reviews/reviews.repository.js';
import { closeBusiness, deleteCustomer } from './privacy.service.js';

/** Enough for any one person's history; an export is not paged. */
const EXPORT_LIMIT = 10_000;

const exportSchema = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['customer', 'provider']),
    emailVerifiedAt: z.string().nullable(),
    createdAt: z.string(),
  }),
  appointments: z.array(
    customerBookingSchema.extend({
      customer: adminAppointmentSchema.shape.customer,
      createdAt: z.string(),
    }),
  ),
  reviews: z.array(ownReviewSchema),
  emails: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      status: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});

const deleteSchema = z.object({ password: z.string().min(1).max(200), reviews: z.enum(['anonymous', 'delete']) });

/**
 * `/api/me`: `GET /export` hands the signed-in user everything the product holds about them, as one JSON file;
 * `DELETE /` deletes a customer's account (password again, and what becomes of their reviews).
 */
export function myDataRoutes(deps: BookingDeps & { secureCookies: boolean }) {
  const { db } = deps;
  // The password is asked again: a stolen session must not make this a way to guess it.
  const attemptsPerUser = rateLimit({
    db: deps.db,
    windowMs: 60 * 60 * 1000,
    limit: 5,
    now: () => deps.now().getTime(),
    key: (c) => `delete-account|${(c.get('user') as SessionUser).id}`,
  });
  return new Hono<AppEnv>()
    .use(requireUser)
    .get(
      '/export',
      describe({
        summary: 'Everything stored about the signed-in user',
        description: 'A JSON attachment: account, appointments, reviews and emails (link tokens hidden).',
        responses: { 200: exportSchema },
      }),
      async (c) => {
        const user = (await findUserById(db, c.get('user')!.id))!;
        const [appointments, reviews, emails] = await Promise.all([
          listAppointments(db, { customerUserId: user.id, limit: EXPORT_LIMIT }),
          listCustomerReviews(db, user.id, EXPORT_LIMIT),
          listEmailsTo(db, user.id, EXPORT_LIMIT),
        ]);
        c.header('Content-Disposition', 'attachment; filename="my-data.json"');
        c.header('Cache-Control', 'no-store');
        return c.json({
          exportedAt: deps.now().toISOString(),
          account: {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            emailVerifiedAt: user.email_verified_at,
            createdAt: user.created_at,
          },
          appointments: appointments.map((a) => ({
            ...bookingView(a, deps.appUrl),
            customer: customerContactOf(a),
            createdAt: a.created_at,
          })),
          reviews: reviews.map(ownReview),
          // Link tokens in the bodies stay hidden: a file lying around must not open bookings.
          emails: emails.map((e) => ({
            id: e.id,
            kind: e.kind,
            to: e.to_address,
            subject: e.subject,
            text: bodyFor(e, undefined).text,
            status: e.status,
            createdAt: e.created_at,
            sentAt: e.sent_at,
          })),
        });
      },
    )
    .delete(
      '/',
      describe({
        summary: "Delete the signed-in customer's account",
        description: 'Upcoming bookings are cancelled, contact details erased, reviews kept anonymous or deleted.',
        responses: {
          200: z.object({ deleted: z.literal(true) }),
          401: 'Wrong password',
          403: 'Not a customer',
          429: { description: 'Five attempts an hour', headers: { 'Retry-After': 'Seconds' } },
        },
      }),
      attemptsPerUser,
      validate('json', deleteSchema),
      async (c) => {
        await deleteCustomer(deps, c.get('user')!.id, c.req.valid('json'));
        clearSessionCookie(c, deps.secureCookies);
        return c.json({ deleted: true });
      },
    );
}

/** `/api/admin/business`: `POST /close` closes the provider's business; the slug typed again confirms it. */
export function businessRoutes(deps: BookingDeps & { slotsChanged: SlotsChanged }) {
  return new Hono<AppEnv>().post(
    '/close',
    describe({
      summary: 'Close the business',
      description:
        'Customers of upcoming appointments are told; it leaves the directory and is deleted 30 days later. The owner only.',
      responses: { 200: z.object({ closed: z.literal(true) }), 403: 'Not the owner', 409: 'Closed already' },
    }),
    validate('json', z.object({ confirm: z.string().max(60) })),
    async (c) => {
      const provider = c.get('provider');
      if (c.req.valid('json').confirm !== provider.slug) {
        throw new AppError('invalid_request', 'Type your business address (slug) to confirm', {
          confirm: `type "${provider.slug}"`,
        });
      }
      if (provider.closed_at !== null) throw new AppError('conflict', 'This business is closed already');
      await closeBusiness(deps, provider.id);
      return c.json({ closed: true });
    },
  );
}
