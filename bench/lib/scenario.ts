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

/** Benchmark 1b's team: 10 members, each their own hours, overrides and appointments. */
export const TEAM = { members: 10, appointmentsEach: 200, overridesEach: 5 } as const;

const SHIFTS = [
  { start: '08:00', end: '13:00' },
  { start: '12:00', end: '18:00' },
  { start: '14:00', end: '21:00' },
];

/**
 * Benchmark 1b's input: 10 members of one business over benchmark 1's 60 days, a 30-minute service on a 15-minute
 * grid. Member i works one of three shifts on five or six weekdays, has 200 appointments (2,000 in the team, as
 * benchmark 1's one provider) and 5 overrides of their own.
 */
export function teamInputs(firstDate = '2027-03-01'): { memberId: number; input: AvailabilityInput; classTimes: [] }[] {
  const base = busyProviderInput(firstDate);
  const dates = datesFrom(firstDate, BUSY.days);
  return Array.from({ length: TEAM.members }, (_, i) => {
    const shift = SHIFTS[i % SHIFTS.length]!;
    const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== 7 && (i % 2 === 0 || d !== 6));
    const appointments = appointmentsIn(dates, base.timeZone, TEAM.appointmentsEach, 100 + i).filter((a) => {
      const hour = DateTime.fromMillis(a.start, { zone: base.timeZone }).hour;
      return hour >= Number(shift.start.slice(0, 2)) && hour < Number(shift.end.slice(0, 2));
    });
    return {
      memberId: i + 1,
      input: {
        ...base,
        weeklyHours: weekdays.map((weekday) => ({ weekday, ...shift })),
        overrides: overridesIn(dates, TEAM.overridesEach, 200 + i),
        appointments,
      },
      classTimes: [],
    };
  });
}
