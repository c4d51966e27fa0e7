import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AvailabilityInput, LocalInterval, Slot } from './availability.types.js';
import { computeSlots } from './slots.js';
import { workingIntervals } from './working-intervals.js';
import { DAY, MINUTE, zoneOf } from './zone-clock.js';

// Random schedules around DST changes, checked against the brief's rules applied one slot and one appointment at a
// time. The working intervals come from the same module (their instants are pinned by the example tests); what
// this checks is the sweep, the grid, the filters, and that the answer does not depend on the requested range.

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago'];
const BASES = ['2026-03-27T00:00:00Z', '2026-10-23T00:00:00Z', '2026-04-03T00:00:00Z', '2026-09-04T00:00:00Z'].map(
  Date.parse,
);

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Up to three non-overlapping intervals on a 15-minute grid, from sorted distinct cut points. */
const dayIntervals = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((cuts): LocalInterval[] => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const intervals: LocalInterval[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    intervals.push({ start: hhmm(sorted[i]! * 15), end: hhmm(sorted[i + 1]! * 15) });
  return intervals;
});

const arbitraryInput = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    base: fc.constantFrom(...BASES),
    week: fc.array(dayIntervals, { minLength: 7, maxLength: 7 }),
    overrides: fc.array(fc.record({ dayOffset: fc.integer({ min: -1, max: 6 }), intervals: dayIntervals }), {
      maxLength: 3,
    }),
    service: fc.record({
      durationMinutes: fc.integer({ min: 1, max: 36 }).map((n) => n * 5),
      bufferBeforeMinutes: fc.integer({ min: 0, max: 12 }).map((n) => n * 5),
      bufferAfterMinutes: fc.integer({ min: 0, max: 12 }).map((n) => n * 5),
    }),
    appointments: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 6 * 288 }),
        length: fc.integer({ min: 1, max: 24 }),
        before: fc.nat(9),
        after: fc.nat(9),
      }),
      { maxLength: 40 },
    ),
    busy: fc.array(fc.record({ at: fc.integer({ min: 0, max: 6 * 288 }), length: fc.integer({ min: 1, max: 36 }) }), {
      maxLength: 8,
    }),
    step: fc.integer({ min: 1, max: 18 }).map((n) => n * 5),
    notice: fc.integer({ min: 0, max: 48 }).map((n) => n * 15),
    maxDaysAhead: fc.integer({ min: 1, max: 7 }), // 0 days is an example test
    now: fc.integer({ min: -2 * DAY, max: 2 * DAY }),
    rangeStart: fc.integer({ min: -DAY, max: 4 * DAY }),
    rangeLength: fc.integer({ min: 0, max: 3 * DAY }),
  })
  .map((r): AvailabilityInput => {
    const fiveMinutes = (n: number) => r.base + n * 5 * MINUTE;
    return {
      timeZone: r.timeZone,
      weeklyHours: r.week.flatMap((intervals, i) => intervals.map((interval) => ({ ...interval, weekday: i + 1 }))),
      overrides: r.overrides.map((o) => ({
        date: new Date(r.base + o.dayOffset * DAY).toISOString().slice(0, 10),
        intervals: o.intervals,
      })),
      service: r.service,
      appointments: r.appointments.map((a) => ({
        start: fiveMinutes(a.at),
        end: fiveMinutes(a.at + a.length),
        blockedStart: fiveMinutes(a.at - a.before),
        blockedEnd: fiveMinutes(a.at + a.length + a.after),
      })),
      externalBusy: r.busy.map((b) => ({ start: fiveMinutes(b.at), end: fiveMinutes(b.at + b.length) })),
      rules: { minNoticeMinutes: r.notice, maxDaysAhead: r.maxDaysAhead, slotStepMinutes: r.step },
      now: r.base + r.now,
      range: { start: r.base + r.rangeStart, end: r.base + r.rangeStart + r.rangeLength },
    };
  });

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean =>
  bEnd > bStart && aStart < bEnd && bStart < aEnd;

/** Every grid point of every working interval, each checked against every rule and every busy interval. */
function bruteForce(input: AvailabilityInput): Slot[] {
  const zone = zoneOf(input.timeZone);
  const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes } = input.service;
  const duration = durationMinutes * MINUTE;
  const step = input.rules.slotStepMinutes * MINUTE;
  const earliest = input.now + input.rules.minNoticeMinutes * MINUTE;
  const horizon = DateTime.fromMillis(input.now, { zone }).plus({ days: input.rules.maxDaysAhead }).toMillis();
  const windows = workingIntervals(input, zone, input.range.start - 3 * DAY, input.range.end + 3 * DAY);
  const slots: Slot[] = [];
  for (const window of windows) {
    for (let start = window.start; start + duration <= window.end; start += step) {
      const end = start + duration;
      if (start < input.range.start || start >= input.range.end || start < earliest || start >= horizon) continue;
      const [paddedStart, paddedEnd] = [start - bufferBeforeMinutes * MINUTE, end + bufferAfterMinutes * MINUTE];
      const conflict =
        input.appointments.some(
          (a) => overlaps(paddedStart, paddedEnd, a.start, a.end) || overlaps(start, end, a.blockedStart, a.blockedEnd),
        ) || input.externalBusy.some((b) => overlaps(paddedStart, paddedEnd, b.start, b.end));
      if (!conflict) slots.push({ start, end });
    }
  }
  return slots;
}

describe('computeSlots, property-based', () => {
  it('equals the rules applied slot by slot', () => {
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        expect(computeSlots(input)).toEqual(bruteForce(input));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same slots whether a range is asked for whole or in two parts', () => {
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(arbitraryInput, fc.double({ min: 0, max: 1, noNaN: true }), (input, cut) => {
        const middle = Math.round(input.range.start + (input.range.end - input.range.start) * cut);
        const whole = computeSlots(input);
        const parts = [
          ...computeSlots({ ...input, range: { start: input.range.start, end: middle } }),
          ...computeSlots({ ...input, range: { start: middle, end: input.range.end } }),
        ];
        expect(parts).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('returns slots sorted by strictly increasing start, each lasting the service duration', () => {
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const slots = computeSlots(input);
        slots.forEach((slot, i) => {
          expect(slot.end - slot.start).toBe(input.service.durationMinutes * MINUTE);
          if (i > 0) expect(slot.start).toBeGreaterThan(slots[i - 1]!.start);
        });
      }),
      { numRuns: 200 },
    );
  });
});
