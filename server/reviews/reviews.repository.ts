import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.js';
import type { ReviewsTable } from './reviews.table.js';

export type ReviewRow = Selectable<ReviewsTable>;

export interface PublicReviewRow extends ReviewRow {
  /** Null when the author deleted their account and kept the review. */
  author_name: string | null;
  service_name: string;
}

export async function findReview(db: Db, id: number): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReviewOfAppointment(db: Db, appointmentId: number): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('appointment_id', '=', appointmentId).executeTakeFirst();
}

export async function insertReview(
  db: Db,
  values: Pick<
    ReviewRow,
    'appointment_id' | 'provider_id' | 'customer_user_id' | 'rating' | 'body' | 'created_at' | 'updated_at'
  >,
): Promise<ReviewRow> {
  return db
    .insertInto('reviews')
    .values({ ...values, reply: null, replied_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateReview(
  db: Db,
  id: number,
  // Kysely leaves out a column whose value is undefined: a PATCH that omits a field keeps it.
  values: { [K in 'rating' | 'body' | 'reply' | 'replied_at' | 'updated_at']?: ReviewRow[K] | undefined },
): Promise<ReviewRow> {
  return db.updateTable('reviews').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The customer's own reviews, newest first: the account page shows them beside their appointments. */
export async function listCustomerReviews(db: Db, customerId: number, limit: number): Promise<ReviewRow[]> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('customer_user_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Newest first, with the reviewer's name (shortened for the public by the view) and the service. */
export async function listProviderReviews(
  db: Db,
  providerId: number,
  page: { limit: number; offset: number },
): Promise<PublicReviewRow[]> {
  return db
    .selectFrom('reviews')
    .leftJoin('users', 'users.id', 'reviews.customer_user_id')
    .innerJoin('appointments', 'appointments.id', 'reviews.appointment_id')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .selectAll('reviews')
    .select(['users.name as author_name', 'services.name as service_name'])
    .where('reviews.provider_id', '=', providerId)
    .orderBy('reviews.created_at', 'desc')
    .orderBy('reviews.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
