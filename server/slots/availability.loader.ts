import { DateTime } from 'luxon';
import type {
  AvailabilityInput,
  BookedInterval,
  BusyTimeSource,
  DateOverride,
  Interval,
  ServiceTiming,
  WeeklyInterval,
} from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { effectiveOverrides, listWeeklyHours } from '../schedule/schedule.repository.js';
import type { ServiceRow } from '../services/services.table.js';

export const noBusyTimes: BusyTimeSource<Db> = async () => [];

const DAY_MS = 24 * 60 * 60 * 1000;
// No appointment plus its buffers lasts two days, so this margin finds every one that can touch a range.
const MARGIN_MS = 2 * DAY_MS;

/**
 * Confirmed appointments of these providers that may touch `range`, as the intervals they keep busy,
 * in one query (one provider for a slot list, a page of them for the directory).
 */
export async function bookedIntervalsOf(
  db: Db,
  providerIds: number[],
  range: Interval,
  excludeAppointmentId?: number,
): Promise<Map<number, BookedInterval[]>> {
  let query = db
    .selectFrom('appointments')
    .select(['provider_id', 'start_at', 'end_at', 'blocked_start_at', 'blocked_end_at'])
    .where('provider_id', 'in', providerIds)
    .where('status', '=', 'confirmed')
    .where('start_at', '>', new Date(range.start - MARGIN_MS).toISOString())
    .where('start_at', '<', new Date(range.end + MARGIN_MS).toISOString());
  if (excludeAppointmentId !== undefined) query = query.where('id', '!=', excludeAppointmentId);
  const byProvider = new Map<number, BookedInterval[]>();
  for (const a of await query.execute()) {
    const list = byProvider.get(a.provider_id) ?? [];
    list.push({
      start: Date.parse(a.start_at),
      end: Date.parse(a.end_at),
      blockedStart: Date.parse(a.blocked_start_at),
      blockedEnd: Date.parse(a.blocked_end_at),
    });
    byProvider.set(a.provider_id, list);
  }
  return byProvider;
}

export const timingOf = (service: ServiceRow): ServiceTiming => ({
  durationMinutes: service.duration_minutes,
  bufferBeforeMinutes: service.buffer_before_minutes,
  bufferAfterMinutes: service.buffer_after_minutes,
});

/**
 * Where busy times can touch a slot starting in `range`: a slot keeps its buffer before, its own time and its
 * buffer after, so busy times are read that much wider than the starts. Read over the starts alone, a busy event
 * in the second half of a slot (or past the edge of the customer's day) went unseen.
 */
export function busyWindowOf(range: Interval, timing: ServiceTiming): Interval {
  return {
    start: range.start - timing.bufferBeforeMinutes * 60_000,
    end: range.end + (timing.durationMinutes + timing.bufferAfterMinutes) * 60_000,
  };
}

/** Puts the rows of one provider and service together as the pure `computeSlots` wants them. */
export function availabilityInput(parts: {
  provider: ProviderRow;
  service: ServiceRow;
  weeklyHours: WeeklyInterval[];
  overrides: DateOverride[];
  appointments: BookedInterval[];
  externalBusy: Interval[];
  now: number;
  range: Interval;
}): AvailabilityInput {
  const { provider, service } = parts;
  return {
    timeZone: provider.time_zone,
    weeklyHours: parts.weeklyHours,
    overrides: parts.overrides,
    service: timingOf(service),
    appointments: parts.appointments,
    externalBusy: parts.externalBusy,
    rules: {
      minNoticeMinutes: provider.min_notice_minutes,
      maxDaysAhead: provider.max_days_ahead,
      slotStepMinutes: provider.slot_step_minutes,
    },
    now: parts.now,
    range: parts.range,
  };
}

export interface LoadOptions {
  provider: ProviderRow;
  service: ServiceRow;
  range: Interval;
  now: number;
  busyTimes: BusyTimeSource<Db>;
  /** Leave this appointment out, so a reschedule does not collide with itself. */
  excludeAppointmentId?: number;
}

/** Gathers everything `computeSlots` needs for one provider, service and range. */
export async function loadAvailabilityInput(db: Db, options: LoadOptions): Promise<AvailabilityInput> {
  const { provider, range } = options;
  const zone = provider.time_zone;
  // Local dates that may hold a slot in the range, a day wider on each side for zone offsets.
  const fromDate = DateTime.fromMillis(range.start - DAY_MS, { zone }).toISODate()!;
  const toDate = DateTime.fromMillis(range.end + DAY_MS, { zone }).toISODate()!;
  const [weeklyHours, overrides, booked, externalBusy] = await Promise.all([
    listWeeklyHours(db, provider.id),
    effectiveOverrides(db, provider.id, fromDate, toDate),
    bookedIntervalsOf(db, [provider.id], range, options.excludeAppointmentId),
    options.busyTimes(db, provider.id, busyWindowOf(range, timingOf(options.service))),
  ]);
  return availabilityInput({
    provider,
    service: options.service,
    weeklyHours,
    overrides,
    appointments: booked.get(provider.id) ?? [],
    externalBusy,
    now: options.now,
    range,
  });
}
