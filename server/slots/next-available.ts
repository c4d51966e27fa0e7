import type { AvailabilityInput, BusyTimeSource, Slot } from '../availability/availability.types.js';
import { computeSlots } from '../availability/slots.js';
import type { Db } from '../db/connect.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { effectiveOverridesOf, weeklyHoursOf } from '../schedule/schedule.repository.js';
import { firstActiveServices } from '../services/services.repository.js';
import { availabilityInput, bookedIntervalsOf, busyWindowOf, timingOf } from './availability.loader.js';

const DAY = 24 * 60 * 60 * 1000;
/** How far "next available" looks ahead: enough for a directory card, cheap enough for every result. */
export const NEXT_AVAILABLE_DAYS = 14;

/**
 * The earliest bookable start (ISO instant) of each provider's first active service within the next
 * {@link NEXT_AVAILABLE_DAYS} days, or `null`. Four queries for the whole page, then the same pure
 * `computeSlots` that the slots endpoint and the booking check use, so the card never promises a time
 * that the widget would not offer.
 */
export async function nextAvailableTimes(
  db: Db,
  providers: ProviderRow[],
  options: { now: number; busyTimes: BusyTimeSource<Db>; days?: number },
): Promise<Map<number, string | null>> {
  const result = new Map<number, string | null>(providers.map((p) => [p.id, null]));
  if (providers.length === 0) return result;
  const ids = providers.map((p) => p.id);
  const range = { start: options.now, end: options.now + (options.days ?? NEXT_AVAILABLE_DAYS) * DAY };
  // Local dates differ by zone; a day's slack on both sides covers every zone (UTC−12 … UTC+14).
  const fromDate = new Date(range.start - DAY).toISOString().slice(0, 10);
  const toDate = new Date(range.end + DAY).toISOString().slice(0, 10);

  const [services, weekly, overrides, booked] = await Promise.all([
    firstActiveServices(db, ids),
    weeklyHoursOf(db, ids),
    effectiveOverridesOf(db, ids, fromDate, toDate),
    bookedIntervalsOf(db, ids, range),
  ]);

  await Promise.all(
    providers.map(async (provider) => {
      const service = services.get(provider.id);
      const hours = weekly.get(provider.id) ?? [];
      const special = overrides.get(provider.id) ?? [];
      // Nothing to offer: skip the provider's own-calendar lookup too.
      if (!service || (hours.length === 0 && !special.some((o) => o.intervals.length > 0))) return;
      const input = availabilityInput({
        provider,
        service,
        weeklyHours: hours,
        overrides: special,
        appointments: booked.get(provider.id) ?? [],
        externalBusy: await options.busyTimes(db, provider.id, busyWindowOf(range, timingOf(service))),
        now: options.now,
        range,
      });
      const [first] = computeSlots(input);
      result.set(provider.id, first ? new Date(first.start).toISOString() : null);
    }),
  );
  return result;
}

const WEEK = 7 * DAY;

/**
 * The first slot of `input.range`, looked for a week at a time: a first slot tomorrow costs a week of work, not
 * the whole booking horizon. The same `computeSlots` as the slots list, so the widget opens on a time it offers.
 */
export function firstSlotOf(input: AvailabilityInput): Slot | undefined {
  for (let start = input.range.start; start < input.range.end; start += WEEK) {
    const [first] = computeSlots({ ...input, range: { start, end: Math.min(start + WEEK, input.range.end) } });
    if (first) return first;
  }
  return undefined;
}
