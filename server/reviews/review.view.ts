import { z } from 'zod';
import type { PublicReviewRow, ReviewRow } from './reviews.repository.js';

export const publicReviewSchema = z.object({
  id: z.number().int(),
  rating: z.number().int(),
  body: z.string(),
  /** First name and initial ("Dana C."), or "Former customer". */
  author: z.string(),
  service: z.string(),
  createdAt: z.string(),
  /** The business's one public reply. */
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
});

export const ownReviewSchema = z.object({
  id: z.number().int(),
  appointmentId: z.number().int(),
  rating: z.number().int(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reply: z.string().nullable(),
});

/** "Dana Customer" → "Dana C.": reviews show the first name and an initial, never more. */
export function shortName(fullName: string): string {
  const [first = '', ...rest] = fullName.trim().split(/\s+/);
  const initial = rest.at(-1)?.[0];
  return initial ? `${first} ${initial.toUpperCase()}.` : first;
}

export function publicReview(r: PublicReviewRow): z.output<typeof publicReviewSchema> {
  return {
    id: r.id,
    rating: r.rating,
    body: r.body,
    author: r.author_name === null ? 'Former customer' : shortName(r.author_name),
    service: r.service_name,
    createdAt: r.created_at,
    reply: r.reply,
    repliedAt: r.replied_at,
  };
}

export function ownReview(r: ReviewRow): z.output<typeof ownReviewSchema> {
  return {
    id: r.id,
    appointmentId: r.appointment_id,
    rating: r.rating,
    body: r.body,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    reply: r.reply,
  };
}
