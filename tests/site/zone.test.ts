import { describe, expect, it } from 'vitest';
import { dayRange, minutesInDay, weekStart, zonedInstant } from '../../site/lib/zone.js';

// The admin reads days and times in the provider's zone with Intl only (no Luxon in the browser bundle).
describe('site zone helpers', () => {
  it('turns local wall-clock times into instants, across daylight-saving changes', () => {
    expect(new Date(zonedInstant('2026-12-07', 9 * 60, 'Europe/Berlin')).toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-07-07', 9 * 60, 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-07T07:00:00.000Z',
    );
    // Spring forward in Berlin (29 March 2026): midnight is still UTC+1, 04:00 already UTC+2.
    expect(new Date(zonedInstant('2026-03-29', 0, 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-29', 4 * 60, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T02:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-12-07', 0, 'Australia/Sydney')).toISOString()).toBe('2026-12-06T13:00:00.000Z');
  });

  it('reads minutes after local midnight', () => {
    expect(minutesInDay('2026-12-07T08:30:00.000Z', 'Europe/Berlin')).toBe(9 * 60 + 30);
    expect(minutesInDay('2026-12-07T08:30:00.000Z', 'America/New_York')).toBe(3 * 60 + 30);
  });

  it('finds the Monday of a week and the instants covering whole local days', () => {
    expect(weekStart('2026-12-13')).toBe('2026-12-07');
    expect(weekStart('2026-12-07')).toBe('2026-12-07');
    expect(dayRange('2026-10-19', 7, 'Europe/Berlin')).toEqual({
      from: '2026-10-18T22:00:00.000Z',
      to: '2026-10-25T23:00:00.000Z',
    });
  });
});
