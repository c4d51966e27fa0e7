import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from '../db/columns.js';

export interface ServicesTable {
  id: Generated<number>;
  provider_id: number;
  name: string;
  description: string;
  duration_minutes: number;
  price_minor: number;
  currency: string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  /** 1 or 0: an integer so the column reads the same on SQLite and PostgreSQL. */
  active: number;
  /** Places per time: 1 is a one-to-one appointment, more is a class taught by one member. */
  seats: ColumnType<number, number | undefined, number>;
  /** Recurring bookings: the most occurrences a series may have (null: not allowed; see server/series/). */
  repeat_max_count: ColumnType<number | null, number | null | undefined, number | null>;
  /** The intervals in weeks a customer may pick, as `"1,2"` (null with `repeat_max_count`). */
  repeat_every_weeks: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export type ServiceRow = Selectable<ServicesTable>;
export type NewService = Insertable<ServicesTable>;
export type ServiceUpdate = Updateable<ServicesTable>;
