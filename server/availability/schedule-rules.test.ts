import { describe, expect, it } from 'vitest';
import {
  isValidTimeZone,
  parseLocalTime,
  validateIntervals,
  validateOverrides,
  validateWeeklyHours,
} from './schedule-rules.js';

const i = (start: string, end: string) => ({ start, end });

describe('parseLocalTime', () => {
  it.each([
    ['00:00', 0],
    ['00:01', 1],
    ['09:30', 570],
    ['12:00', 720],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as %i minutes', (value, minutes) => {
    expect(parseLocalTime(value)).toBe(minutes);
  });

  it.each([
    '24:01',
    '25:00',
    '09:60',
    '9:00',
    '09:0',
    '0900',
    '09:00:00',
    ' 09:00',
    '09:00 ',
    '-1:00',
    '',
    'ab:cd',
    '٠٩:٣٠',
  ])('rejects %j', (value) => {
    expect(parseLocalTime(value)).toBeNull();
  });
});

describe('validateIntervals', () => {
  it('accepts no intervals (closed), one interval, and touching intervals in any order', () => {
    expect(validateIntervals([])).toBeNull();
    expect(validateIntervals([i('09:00', '17:00')])).toBeNull();
    expect(validateIntervals([i('13:00', '17:00'), i('09:00', '13:00')])).toBeNull();
    expect(validateIntervals([i('00:00', '24:00')])).toBeNull();
  });

  it('rejects times that are not HH:mm between 00:00 and 24:00', () => {
    expect(validateIntervals([i('9:00', '12:00')])).toBe('9:00–12:00: times must be HH:mm between 00:00 and 24:00');
    expect(validateIntervals([i('09:00', '24:30')])).toBe('09:00–24:30: times must be HH:mm between 00:00 and 24:00');
  });

  it('rejects an empty interval', () => {
    expect(validateIntervals([i('09:00', '09:00')])).toBe(
      '09:00–09:00: the interval is empty; its end must be after its start',
    );
  });

  it('rejects a start at 24:00', () => {
    expect(validateIntervals([i('24:00', '24:00')])).toBe('24:00–24:00: an interval cannot start at 24:00');
  });

  it('rejects an interval crossing midnight and says how to split it', () => {
    expect(validateIntervals([i('22:00', '02:00')])).toBe(
      '22:00–02:00: ends before it starts; to cross midnight, split it at midnight into 22:00–24:00 and 00:00–02:00 of the next day',
    );
  });

  it('asks for 24:00 when an interval ends at 00:00', () => {
    expect(validateIntervals([i('22:00', '00:00')])).toBe('22:00–00:00: to end at midnight, write 24:00 as the end');
  });

  it('rejects overlapping intervals, whichever order they come in', () => {
    expect(validateIntervals([i('11:00', '13:00'), i('09:00', '12:00')])).toBe('09:00–12:00 overlaps 11:00–13:00');
    expect(validateIntervals([i('09:00', '17:00'), i('12:00', '13:00')])).toBe('09:00–17:00 overlaps 12:00–13:00');
    expect(validateIntervals([i('09:00', '10:00'), i('09:00', '10:00')])).toBe('09:00–10:00 overlaps 09:00–10:00');
  });

  it('catches an overlap that skips a neighbour', () => {
    expect(validateIntervals([i('08:00', '18:00'), i('09:00', '10:00'), i('11:00', '12:00')])).toBe(
      '08:00–18:00 overlaps 09:00–10:00',
    );
  });
});

describe('validateWeeklyHours', () => {
  it('accepts the same hours on different weekdays', () => {
    expect(
      validateWeeklyHours([
        { weekday: 1, ...i('09:00', '17:00') },
        { weekday: 2, ...i('09:00', '17:00') },
      ]),
    ).toBeNull();
  });

  it('rejects weekdays outside 1–7', () => {
    for (const weekday of [0, 8, 1.5, -1]) {
      expect(validateWeeklyHours([{ weekday, ...i('09:00', '17:00') }])).toBe(
        `weekday ${weekday}: must be an ISO weekday from 1 (Monday) to 7 (Sunday)`,
      );
    }
  });

  it('names the weekday whose intervals overlap', () => {
    const hours = [
      { weekday: 7, ...i('10:00', '12:00') },
      { weekday: 1, ...i('09:00', '12:00') },
      { weekday: 7, ...i('11:00', '14:00') },
    ];
    expect(validateWeeklyHours(hours)).toBe('Sunday: 10:00–12:00 overlaps 11:00–14:00');
  });
});

describe('validateOverrides', () => {
  it('accepts a closed day and a day with special hours', () => {
    expect(
      validateOverrides([
        { date: '2026-12-24', intervals: [] },
        { date: '2026-12-31', intervals: [i('10:00', '14:00')] },
      ]),
    ).toBeNull();
  });

  it.each(['2026-02-30', '2026-13-01', '2026-2-3', '26-02-03', '2026-02-03T00:00'])('rejects the date %j', (date) => {
    expect(validateOverrides([{ date, intervals: [] }])).toBe(`${date}: not a calendar date in YYYY-MM-DD form`);
  });

  it('accepts 29 February only in a leap year', () => {
    expect(validateOverrides([{ date: '2028-02-29', intervals: [] }])).toBeNull();
    expect(validateOverrides([{ date: '2027-02-29', intervals: [] }])).not.toBeNull();
  });

  it('rejects two overrides for one date', () => {
    expect(
      validateOverrides([
        { date: '2026-12-24', intervals: [] },
        { date: '2026-12-24', intervals: [i('09:00', '10:00')] },
      ]),
    ).toBe('2026-12-24: the date has more than one override');
  });

  it('names the date whose intervals are invalid', () => {
    expect(validateOverrides([{ date: '2026-12-31', intervals: [i('20:00', '01:00')] }])).toMatch(
      /^2026-12-31: 20:00–01:00: ends before it starts; to cross midnight, split it/,
    );
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and rejects others', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/Los_Angeles')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
