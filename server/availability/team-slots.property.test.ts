import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { input, rules, service } from './availability.fixtures.js';
import type { AvailabilityInput, WeeklyInterval } from './availability.types.js';
import { classSlots } from './class-slots.js';
import { type MemberAvailability, type TeamSlot, teamSlotsOf } from './team-slots.js';
import { DAY, MINUTE, zoneClocks } from './zone-clock.js';

// "Any available" as computed for the slots endpoint (one zone clock shared by every member and day, a k-way merge)
// against the plain definition: each member's slots computed on their own, then united by start. Ranges cover the
// spring and autumn changes of Berlin and New York, where the shared clock resolves dates near a transition. What a
// clock resolves is checked against Luxon (zone-clock.test.ts) and Temporal (slots.oracle.test.ts); this checks that
// sharing one changes nothing and that the merge is the union.

const ZONES = ['Europe/Berlin', 'America/New_York'];
/** Three days before each zone's changes of 2026 (Berlin: 29 March, 25 October; New York: 8 March, 1 November). */
const BASES = ['2026-03-26', '2026-10-22', '2026-03-05', '2026-10-29'].map((d) => Date.parse(`${d}T00:00:00Z`));

const hhmm = (quarters: number): string =>
  `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

/** A shift on some weekdays: from 00:00 to 24:00 in quarter hours, so some bounds fall in a skipped or repeated hour. */
const shift = fc
  .record({
    from: fc.integer({ min: 0, max: 92 }),
    length: fc.integer({ min: 1, max: 48 }),
    weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
  })
  .map(({ from, length, weekdays }): WeeklyInterval[] =>
    weekdays.map((weekday) => ({ weekday, start: hhmm(from), end: hhmm(Math.min(96, from + length)) })),
  );

const member = fc.record({
  shifts: fc.array(shift, { minLength: 1, maxLength: 2 }),
  override: fc.option(fc.record({ dayOffset: fc.integer({ min: 0, max: 6 }), closed: fc.boolean() })),
  appointments: fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 7 * 96 }), quarters: fc.integer({ min: 1, max: 8 }) }),
    {
      maxLength: 12,
    },
  ),
});

const team = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    base: fc.constantFrom(...BASES),
    members: fc.array(member, { minLength: 1, maxLength: 5 }),
    duration: fc.integer({ min: 1, max: 8 }).map((n) => n * 15),
    step: fc.constantFrom(10, 15, 30, 60),
    seats: fc.constantFrom(1, 3),
    rangeStart: fc.integer({ min: 0, max: 2 * 96 }).map((q) => q * 15 * MINUTE),
    days: fc.integer({ min: 1, max: 6 }),
  })
  .map((t) => {
    const range = { start: t.base + t.rangeStart, end: t.base + t.rangeStart + t.days * DAY };
    const members: MemberAvailability[] = t.members.map((m, i) => ({
      memberId: i + 1,
      classTimes: [],
      input: input({
        timeZone: t.timeZone,
        weeklyHours: m.shifts.flat(),
        overrides: m.override
          ? [
              {
                date: new Date(t.base + m.override.dayOffset * DAY).toISOString().slice(0, 10),
                intervals: m.override.closed ? [] : [{ start: '01:30', end: '03:30' }],
              },
            ]
          : [],
        appointments: m.appointments.map((a) => {
          const start = t.base + a.at * 15 * MINUTE;
          const end = start + a.quarters * 15 * MINUTE;
          return { start, end, blockedStart: start, blockedEnd: end };
        }),
        service: service(t.duration, 0, 5),
        rules: rules(t.step),
        now: t.base - DAY,
        range,
      }),
    }));
    return { members, seats: t.seats, range };
  });

/** Each member on their own (a fresh clock each), united through a map by start and sorted. */
function reference(members: readonly MemberAvailability[], seats: number): TeamSlot[] {
  const byStart = new Map<number, TeamSlot>();
  for (const m of members) {
    for (const s of classSlots(m.input as AvailabilityInput, seats, [])) {
      const known = byStart.get(s.start) ?? { start: s.start, end: s.end, memberIds: [], placesLeft: 0 };
      known.memberIds.push(m.memberId);
      known.placesLeft += s.placesLeft ?? 1;
      byStart.set(s.start, known);
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

describe('teamSlotsOf, property-based', () => {
  it('equals each member’s own slots united by start, across DST changes', () => {
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(team, ({ members, seats, range }) => {
        expect(teamSlotsOf(members, seats, { range })).toEqual(reference(members, seats));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same union asked a day at a time with one clock, as the slots endpoint asks', () => {
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(team, ({ members, seats, range }) => {
        const clocks = zoneClocks();
        const byDay: TeamSlot[] = [];
        for (let start = range.start; start < range.end; start += DAY) {
          byDay.push(
            ...teamSlotsOf(members, seats, { range: { start, end: Math.min(start + DAY, range.end) }, clocks }),
          );
        }
        expect(byDay).toEqual(reference(members, seats));
      }),
      { numRuns: 100 },
    );
  });
});
