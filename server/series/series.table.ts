import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

/**
 * A recurring series: `count` occurrences every `every_weeks` weeks from `start_at` (occurrence 0), at its wall
 * time in the business's zone. Each booked occurrence is an appointment with `series_id` and `series_index`; the
 * ones not booked (taken when the customer booked) have none.
 */
export interface AppointmentSeriesTable {
  id: Generated<number>;
  provider_id: number;
  service_id: number;
  /** The one member who serves every occurrence (customers want the same person). */
  member_id: number;
  customer_user_id: number | null;
  start_at: Instant;
  every_weeks: number;
  count: number;
  created_at: CreatedAt;
}

export type SeriesRow = Selectable<AppointmentSeriesTable>;
