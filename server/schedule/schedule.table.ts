import type { Generated } from 'kysely';

export interface WeeklyHoursTable {
  id: Generated<number>;
  provider_id: number;
  /** The member whose hours these are. */
  member_id: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  start_time: string;
  end_time: string;
}

/** A closure over whole days, `from_date` to `to_date` inclusive (local dates in the provider's zone). */
export interface ClosuresTable {
  id: Generated<number>;
  provider_id: number;
  from_date: string;
  to_date: string;
  /** What the owner calls it ("Summer holiday"); may be empty. */
  label: string;
}

export interface DateOverridesTable {
  id: Generated<number>;
  provider_id: number;
  member_id: number;
  date: string;
  /** Both null: closed all day. Otherwise one special-hours interval (a date may have several rows). */
  start_time: string | null;
  end_time: string | null;
}
