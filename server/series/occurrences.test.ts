import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { occurrenceStarts } from './occurrences.js';

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ZZ");
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe('occurrenceStarts', () => {
  it('repeats weekly at the same instant when no DST change lies between', () => {
    const start = Date.parse('2026-12-01T09:00:00.000Z');
    const starts = occurrenceStarts(start, 'Europe/Berlin', 1, 3);
    expect(starts.map((s) => new Date(s).toISOString())).toEqual([
      '2026-12-01T09:00:00.000Z',
      '2026-12-08T09:00:00.000Z',
      '2026-12-15T09:00:00.000Z',
    ]);
  });

  it('keeps the wall time in Europe/Berlin across spring forward (the instant moves an hour earlier)', () => {
    const zone = 'Europe/Berlin';
    const starts = occurrenceStarts(at('2027-03-16T10:00', zone), zone, 1, 3);
    expect(starts.map((s) => local(s, zone))).toEqual([
      '2027-03-16T10:00 +01:00',
      '2027-03-23T10:00 +01:00',
      '2027-03-30T10:00 +02:00',
    ]);
    expect(new Date(starts[2]!).toISOString()).toBe('2027-03-30T08:00:00.000Z');
  });

  it('keeps the wall time in Europe/Berlin across fall back, every two weeks', () => {
    const zone = 'Europe/Berlin';
    const starts = occurrenceStarts(at('2026-10-13T18:30', zone), zone, 2, 3);
    expect(starts.map((s) => local(s, zone))).toEqual([
      '2026-10-13T18:30 +02:00',
      '2026-10-27T18:30 +01:00',
      '2026-11-10T18:30 +01:00',
    ]);
  });

  it('keeps the wall time in America/New_York across both changes', () => {
    const zone = 'America/New_York';
    const fall = occurrenceStarts(at('2026-10-26T09:00', zone), zone, 1, 2);
    expect(fall.map((s) => new Date(s).toISOString())).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
    const spring = occurrenceStarts(at('2027-03-08T09:00', zone), zone, 1, 2);
    expect(spring.map((s) => local(s, zone))).toEqual(['2027-03-08T09:00 -05:00', '2027-03-15T09:00 -04:00']);
  });

  it('moves a wall time the spring-forward change skips forward by the gap, as an RRULE expands it', () => {
    const zone = 'America/New_York';
    // Sunday 14 March 2027: 02:00–03:00 does not exist in New York.
    const starts = occurrenceStarts(at('2027-03-07T02:30', zone), zone, 1, 2);
    expect(local(starts[1]!, zone)).toBe('2027-03-14T03:30 -04:00');
  });

  it('gives exactly `count` starts, `everyWeeks` weeks apart in local dates', () => {
    const zone = 'Europe/Berlin';
    const starts = occurrenceStarts(at('2026-12-02T11:00', zone), zone, 3, 52);
    expect(starts).toHaveLength(52);
    const days = starts.map((s) => DateTime.fromMillis(s, { zone }).startOf('day'));
    for (let k = 1; k < days.length; k++) expect(days[k]!.diff(days[k - 1]!, 'days').days).toBe(21);
    expect(starts.every((s) => DateTime.fromMillis(s, { zone }).toFormat('HH:mm') === '11:00')).toBe(true);
  });
});
