import type { Generated } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

export interface ReviewsTable {
  id: Generated<number>;
  appointment_id: number;
  provider_id: number;
  /** Null once the author deleted their account and chose to keep the review, anonymous. */
  customer_user_id: number | null;
  rating: number;
  body: string;
  reply: string | null;
  replied_at: Instant | null;
  created_at: CreatedAt;
  updated_at: Instant;
}
