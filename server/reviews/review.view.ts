import type { PublicReviewRow, ReviewRow } from './reviews.repository.js';

/** "Dana Customer" → "Dana C.": reviews show the first name and an initial, never more. */
export function shortName(fullName: string): string {
  const [first = '', ...rest] = fullName.trim().split(/\s+/);
  const initial = rest.at(-1)?.[0];
  return initial ? `${first} ${initial.toUpperCase()}.` : first;
}

export function publicReview(r: PublicReviewRow) {
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

export function ownReview(r: ReviewRow) {
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
