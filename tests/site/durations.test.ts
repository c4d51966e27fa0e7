import { describe, expect, it } from 'vitest';
import { everyPhrase, splitMinutes, toMinutes } from '../../site/lib/durations.js';

// The admin shows booking rules in hours and days; the API keeps minutes.
describe('site duration helpers', () => {
  it('reads whole days as days and anything else as hours', () => {
    expect(splitMinutes(0)).toEqual({ amount: 0, unit: 'hours' });
    expect(splitMinutes(60)).toEqual({ amount: 1, unit: 'hours' });
    expect(splitMinutes(90)).toEqual({ amount: 1.5, unit: 'hours' });
    expect(splitMinutes(20)).toEqual({ amount: 0.33, unit: 'hours' });
    expect(splitMinutes(1440)).toEqual({ amount: 1, unit: 'days' });
    expect(splitMinutes(2160)).toEqual({ amount: 36, unit: 'hours' });
    expect(splitMinutes(2880)).toEqual({ amount: 2, unit: 'days' });
  });

  it('turns an amount and a unit back into whole minutes', () => {
    expect(toMinutes(1.5, 'hours')).toBe(90);
    expect(toMinutes(2, 'days')).toBe(2880);
    expect(toMinutes(0.33, 'hours')).toBe(20);
    expect(toMinutes(15, 'minutes')).toBe(15);
  });

  it('words the start-time grid plainly', () => {
    expect(everyPhrase(15)).toBe('Every 15 minutes');
    expect(everyPhrase(60)).toBe('Every hour');
    expect(everyPhrase(120)).toBe('Every 2 hours');
    expect(everyPhrase(90)).toBe('Every 90 minutes');
  });
});
