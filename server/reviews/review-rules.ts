import { AppError } from '../errors.js';

export const EDIT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** Only the customer of a completed appointment may review it, once. */
export function assertReviewable(
  appointment: { status: string; customer_user_id: number | null } | undefined,
  customerId: number,
  alreadyReviewed: boolean,
): void {
  if (!appointment || appointment.customer_user_id !== customerId) throw AppError.notFound('Appointment');
  if (appointment.status !== 'completed')
    throw new AppError('invalid_transition', 'Only completed appointments can be reviewed');
  if (alreadyReviewed) throw new AppError('conflict', 'This appointment already has a review; edit it instead');
}

/** A review stays editable by its author for 30 days after it was written. */
export function assertEditable(
  review: { customer_user_id: number | null; created_at: string },
  customerId: number,
  now: Date,
): void {
  if (review.customer_user_id !== customerId) throw AppError.notFound('Review');
  if (now.getTime() - Date.parse(review.created_at) > EDIT_WINDOW_MS) {
    throw new AppError('forbidden', 'Reviews can be edited for 30 days after they are written');
  }
}

/** The provider may answer each of their reviews publicly, once. */
export function assertRepliable(
  review: { provider_id: number; reply: string | null } | undefined,
  providerId: number,
): void {
  if (!review || review.provider_id !== providerId) throw AppError.notFound('Review');
  if (review.reply !== null) throw new AppError('conflict', 'This review already has a reply');
}
