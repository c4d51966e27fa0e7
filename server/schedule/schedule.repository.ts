import type { DateOverride, WeeklyInterval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';

export async function listWeeklyHours(db: Db, providerId: number): Promise<WeeklyInterval[]> {
  const rows = await db
    .selectFrom('weekly_hours')
    .select(['weekday', 'start_time', 'end_time'])
    .where('provider_id', '=', providerId)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
  return rows.map((r) => ({ weekday: r.weekday, start: r.start_time, end: r.end_time }));
}

/** Replaces the whole week in one go: the editor always saves the full picture. */
export async function replaceWeeklyHours(db: Db, providerId: number, intervals: WeeklyInterval[]): Promise<void> {
  await db.deleteFrom('weekly_hours').where('provider_id', '=', providerId).execute();
  if (intervals.length === 0) return;
  await db
    .insertInto('weekly_hours')
    .values(intervals.map((i) => ({ provider_id: providerId, weekday: i.weekday, start_time: i.start, end_time: i.end })))
    .execute();
}

/** Overrides whose date lies in [from, to] (inclusive, `YYYY-MM-DD`). */
export async function listOverrides(db: Db, providerId: number, from: string, to: string): Promise<DateOverride[]> {
  const rows = await db
    .selectFrom('date_overrides')
    .select(['date', 'start_time', 'end_time'])
    .where('provider_id', '=', providerId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('start_time')
    .execute();
  const byDate = new Map<string, DateOverride>();
  for (const row of rows) {
    const override = byDate.get(row.date) ?? { date: row.date, intervals: [] };
    if (row.start_time !== null && row.end_time !== null) override.intervals.push({ start: row.start_time, end: row.end_time });
    byDate.set(row.date, override);
  }
  return [...byDate.values()];
}

/** An override with no intervals is stored as one row with null times: closed all day. */
export async function replaceOverride(db: Db, providerId: number, override: DateOverride): Promise<void> {
  await deleteOverride(db, providerId, override.date);
  const rows = override.intervals.length
    ? override.intervals.map((i) => ({ provider_id: providerId, date: override.date, start_time: i.start, end_time: i.end }))
    : [{ provider_id: providerId, date: override.date, start_time: null, end_time: null }];
  await db.insertInto('date_overrides').values(rows).execute();
}

export async function deleteOverride(db: Db, providerId: number, date: string): Promise<number> {
  const result = await db
    .deleteFrom('date_overrides')
    .where('provider_id', '=', providerId)
    .where('date', '=', date)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
