import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AvailabilityInput, LocalInterval, Slot } from './availability.types.js';
import { computeSlots } from './slots.js';

// An independent oracle for the working time of DST days: wall-clock bounds resolved by the Temporal polyfill (not
// Luxon, not zone-clock.ts) with `compatible` disambiguation, then the minutes they cover marked one by one and
// read back as stretches. Nothing here shares code with working-intervals.ts, so a wrong order, merge or offset
// there shows up as a difference.

// Zones whose changes are odd: 30-minute (Lord Howe), 2-hour (Troll), at midnight (Santiago, Havana), a 45-minute
// base offset (Chatham), Ramadan's back-and-forth (Casablanca), −03:30 (St John's), and Berlin as the plain case.
const ZONES = [
  'Australia/Lord_Howe',
  'Antarctica/Troll',
  'America/Santiago',
  'America/Havana',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'America/St_Johns',
  'Europe/Berlin',
];

const MINUTE = 60_000;

/** Each zone's changes in 2027 (found with Temporal, not with the code under test): the date, and the wall-clock
 * minute the change happens at, so schedules can be drawn around it. */
function transitions(zone: string): { date: string; minute: number }[] {
  const found: { date: string; minute: number }[] = [];
  let at: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ timeZone: zone, year: 2027, month: 1, day: 1 });
  for (let i = 0; i < 6 && at; i++) {
    at = at.getTimeZoneTransition('next');
    if (at && at.year === 2027) found.push({ date: at.toPlainDate().toString(), minute: at.hour * 60 + at.minute });
  }
  return found;
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Up to four wall-clock intervals of one day on a 5-minute grid, disjoint and touching at most (as validated). Most
 * bounds fall within three hours of the change, so that bounds inside a gap or a repeated hour are common.
 */
const dayIntervals = (changeMinute: number) => {
  const near = Math.round(changeMinute / 5);
  const cut = fc.oneof(
    { arbitrary: fc.integer({ min: Math.max(0, near - 30), max: Math.min(288, near + 30) }), weight: 6 },
    { arbitrary: fc.integer({ min: 0, max: 288 }), weight: 1 },
  );
  return fc.uniqueArray(cut, { maxLength: 8 }).map((cuts): LocalInterval[] => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const intervals: LocalInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      intervals.push({ start: hhmm(sorted[i]! * 5), end: hhmm(sorted[i + 1]! * 5) });
    return intervals;
  });
};

/** The instant of a wall-clock time (`24:00` = the next midnight), per RFC 5545 / Temporal `compatible`. */
function resolve(zone: string, date: Temporal.PlainDate, time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = hour === 24 ? date.add({ days: 1 }).toPlainDateTime() : date.toPlainDateTime({ hour, minute });
  return wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** Slots of every local date from `first` to `last`, worked out minute by minute. */
function oracle(input: AvailabilityInput, first: Temporal.PlainDate, last: Temporal.PlainDate): Slot[] {
  const duration = input.service.durationMinutes * MINUTE;
  const step = input.rules.slotStepMinutes * MINUTE;
  const slots: Slot[] = [];
  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    const covered = new Set<number>();
    for (const interval of input.weeklyHours.filter((h) => h.weekday === date.dayOfWeek)) {
      const end = resolve(input.timeZone, date, interval.end);
      for (let t = resolve(input.timeZone, date, interval.start); t < end; t += MINUTE) covered.add(t);
    }
    const minutes = [...covered].sort((a, b) => a - b);
    for (let i = 0; i < minutes.length; ) {
      let j = i;
      while (j + 1 < minutes.length && minutes[j + 1] === minutes[j]! + MINUTE) j++;
      const [start, end] = [minutes[i]!, minutes[j]! + MINUTE];
      for (let s = start; s + duration <= end; s += step) slots.push({ start: s, end: s + duration });
      i = j + 1;
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

const cases = fc
  .constantFrom(...ZONES.flatMap((zone) => transitions(zone).map((change) => ({ zone, ...change }))))
  .chain(({ zone, date, minute }) =>
    fc.record({
      zone: fc.constant(zone),
      date: fc.constant(date),
      week: fc.array(dayIntervals(minute), { minLength: 7, maxLength: 7 }),
      duration: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
      step: fc.integer({ min: 1, max: 12 }).map((n) => n * 5),
    }),
  );

describe('computeSlots against a Temporal minute-by-minute oracle, on DST days in odd zones', () => {
  it('finds the transitions it is meant to test', () => {
    for (const zone of ZONES) expect(transitions(zone).length, zone).toBeGreaterThan(0);
  });

  it('offers exactly the oracle’s slots on the change day and the days around it', () => {
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(cases, ({ zone, date, week, duration, step }) => {
        const day = Temporal.PlainDate.from(date);
        const [first, last] = [day.subtract({ days: 1 }), day.add({ days: 1 })];
        const range = {
          start: first.toZonedDateTime(zone).epochMilliseconds,
          end: last.add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds,
        };
        const input: AvailabilityInput = {
          timeZone: zone,
          weeklyHours: week.flatMap((intervals, i) => intervals.map((interval) => ({ ...interval, weekday: i + 1 }))),
          overrides: [],
          service: { durationMinutes: duration, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
          appointments: [],
          externalBusy: [],
          rules: { minNoticeMinutes: 0, maxDaysAhead: 3650, slotStepMinutes: step },
          now: range.start - 30 * 86_400_000,
          range,
        };
        const expected = oracle(input, first.subtract({ days: 1 }), last.add({ days: 1 })).filter(
          (s) => s.start >= range.start && s.start < range.end,
        );
        expect(computeSlots(input)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
