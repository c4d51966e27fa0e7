import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session.middleware.js';
import { findAppointment } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam, idSchema, textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { findProviderBySlug, ratingOf } from '../providers/providers.repository.js';
import { ownReview, ownReviewSchema, publicReview, publicReviewSchema } from './review.view.js';
import { assertEditable, assertRepliable, assertReviewable } from './review-rules.js';
import {
  findReview,
  findReviewOfAppointment,
  insertReview,
  listCustomerReviews,
  listProviderReviews,
  updateReview,
} from './reviews.repository.js';

const rating = z.number().int().min(1).max(5);
const body = textSchema(2000);
const PAGE_SIZE = 10;

/**
 * `/api/reviews`: a customer reviews their own completed appointment, and edits it for 30 days; `GET` lists
 * their own reviews (to show "edit" or "leave a review" beside each appointment).
 */
export function reviewsRoutes(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .use(requireUser)
    .use(async (c, next) => {
      if (c.get('user')!.role !== 'customer') throw new AppError('forbidden', 'Only customers write reviews');
      await next();
    })
    .get(
      '/',
      describe({
        summary: "The signed-in customer's reviews",
        responses: { 200: z.object({ reviews: z.array(ownReviewSchema) }), 403: 'Not a customer' },
      }),
      validate('query', z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) })),
      async (c) => {
        const rows = await listCustomerReviews(db, c.get('user')!.id, c.req.valid('query').limit);
        return c.json({ reviews: rows.map(ownReview) });
      },
    )
    .post(
      '/',
      describe({
        summary: 'Review a completed appointment',
        description: "One's own, once (rating 1–5).",
        responses: {
          201: z.object({ review: ownReviewSchema }),
          403: 'Not a customer',
          409: 'Already reviewed, or not completed',
        },
      }),
      validate('json', z.object({ appointmentId: idSchema, rating, body })),
      async (c) => {
        const input = c.req.valid('json');
        const customerId = c.get('user')!.id;
        const appointment = await findAppointment(db, input.appointmentId);
        assertReviewable(
          appointment,
          customerId,
          (await findReviewOfAppointment(db, input.appointmentId)) !== undefined,
        );
        const at = now().toISOString();
        const review = await insertReview(db, {
          appointment_id: input.appointmentId,
          provider_id: appointment!.provider_id,
          customer_user_id: customerId,
          rating: input.rating,
          body: input.body,
          created_at: at,
          updated_at: at,
        }).catch((error: unknown) => {
          if (isUniqueViolation(error, 'reviews'))
            throw new AppError('conflict', 'This appointment already has a review');
          throw error;
        });
        return c.json({ review: ownReview(review) }, 201);
      },
    )
    .patch(
      '/:id',
      describe({
        summary: "Edit one's review",
        description: 'For 30 days.',
        responses: { 200: z.object({ review: ownReviewSchema }), 403: 'Not a customer', 409: 'Too late to edit' },
      }),
      validate('param', idParam),
      validate('json', z.object({ rating, body }).partial()),
      async (c) => {
        const review = await findReview(db, c.req.valid('param').id);
        if (!review) throw AppError.notFound('Review');
        assertEditable(review, c.get('user')!.id, now());
        const updated = await updateReview(db, review.id, { ...c.req.valid('json'), updated_at: now().toISOString() });
        return c.json({ review: ownReview(updated) });
      },
    );
}

/** `GET /api/providers/:slug/reviews?page=`: newest first, ten a page, with the average. */
export function providerReviewsRoutes(db: Db) {
  return new Hono<AppEnv>().get(
    '/:slug/reviews',
    describe({
      summary: "A business's reviews",
      description: 'Newest first, ten a page, with the average.',
      responses: {
        200: z.object({
          average: z.number().nullable(),
          count: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
          reviews: z.array(publicReviewSchema),
        }),
      },
    }),
    validate('param', z.object({ slug: z.string().max(60) })),
    validate('query', z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) })),
    async (c) => {
      const provider = await findProviderBySlug(db, c.req.valid('param').slug);
      if (!provider) throw AppError.notFound('Provider');
      const { page } = c.req.valid('query');
      const [rows, summary] = await Promise.all([
        listProviderReviews(db, provider.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        ratingOf(db, provider.id),
      ]);
      return c.json({ ...summary, page, pageSize: PAGE_SIZE, reviews: rows.map(publicReview) });
    },
  );
}

/** `/api/admin/reviews`: the provider reads their reviews and replies once to each. */
export function adminReviewsRoutes(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: "The business's reviews",
        responses: {
          200: z.object({ page: z.number().int(), pageSize: z.number().int(), reviews: z.array(publicReviewSchema) }),
        },
      }),
      validate('query', z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) })),
      async (c) => {
        const { page } = c.req.valid('query');
        const rows = await listProviderReviews(db, c.get('provider').id, {
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        });
        return c.json({ page, pageSize: PAGE_SIZE, reviews: rows.map(publicReview) });
      },
    )
    .post(
      '/:id/reply',
      describe({
        summary: 'Reply to a review',
        description: 'One public reply each.',
        responses: { 200: z.object({ review: ownReviewSchema }), 409: 'Already replied' },
      }),
      validate('param', idParam),
      validate('json', z.object({ reply: textSchema(2000).pipe(z.string().min(1)) })),
      async (c) => {
        const review = await findReview(db, c.req.valid('param').id);
        assertRepliable(review, c.get('provider').id);
        const updated = await updateReview(db, review!.id, {
          reply: c.req.valid('json').reply,
          replied_at: now().toISOString(),
        });
        return c.json({ review: ownReview(updated) });
      },
    );
}
