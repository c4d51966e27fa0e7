import { DateTime } from 'luxon';
import type {
  AvailabilityInput,
  BookedInterval,
  DateOverride,
  WeeklyInterval,
} from '../../server/availability/availability.types.js';
import { pick, seededRandom } from './random.js';

/** The busy provider of benchmarks 1 and 2: open every day in three stretches, a 30-minute service on a 15-minute grid. */
export const BUSY = {
  timeZone: 'Europe/Berlin',
  serviceMinutes: 30,
  stepMinutes: 15,
  days: 60,
  appointments: 2_000,
  overrides: 50,
} as const;

const THREE_STRETCHES = [
  { start: '07:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
  { start: '19:00', end: '22:00' },
];

export const threeIntervalsEveryDay = (): WeeklyInterval[] =>
  [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => THREE_STRETCHES.map((i) => ({ weekday, ...i })));

/** Dates `first + 0 … first + days - 1`, as `YYYY-MM-DD`. */
export function datesFrom(first: string, days: number): string[] {
  const start = DateTime.fromISO(first, { zone: 'UTC' });
  return Array.from({ length: days }, (_, i) => start.plus({ days: i }).toISODate()!);
}

/** `count` overrides on distinct dates of the range: every fifth closes the day, the others set two special stretches. */
export function overridesIn(dates: string[], count: number, seed = 7): DateOverride[] {
  const random = seededRandom(seed);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, dates.length)) chosen.add(dates[pick(random, dates.length)]!);
  return [...chosen].sort().map((date, i) => ({
    date,
    intervals:
      i % 5 === 0
        ? []
        : [
            { start: '08:00', end: '12:00' },
            { start: '13:00', end: '20:00' },
          ],
  }));
}

/**
 * `count` appointments on distinct quarter hours between 07:00 and 22:00 local time of the given dates (15 minutes
 * each, every fourth with 5-minute buffers), so they never share a start, as the schema requires of live ones.
 */
export function appointmentsIn(dates: string[], zone: string, count: number, seed = 11): BookedInterval[] {
  const perDay = 60; // quarter hours from 07:00 to 22:00
  if (count > dates.length * perDay) throw new Error(`${count} appointments do not fit in ${dates.length} days`);
  const random = seededRandom(seed);
  const taken = new Set<number>();
  while (taken.size < count) taken.add(pick(random, dates.length * perDay));
  return [...taken]
    .sort((a, b) => a - b)
    .map((cell, i) => {
      const date = dates[Math.floor(cell / perDay)]!;
      const minutes = 7 * 60 + (cell % perDay) * 15;
      const start = DateTime.fromISO(date, { zone }).plus({ minutes }).toMillis();
      const end = start + 15 * 60_000;
      const buffer = i % 4 === 0 ? 5 * 60_000 : 0;
      return { start, end, blockedStart: start - buffer, blockedEnd: end + buffer };
    });
}

/** Benchmark 1's input: one provider, a 60-day range, 2,000 appointments, 3 stretches a day, 50 overrides. */
export function busyProviderInput(firstDate = '2027-03-01'): AvailabilityInput {
  const dates = datesFrom(firstDate, BUSY.days);
  const zone = BUSY.timeZone;
  const rangeStart = DateTime.fromISO(firstDate, { zone }).toMillis();
  const rangeEnd = DateTime.fromISO(dates[dates.length - 1]!, { zone })
    .plus({ days: 1 })
    .toMillis();
  return {
    timeZone: zone,
    weeklyHours: threeIntervalsEveryDay(),
    overrides: overridesIn(dates, BUSY.overrides),
    service: { durationMinutes: BUSY.serviceMinutes, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
    appointments: appointmentsIn(dates, zone, BUSY.appointments),
    externalBusy: [],
    rules: { minNoticeMinutes: 60, maxDaysAhead: 365, slotStepMinutes: BUSY.stepMinutes },
    now: rangeStart - 86_400_000,
    range: { start: rangeStart, end: rangeEnd },
  };
}
