import type { AvailabilityInput, Slot } from './availability.types.js';
import { startBlocks, sweep } from './busy-sweep.js';
import { workingIntervals } from './working-intervals.js';
import { MINUTE, type ZoneClocks, zoneClocks } from './zone-clock.js';

/**
 * The bookable slots for one service, sorted by start (epoch ms). Pure: data in, slots out.
 *
 * - Slots lie on a grid stepped in absolute time from the start of each working interval, so DST days get their
 *   real length (a 01:00–04:00 interval is 2 hours on spring-forward day, 4 on fall-back day) and a slot always
 *   lasts exactly the service's duration. A slot must end by its interval's end; it never crosses local midnight.
 * - A slot conflicts when its buffered span overlaps an appointment or an external busy time, or when the slot
 *   itself overlaps an appointment's blocked span (see busy-sweep.ts). Touching is not overlapping.
 * - Starts must be ≥ now + minNotice, < now + maxDaysAhead calendar days in the provider's zone (so the horizon
 *   keeps the wall-clock time across a DST change), and inside `range` [start, end).
 *
 * Throws a RangeError for an unknown zone, an unreadable `HH:mm`, or a duration or step that is not positive.
 * `clocks`: the request's zone clocks, when it computes more than once (members of a team, days of a range).
 */
export function computeSlots(input: AvailabilityInput, clocks: ZoneClocks = zoneClocks()): Slot[] {
  const { service, rules, now, range } = input;
  const clock = clocks(input.timeZone);
  const duration = service.durationMinutes * MINUTE;
  const step = rules.slotStepMinutes * MINUTE;
  if (!(duration > 0) || !(step > 0)) throw new RangeError('Slot duration and step must be positive');

  const horizon = clock.daysAfter(now, rules.maxDaysAhead);
  const from = Math.max(range.start, now + rules.minNoticeMinutes * MINUTE);
  const to = Math.min(range.end, horizon);
  if (!(from < to)) return [];

  const freeFrom = sweep(startBlocks(input, from, to));
  const slots: Slot[] = [];
  for (const interval of workingIntervals(input, clock, from, to)) {
    // The first grid point at or after `from`, computed rather than stepped to: the grid stays anchored to the
    // interval's start whatever the range, so a narrower request never offers different times.
    let start = interval.start + ceilToStep(from - interval.start, step);
    while (start < to && start + duration <= interval.end) {
      const free = freeFrom(start);
      if (free === start) {
        slots.push({ start, end: start + duration });
        start += step;
      } else {
        start = interval.start + ceilToStep(free - interval.start, step);
      }
    }
  }
  return slots;
}

/** The smallest multiple of `step` that is ≥ `offset`, and never below 0. */
function ceilToStep(offset: number, step: number): number {
  return offset <= 0 ? 0 : Math.ceil(offset / step) * step;
}
