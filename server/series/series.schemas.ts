import { z } from 'zod';
import { bookingSchema } from '../bookings/booking.schemas.js';
import { REPEAT_LIMITS } from '../services/repeat.js';

/** Every how many weeks and how many occurrences; the service's own limits are checked against it (422). */
const repeatChoice = {
  everyWeeks: z.number().int().min(1).max(REPEAT_LIMITS.maxEveryWeeks),
  count: z.number().int().min(REPEAT_LIMITS.minCount).max(REPEAT_LIMITS.maxCount),
};

/** `POST /api/bookings/series/check`: the booking's slot and who, without the customer. */
export const seriesCheckSchema = bookingSchema.omit({ customer: true, note: true }).extend(repeatChoice);

/**
 * `POST /api/bookings/series`: a booking and its repetition. `mode: 'all'` books every occurrence or none (409);
 * 'available' books the free ones and skips the taken.
 */
export const seriesSchema = bookingSchema.extend({
  ...repeatChoice,
  mode: z.enum(['all', 'available']).default('all'),
});

export type SeriesCheckRequest = z.output<typeof seriesCheckSchema>;
export type SeriesRequest = z.output<typeof seriesSchema>;
