import { describe, expect, it } from 'vitest';
import { closureDays, withClosures } from './closures.js';

describe('withClosures', () => {
  it('closes each date of a range once, clipped to the window, over special hours, in date order', () => {
    const special = { date: '2027-03-28', intervals: [{ start: '10:00', end: '12:00' }] };
    const later = { date: '2027-04-02', intervals: [{ start: '10:00', end: '11:00' }] };
    const result = withClosures([later, special], [{ from: '2027-03-20', to: '2027-03-29' }], {
      from: '2027-03-27',
      to: '2027-04-30',
    });
    expect(result).toEqual([
      { date: '2027-03-27', intervals: [] },
      { date: '2027-03-28', intervals: [] },
      { date: '2027-03-29', intervals: [] },
      later,
    ]);
  });

  it('counts days across month ends, leap days and DST changes as calendar days', () => {
    expect(closureDays('2027-03-26', '2027-03-30')).toBe(5);
    expect(closureDays('2028-02-28', '2028-03-01')).toBe(3);
    expect(closureDays('2026-10-24', '2026-10-26')).toBe(3);
    expect(closureDays('2026-12-24', '2026-12-24')).toBe(1);
  });
});
