import type { DateOverride, WeeklyInterval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { ServiceRow } from '../db/database.js';

/**
 * Batched loads for "next available" over one page of search results: one query per table for the whole page,
 * whatever its size, instead of one per provider.
 */

/** The first active service (lowest id) of each provider. */
export async function firstActiveServices(db: Db, providerIds: number[]): Promise<Map<number, ServiceRow>> {
  const rows = await db
    .selectFrom('services')
    .selectAll()
    .where('provider_id', 'in', providerIds)
    .where('active', '=', 1)
    .orderBy('provider_id')
    .orderBy('id')
    .execute();
  const first = new Map<number, ServiceRow>();
  for (const row of rows) if (!first.has(row.provider_id)) first.set(row.provider_id, row);
  return first;
}

export async function weeklyHoursOf(db: Db, providerIds: number[]): Promise<Map<number, WeeklyInterval[]>> {
  const rows = await db
    .selectFrom('weekly_hours')
    .select(['provider_id', 'weekday', 'start_time', 'end_time'])
    .where('provider_id', 'in', providerIds)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
  const byProvider = new Map<number, WeeklyInterval[]>();
  for (const r of rows) {
    const list = byProvider.get(r.provider_id) ?? [];
    list.push({ weekday: r.weekday, start: r.start_time, end: r.end_time });
    byProvider.set(r.provider_id, list);
  }
  return byProvider;
}

/** Overrides whose local date lies in [from, to]; a date with only a null row is closed. */
export async function overridesOf(db: Db, providerIds: number[], from: string, to: string): Promise<Map<number, DateOverride[]>> {
  const rows = await db
    .selectFrom('date_overrides')
    .select(['provider_id', 'date', 'start_time', 'end_time'])
    .where('provider_id', 'in', providerIds)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('start_time')
    .execute();
  const byProvider = new Map<number, Map<string, DateOverride>>();
  for (const r of rows) {
    const dates = byProvider.get(r.provider_id) ?? new Map<string, DateOverride>();
    const override = dates.get(r.date) ?? { date: r.date, intervals: [] };
    if (r.start_time !== null && r.end_time !== null) override.intervals.push({ start: r.start_time, end: r.end_time });
    dates.set(r.date, override);
    byProvider.set(r.provider_id, dates);
  }
  return new Map([...byProvider].map(([id, dates]) => [id, [...dates.values()]]));
}

export interface BusyAppointment {
  provider_id: number;
  start_at: string;
  end_at: string;
  blocked_start_at: string;
  blocked_end_at: string;
}

/** Confirmed appointments starting in [from, to) (ISO instants), for every provider of the page. */
export async function confirmedAppointmentsOf(db: Db, providerIds: number[], from: string, to: string): Promise<BusyAppointment[]> {
  return db
    .selectFrom('appointments')
    .select(['provider_id', 'start_at', 'end_at', 'blocked_start_at', 'blocked_end_at'])
    .where('provider_id', 'in', providerIds)
    .where('status', '=', 'confirmed')
    .where('start_at', '>', from)
    .where('start_at', '<', to)
    .execute();
}
