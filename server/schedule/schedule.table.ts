import type { Generated } from 'kysely';

export interface WeeklyHoursTable {
  id: Generated<number>;
  provider_id: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface DateOverridesTable {
  id: Generated<number>;
  provider_id: number;
  date: string;
  /** Both null: closed all day. Otherwise one special-hours interval (a date may have several rows). */
  start_time: string | null;
  end_time: string | null;
}
