import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DAY, localDayOf, wallClock, zoneOf } from './zone-clock.js';

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

describe('wallClock', () => {
  it('resolves ordinary, skipped and repeated wall times', () => {
    const clock = wallClock(zoneOf('Europe/Berlin'), day('2026-03-27'), day('2026-10-26'));
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(clock(day('2026-06-15'), 9 * 60))).toBe('2026-06-15T07:00:00.000Z');
    expect(iso(clock(day('2026-03-29'), 150))).toBe('2026-03-29T01:30:00.000Z'); // 02:30 → 03:30 CEST
    expect(iso(clock(day('2026-10-25'), 150))).toBe('2026-10-25T00:30:00.000Z'); // first 02:30, CEST
    expect(iso(clock(day('2026-06-15'), 1440))).toBe('2026-06-15T22:00:00.000Z'); // 24:00 = next 00:00
  });

  it('agrees with Luxon for every date of 2026 in zones with odd transitions', () => {
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
    for (const timeZone of zones) {
      const clock = wallClock(zoneOf(timeZone), first, last);
      const mismatches: string[] = [];
      for (let d = first; d <= last; d += DAY) {
        for (const m of minutes) {
          if (clock(d, m) !== reference(timeZone, d, m)) mismatches.push(`${timeZone} ${new Date(d).toISOString().slice(0, 10)} +${m}`);
        }
      }
      expect(mismatches).toEqual([]);
    }
  });

  it('falls back to Luxon for dates outside the sampled span', () => {
    const clock = wallClock(zoneOf('Europe/Berlin'), day('2026-06-01'), day('2026-06-02'));
    expect(clock(day('2026-12-24'), 18 * 60)).toBe(Date.parse('2026-12-24T17:00:00Z'));
  });
});

describe('localDayOf and zoneOf', () => {
  it('gives the local date an instant falls on', () => {
    const tokyo = zoneOf('Asia/Tokyo');
    const honolulu = zoneOf('Pacific/Honolulu');
    expect(localDayOf(tokyo, Date.parse('2026-06-15T23:00:00Z'))).toBe(day('2026-06-16'));
    expect(localDayOf(honolulu, Date.parse('2026-06-15T05:00:00Z'))).toBe(day('2026-06-14'));
    expect(localDayOf(zoneOf('UTC'), Date.parse('1969-12-31T12:00:00Z'))).toBe(day('1969-12-31'));
  });

  it('rejects an unknown zone', () => {
    expect(() => zoneOf('Europe/Atlantis')).toThrow(RangeError);
  });
});
