import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DAY, offsetAt, wallClock, ZoneClock, zoneOf } from './zone-clock.js';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Luxon per wall time, earliest candidate: the slow reference the sampled fast path must agree with. */
function reference(timeZone: string, localDay: number, minutes: number): number {
  const wall = DateTime.fromMillis(localDay + minutes * 60_000, { zone: 'UTC' });
  const dateTime = DateTime.fromObject(
    { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
    { zone: timeZone },
  );
  return Math.min(...dateTime.getPossibleOffsets().map((candidate) => candidate.toMillis()));
}

/**
 * The dates the fast path is checked on against the (slow) reference: every date whose sampled span (day − 14 h to
 * day + 58 h) comes near an offset change, where the fast path must step aside, and one date a month elsewhere, where
 * it is the same arithmetic every day. (Checking every date of the year cost seconds, most of a test's timeout on a
 * busy machine.)
 */
function datesToCheck(timeZone: string, first: number, last: number): { days: number[]; transitions: number } {
  const zone = zoneOf(timeZone);
  const near = new Set<number>();
  let transitions = 0;
  for (let d = first - 3 * DAY, before = zone.offset(d); d <= last + 3 * DAY; d += DAY) {
    const after = zone.offset(d + DAY);
    if (after !== before) {
      transitions++;
      for (let k = -3; k <= 3; k++) near.add(d + k * DAY);
    }
    before = after;
  }
  const days: number[] = [];
  for (let d = first, i = 0; d <= last; d += DAY, i++) if (near.has(d) || i % 30 === 0) days.push(d);
  return { days, transitions };
}

describe('wallClock', () => {
  it('resolves ordinary, skipped and repeated wall times', () => {
    const clock = wallClock(zoneOf('Europe/Berlin'));
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(clock(day('2026-06-15'), 9 * 60))).toBe('2026-06-15T07:00:00.000Z');
    expect(iso(clock(day('2026-03-29'), 150))).toBe('2026-03-29T01:30:00.000Z'); // 02:30 → 03:30 CEST
    expect(iso(clock(day('2026-10-25'), 150))).toBe('2026-10-25T00:30:00.000Z'); // first 02:30, CEST
    expect(iso(clock(day('2026-06-15'), 1440))).toBe('2026-06-15T22:00:00.000Z'); // 24:00 = next 00:00
  });

  it('agrees with Luxon around every transition of 2026 in zones with odd transitions, and between them', () => {
    // Lord Howe moves by 30 minutes; Santiago skips midnight; Kathmandu is +05:45; Apia dropped DST; Casablanca
    // leaves +01:00 for Ramadan; Adak (−10:00) puts 24:00 at the far end of the sampled span.
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kathmandu',
      'Pacific/Apia',
      'Africa/Casablanca',
      'America/Adak',
    ];
    const minutes = [0, 30, 60, 90, 120, 150, 180, 210, 600, 1410, 1440];
    const [first, last] = [day('2026-01-01'), day('2026-12-31')];
    let transitions = 0;
    for (const timeZone of zones) {
      const clock = wallClock(zoneOf(timeZone));
      const dates = datesToCheck(timeZone, first, last);
      transitions += dates.transitions;
      const mismatches: string[] = [];
      for (const d of dates.days) {
        for (const m of minutes) {
          if (clock(d, m) !== reference(timeZone, d, m))
            mismatches.push(`${timeZone} ${new Date(d).toISOString().slice(0, 10)} +${m}`);
        }
      }
      expect(mismatches).toEqual([]);
    }
    expect(transitions).toBeGreaterThanOrEqual(12); // Berlin, New York, Lord Howe, Santiago, Adak twice; Casablanca's Ramadan
  });

  it('gives the same instants whatever dates it was asked about before', () => {
    const clock = wallClock(zoneOf('Europe/Berlin'));
    expect(clock(day('2026-06-01'), 18 * 60)).toBe(Date.parse('2026-06-01T16:00:00Z'));
    expect(clock(day('2026-12-24'), 18 * 60)).toBe(Date.parse('2026-12-24T17:00:00Z'));
    expect(clock(day('2026-10-25'), 150)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(clock(day('2026-10-24'), 150)).toBe(Date.parse('2026-10-24T00:30:00Z'));
    expect(clock(day('2026-10-25'), 150)).toBe(Date.parse('2026-10-25T00:30:00Z')); // remembered, the same
  });
});

describe('ZoneClock.daysAfter', () => {
  it("is Luxon's plus({ days }) from any instant, also onto skipped and repeated wall times", () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kathmandu'];
    const clocks = new Map(zones.map((z) => [z, new ZoneClock(zoneOf(z))]));
    const luxon = (zone: string, instant: number, days: number) =>
      DateTime.fromMillis(instant, { zone }).plus({ days }).toMillis();
    // Berlin: from a winter and a summer day onto 02:30 of the spring gap and of the autumn's repeated hour.
    const berlin = clocks.get('Europe/Berlin')!;
    for (const [from, days] of [
      ['2026-01-29T01:30:00Z', 59],
      ['2026-08-25T00:30:00Z', 61],
      ['2026-01-25T01:30:00Z', 273],
      ['2026-03-29T00:30:00Z', 210],
    ] as const) {
      const instant = Date.parse(from);
      expect(berlin.daysAfter(instant, days), `${from} + ${days}`).toBe(luxon('Europe/Berlin', instant, days));
    }
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2028-01-01') }),
        fc.integer({ min: 0, max: 400 }),
        (zone, instant, days) => clocks.get(zone)!.daysAfter(instant, days) === luxon(zone, instant, days),
      ),
      { numRuns: 3000 },
    );
  });
});

describe('offsetAt', () => {
  it('agrees with Luxon at any instant of 1800–2200 in zones with odd offsets', () => {
    // Kolkata +05:30, Kathmandu +05:45, Lord Howe's half-hour DST, Monrovia's LMT of −00:44:30 until 1972 (an offset
    // with seconds), and years of three digits, which it hands to Luxon.
    const zones = ['Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Africa/Monrovia'];
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('1800-01-01T00:00:00Z'), max: Date.parse('2200-01-01T00:00:00Z') }),
        (timeZone, instant) => {
          const zone = zoneOf(timeZone);
          expect(offsetAt(zone, instant)).toBe(zone.offset(instant));
        },
      ),
      { numRuns: 500 },
    );
    const berlin = zoneOf('Europe/Berlin');
    const ancient = Date.parse('0900-06-01T12:00:00Z');
    expect(offsetAt(berlin, ancient)).toBe(berlin.offset(ancient));
  });
});

describe('ZoneClock.dayOf and zoneOf', () => {
  it('gives the local date an instant falls on', () => {
    const tokyo = new ZoneClock(zoneOf('Asia/Tokyo'));
    const honolulu = new ZoneClock(zoneOf('Pacific/Honolulu'));
    expect(tokyo.dayOf(Date.parse('2026-06-15T23:00:00Z'))).toBe(day('2026-06-16'));
    expect(honolulu.dayOf(Date.parse('2026-06-15T05:00:00Z'))).toBe(day('2026-06-14'));
    expect(new ZoneClock(zoneOf('UTC')).dayOf(Date.parse('1969-12-31T12:00:00Z'))).toBe(day('1969-12-31'));
  });

  it('rejects an unknown zone', () => {
    expect(() => zoneOf('Europe/Atlantis')).toThrow(RangeError);
  });
});
