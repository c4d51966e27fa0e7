import { DateTime } from 'luxon';
import type { AvailabilityInput, Interval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { ProviderRow, ServiceRow } from '../db/database.js';
import { listOverrides, listWeeklyHours } from '../schedule/schedule.repository.js';

/** Busy intervals from a provider's own calendars (filled in by calendar sync; none by default). */
export type BusyTimeSource = (db: Db, providerId: number, range: Interval) => Promise<Interval[]>;

// No appointment plus its buffers lasts two days, so this margin finds every one that can touch the range.
const MARGIN_MS = 2 * 24 * 60 * 60 * 1000;

export interface LoadOptions {
  provider: ProviderRow;
  service: ServiceRow;
  range: Interval;
  now: number;
  busyTimes: BusyTimeSource;
  /** Leave this appointment out, so a reschedule does not collide with itself. */
  excludeAppointmentId?: number;
}

/** Gathers everything `computeSlots` needs for one provider, service and range. */
export async function loadAvailabilityInput(db: Db, options: LoadOptions): Promise<AvailabilityInput> {
  const { provider, service, range } = options;
  const zone = provider.time_zone;
  // Local dates that may hold a slot in the range, a day wider on each side for zone offsets.
  const fromDate = DateTime.fromMillis(range.start - 86_400_000, { zone }).toISODate()!;
  const toDate = DateTime.fromMillis(range.end + 86_400_000, { zone }).toISODate()!;

  let appointmentsQuery = db
    .selectFrom('appointments')
    .select(['start_at', 'end_at', 'blocked_start_at', 'blocked_end_at'])
    .where('provider_id', '=', provider.id)
    .where('status', '=', 'confirmed')
    .where('start_at', '>', new Date(range.start - MARGIN_MS).toISOString())
    .where('start_at', '<', new Date(range.end + MARGIN_MS).toISOString());
  if (options.excludeAppointmentId !== undefined) {
    appointmentsQuery = appointmentsQuery.where('id', '!=', options.excludeAppointmentId);
  }

  const [weeklyHours, overrides, appointments, externalBusy] = await Promise.all([
    listWeeklyHours(db, provider.id),
    listOverrides(db, provider.id, fromDate, toDate),
    appointmentsQuery.execute(),
    options.busyTimes(db, provider.id, range),
  ]);

  return {
    timeZone: zone,
    weeklyHours,
    overrides,
    service: {
      durationMinutes: service.duration_minutes,
      bufferBeforeMinutes: service.buffer_before_minutes,
      bufferAfterMinutes: service.buffer_after_minutes,
    },
    appointments: appointments.map((a) => ({
      start: Date.parse(a.start_at),
      end: Date.parse(a.end_at),
      blockedStart: Date.parse(a.blocked_start_at),
      blockedEnd: Date.parse(a.blocked_end_at),
    })),
    externalBusy,
    rules: {
      minNoticeMinutes: provider.min_notice_minutes,
      maxDaysAhead: provider.max_days_ahead,
      slotStepMinutes: provider.slot_step_minutes,
    },
    now: options.now,
    range,
  };
}

export const noBusyTimes: BusyTimeSource = async () => [];
