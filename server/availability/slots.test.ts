import { describe, expect, it } from 'vitest';
import { at, booked, dayIn, everyDay, input, isoIn, rules, service, spans, starts } from './availability.fixtures.js';
import { computeSlots } from './slots.js';

// 2026-06-15 is a Monday; Berlin is on CEST (+02:00) all through June.
const monday = (start: string, end: string) => everyDay(start, end, [1]);

describe('weekly hours', () => {
  it('steps a 60-minute service through one interval on a 30-minute grid', () => {
    const slots = computeSlots(input({ weeklyHours: monday('09:00', '12:00') }));
    expect(spans(slots)).toEqual([
      '2026-06-15T09:00:00+02:00/2026-06-15T10:00:00+02:00',
      '2026-06-15T09:30:00+02:00/2026-06-15T10:30:00+02:00',
      '2026-06-15T10:00:00+02:00/2026-06-15T11:00:00+02:00',
      '2026-06-15T10:30:00+02:00/2026-06-15T11:30:00+02:00',
      '2026-06-15T11:00:00+02:00/2026-06-15T12:00:00+02:00',
    ]);
    expect(slots[0]).toEqual({ start: at('2026-06-15T07:00:00Z'), end: at('2026-06-15T08:00:00Z') });
  });

  it('reads weekdays as ISO weekdays and skips days without hours', () => {
    const slots = computeSlots(
      input({
        weeklyHours: everyDay('09:00', '11:00', [1, 3, 5]),
        service: service(60),
        rules: rules(60),
        range: dayIn('2026-06-15', 'Europe/Berlin', 7),
      }),
    );
    expect(starts(slots)).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T10:00:00+02:00',
      '2026-06-17T09:00:00+02:00',
      '2026-06-17T10:00:00+02:00',
      '2026-06-19T09:00:00+02:00',
      '2026-06-19T10:00:00+02:00',
    ]);
  });

  it('handles several intervals a day, given in any order', () => {
    const weeklyHours = [...monday('16:00', '17:00'), ...monday('09:00', '11:00'), ...monday('13:00', '14:30')];
    expect(starts(computeSlots(input({ weeklyHours })))).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T09:30:00+02:00',
      '2026-06-15T10:00:00+02:00',
      '2026-06-15T13:00:00+02:00',
      '2026-06-15T13:30:00+02:00',
      '2026-06-15T16:00:00+02:00',
    ]);
  });

  it('joins touching intervals into one stretch, but not intervals a minute apart', () => {
    const touching = [...monday('09:00', '10:00'), ...monday('10:00', '11:00')];
    expect(starts(computeSlots(input({ weeklyHours: touching })))).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T09:30:00+02:00',
      '2026-06-15T10:00:00+02:00',
    ]);
    const apart = [...monday('09:00', '10:00'), ...monday('10:01', '11:01')];
    expect(starts(computeSlots(input({ weeklyHours: apart })))).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T10:01:00+02:00',
    ]);
  });

  it('offers a 45-minute service on a 30-minute grid only where it ends in time', () => {
    const slots = computeSlots(input({ weeklyHours: monday('09:00', '11:00'), service: service(45) }));
    expect(spans(slots)).toEqual([
      '2026-06-15T09:00:00+02:00/2026-06-15T09:45:00+02:00',
      '2026-06-15T09:30:00+02:00/2026-06-15T10:15:00+02:00',
      '2026-06-15T10:00:00+02:00/2026-06-15T10:45:00+02:00',
    ]);
  });

  it('leaves gaps when the step is longer than the service', () => {
    const slots = computeSlots(
      input({ weeklyHours: monday('09:00', '12:00'), service: service(30), rules: rules(90) }),
    );
    expect(starts(slots)).toEqual(['2026-06-15T09:00:00+02:00', '2026-06-15T10:30:00+02:00']);
  });

  it('anchors the grid at the interval start, not at the full hour', () => {
    const slots = computeSlots(input({ weeklyHours: monday('09:10', '11:00') }));
    expect(starts(slots)).toEqual(['2026-06-15T09:10:00+02:00', '2026-06-15T09:40:00+02:00']);
  });

  it('offers nothing in an interval shorter than the service', () => {
    expect(computeSlots(input({ weeklyHours: monday('09:00', '09:45') }))).toEqual([]);
  });

  it('reads 24:00 as the next midnight, and never lets a slot cross midnight', () => {
    const slots = computeSlots(
      input({
        weeklyHours: [...monday('22:00', '24:00'), ...everyDay('00:00', '02:00', [2])],
        range: { start: at('2026-06-15T12:00:00+02:00'), end: at('2026-06-16T12:00:00+02:00') },
      }),
    );
    expect(starts(slots)).toEqual([
      '2026-06-15T22:00:00+02:00',
      '2026-06-15T22:30:00+02:00',
      '2026-06-15T23:00:00+02:00',
      '2026-06-16T00:00:00+02:00',
      '2026-06-16T00:30:00+02:00',
      '2026-06-16T01:00:00+02:00',
    ]);
    expect(isoIn(slots[2]!.end, 'Europe/Berlin')).toBe('2026-06-16T00:00:00+02:00');
  });
});

describe('date overrides', () => {
  const twoMondays = {
    weeklyHours: monday('09:00', '11:00'),
    rules: rules(60),
    range: dayIn('2026-06-15', 'Europe/Berlin', 8),
  };

  it('closes a date when the override has no intervals', () => {
    const slots = computeSlots(input({ ...twoMondays, overrides: [{ date: '2026-06-15', intervals: [] }] }));
    expect(starts(slots)).toEqual(['2026-06-22T09:00:00+02:00', '2026-06-22T10:00:00+02:00']);
  });

  it('replaces the weekly hours of that date only', () => {
    const overrides = [{ date: '2026-06-15', intervals: [{ start: '14:00', end: '16:00' }] }];
    expect(starts(computeSlots(input({ ...twoMondays, overrides })))).toEqual([
      '2026-06-15T14:00:00+02:00',
      '2026-06-15T15:00:00+02:00',
      '2026-06-22T09:00:00+02:00',
      '2026-06-22T10:00:00+02:00',
    ]);
  });

  it('opens a date that has no weekly hours', () => {
    const overrides = [{ date: '2026-06-21', intervals: [{ start: '10:00', end: '11:00' }] }];
    expect(starts(computeSlots(input({ ...twoMondays, overrides })))).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T10:00:00+02:00',
      '2026-06-21T10:00:00+02:00',
      '2026-06-22T09:00:00+02:00',
      '2026-06-22T10:00:00+02:00',
    ]);
  });

  it('matches override dates and weekdays in the provider zone, not in UTC', () => {
    // 08:00 in Tokyo is 23:00 UTC of the day before: the UTC date says 15th, the provider's date says 16th.
    const slots = computeSlots(
      input({
        timeZone: 'Asia/Tokyo',
        weeklyHours: everyDay('08:00', '09:00'),
        overrides: [{ date: '2026-06-16', intervals: [] }],
        range: { start: at('2026-06-15T00:00:00Z'), end: at('2026-06-17T00:00:00Z') },
      }),
    );
    expect(starts(slots, 'UTC')).toEqual(['2026-06-16T23:00:00Z']);
    expect(starts(slots, 'Asia/Tokyo')).toEqual(['2026-06-17T08:00:00+09:00']);
  });
});

describe('appointments and buffers', () => {
  const morning = monday('08:00', '13:00');

  it('treats intervals as half-open: a slot may end when an appointment starts, or start when it ends', () => {
    const slots = computeSlots(
      input({ weeklyHours: morning, appointments: [booked('2026-06-15T10:00:00+02:00', '2026-06-15T11:00:00+02:00')] }),
    );
    expect(starts(slots)).toEqual([
      '2026-06-15T08:00:00+02:00',
      '2026-06-15T08:30:00+02:00',
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T11:00:00+02:00',
      '2026-06-15T11:30:00+02:00',
      '2026-06-15T12:00:00+02:00',
    ]);
  });

  it('fits a slot exactly into the gap between two appointments', () => {
    const slots = computeSlots(
      input({
        weeklyHours: monday('09:00', '12:00'),
        rules: rules(60),
        appointments: [
          booked('2026-06-15T09:00:00+02:00', '2026-06-15T10:00:00+02:00'),
          booked('2026-06-15T11:00:00+02:00', '2026-06-15T12:00:00+02:00'),
        ],
      }),
    );
    expect(starts(slots)).toEqual(['2026-06-15T10:00:00+02:00']);
  });

  it("keeps the new service's buffers (15 before, 30 after) clear of appointments", () => {
    const slots = computeSlots(
      input({
        weeklyHours: morning,
        service: service(60, 15, 30),
        rules: rules(15),
        appointments: [booked('2026-06-15T10:00:00+02:00', '2026-06-15T11:00:00+02:00')],
      }),
    );
    // Latest before: 08:30 + 60 min + 30 min after = 10:00. Earliest after: 11:00 + 15 min before = 11:15.
    expect(starts(slots)).toEqual([
      '2026-06-15T08:00:00+02:00',
      '2026-06-15T08:15:00+02:00',
      '2026-06-15T08:30:00+02:00',
      '2026-06-15T11:15:00+02:00',
      '2026-06-15T11:30:00+02:00',
      '2026-06-15T11:45:00+02:00',
      '2026-06-15T12:00:00+02:00',
    ]);
  });

  it("keeps the slot itself out of an existing appointment's buffers (another service's)", () => {
    const slots = computeSlots(
      input({
        weeklyHours: morning,
        rules: rules(15),
        appointments: [
          booked(
            '2026-06-15T10:00:00+02:00',
            '2026-06-15T11:00:00+02:00',
            '2026-06-15T09:30:00+02:00',
            '2026-06-15T11:45:00+02:00',
          ),
        ],
      }),
    );
    expect(starts(slots)).toEqual([
      '2026-06-15T08:00:00+02:00',
      '2026-06-15T08:15:00+02:00',
      '2026-06-15T08:30:00+02:00',
      '2026-06-15T11:45:00+02:00',
      '2026-06-15T12:00:00+02:00',
    ]);
  });

  it('leaves max(previous after-buffer, next before-buffer) between appointments', () => {
    // The booked appointment ends 11:00 and blocks 20 minutes after it.
    const appointments = [
      booked(
        '2026-06-15T10:00:00+02:00',
        '2026-06-15T11:00:00+02:00',
        '2026-06-15T10:00:00+02:00',
        '2026-06-15T11:20:00+02:00',
      ),
    ];
    const slotsWith = (bufferBefore: number) =>
      starts(
        computeSlots(
          input({
            weeklyHours: monday('11:00', '12:30'),
            service: service(30, bufferBefore),
            rules: rules(10),
            appointments,
          }),
        ),
      );
    expect(slotsWith(10)[0]).toBe('2026-06-15T11:20:00+02:00');
    expect(slotsWith(40)).toEqual([
      '2026-06-15T11:40:00+02:00',
      '2026-06-15T11:50:00+02:00',
      '2026-06-15T12:00:00+02:00',
    ]);

    // Before an appointment that blocks 15 minutes ahead of it, a 30-minute service with 25 minutes after.
    const ahead = [
      booked(
        '2026-06-15T10:00:00+02:00',
        '2026-06-15T11:00:00+02:00',
        '2026-06-15T09:45:00+02:00',
        '2026-06-15T11:00:00+02:00',
      ),
    ];
    const before = computeSlots(
      input({
        weeklyHours: monday('08:30', '10:00'),
        service: service(30, 0, 25),
        rules: rules(5),
        appointments: ahead,
      }),
    );
    expect(starts(before).slice(-2)).toEqual(['2026-06-15T09:00:00+02:00', '2026-06-15T09:05:00+02:00']);
  });

  it('fits a long service around shorter appointments of other services, and a short one between them', () => {
    const appointments = [
      booked('2026-06-15T11:15:00+02:00', '2026-06-15T11:30:00+02:00'),
      booked('2026-06-15T09:30:00+02:00', '2026-06-15T10:00:00+02:00'),
    ];
    const long = computeSlots(
      input({ weeklyHours: monday('09:00', '14:00'), service: service(90), rules: rules(15), appointments }),
    );
    expect(starts(long)).toEqual([
      '2026-06-15T11:30:00+02:00',
      '2026-06-15T11:45:00+02:00',
      '2026-06-15T12:00:00+02:00',
      '2026-06-15T12:15:00+02:00',
      '2026-06-15T12:30:00+02:00',
    ]);
    const short = computeSlots(
      input({ weeklyHours: monday('09:00', '12:00'), service: service(30), rules: rules(15), appointments }),
    );
    expect(starts(short)).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T10:00:00+02:00',
      '2026-06-15T10:15:00+02:00',
      '2026-06-15T10:30:00+02:00',
      '2026-06-15T10:45:00+02:00',
      '2026-06-15T11:30:00+02:00',
    ]);
  });

  it("lets a previous day's appointment block into the morning through its buffer", () => {
    const late = booked(
      '2026-06-14T23:00:00+02:00',
      '2026-06-14T23:30:00+02:00',
      '2026-06-14T23:00:00+02:00',
      '2026-06-15T08:30:00+02:00',
    );
    const slots = computeSlots(input({ weeklyHours: monday('08:00', '10:00'), appointments: [late] }));
    expect(starts(slots)).toEqual(['2026-06-15T08:30:00+02:00', '2026-06-15T09:00:00+02:00']);
  });
});

describe('external busy times', () => {
  it("block with the new service's buffers but have none of their own", () => {
    const slots = computeSlots(
      input({
        weeklyHours: monday('09:00', '11:30'),
        service: service(30, 15, 15),
        rules: rules(15),
        externalBusy: [{ start: at('2026-06-15T10:00:00+02:00'), end: at('2026-06-15T10:30:00+02:00') }],
      }),
    );
    expect(starts(slots)).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T09:15:00+02:00',
      '2026-06-15T10:45:00+02:00',
      '2026-06-15T11:00:00+02:00',
    ]);
  });

  it('touching a busy time is allowed on both sides', () => {
    const slots = computeSlots(
      input({
        weeklyHours: monday('09:00', '12:00'),
        rules: rules(60),
        externalBusy: [{ start: at('2026-06-15T10:00:00+02:00'), end: at('2026-06-15T11:00:00+02:00') }],
      }),
    );
    expect(starts(slots)).toEqual(['2026-06-15T09:00:00+02:00', '2026-06-15T11:00:00+02:00']);
  });

  it('merges overlapping busy times and appointments into one blocked stretch', () => {
    const slots = computeSlots(
      input({
        weeklyHours: monday('09:00', '11:00'),
        service: service(30),
        rules: rules(10),
        appointments: [booked('2026-06-15T10:10:00+02:00', '2026-06-15T10:30:00+02:00')],
        externalBusy: [
          { start: at('2026-06-15T09:30:00+02:00'), end: at('2026-06-15T10:10:00+02:00') },
          { start: at('2026-06-15T09:00:00+02:00'), end: at('2026-06-15T09:40:00+02:00') },
        ],
      }),
    );
    expect(starts(slots)).toEqual(['2026-06-15T10:30:00+02:00']);
  });

  it('ignores empty busy times and empty blocked spans', () => {
    const point = at('2026-06-15T10:15:00+02:00');
    const slots = computeSlots(
      input({
        weeklyHours: monday('10:00', '11:00'),
        service: service(30),
        externalBusy: [{ start: point, end: point }],
        appointments: [{ start: point, end: point, blockedStart: point, blockedEnd: point }],
      }),
    );
    expect(starts(slots)).toEqual(['2026-06-15T10:00:00+02:00', '2026-06-15T10:30:00+02:00']);
  });
});

describe('notice, horizon and range', () => {
  const hours = monday('09:00', '12:00');

  it('drops slots starting before now + minimum notice, keeping the grid', () => {
    const slots = computeSlots(
      input({ weeklyHours: hours, now: at('2026-06-15T09:10:00+02:00'), rules: rules(30, 60) }),
    );
    expect(starts(slots)).toEqual(['2026-06-15T10:30:00+02:00', '2026-06-15T11:00:00+02:00']);
  });

  it('keeps a slot starting exactly at now + minimum notice', () => {
    const slots = computeSlots(
      input({ weeklyHours: hours, now: at('2026-06-15T09:10:00+02:00'), rules: rules(30, 50) }),
    );
    expect(starts(slots)[0]).toBe('2026-06-15T10:00:00+02:00');
  });

  it('offers nothing once the day is past', () => {
    expect(computeSlots(input({ weeklyHours: hours, now: at('2026-06-16T00:00:00+02:00') }))).toEqual([]);
  });

  it('stops before now + maxDaysAhead days (exclusive)', () => {
    const slots = computeSlots(
      input({
        weeklyHours: everyDay('09:00', '12:00', [1, 2]),
        now: at('2026-06-15T10:00:00+02:00'),
        rules: rules(30, 0, 1),
        range: dayIn('2026-06-15', 'Europe/Berlin', 3),
      }),
    );
    expect(starts(slots)).toEqual([
      '2026-06-15T10:00:00+02:00',
      '2026-06-15T10:30:00+02:00',
      '2026-06-15T11:00:00+02:00',
      '2026-06-16T09:00:00+02:00',
      '2026-06-16T09:30:00+02:00',
    ]);
  });

  it('counts the horizon in calendar days of the provider zone across a DST change', () => {
    // Three days after Friday 10:00 CET is Monday 10:00 CEST (72 h would be 11:00 CEST, and would admit 10:00).
    const slots = computeSlots(
      input({
        weeklyHours: hours,
        now: at('2026-03-27T10:00:00+01:00'),
        rules: rules(30, 0, 3),
        range: dayIn('2026-03-30', 'Europe/Berlin'),
      }),
    );
    expect(starts(slots)).toEqual(['2026-03-30T09:00:00+02:00', '2026-03-30T09:30:00+02:00']);
  });

  it('offers nothing with a horizon of 0 days', () => {
    expect(computeSlots(input({ weeklyHours: hours, rules: rules(30, 0, 0) }))).toEqual([]);
  });

  it('returns only slots starting inside the range, half-open', () => {
    const range = { start: at('2026-06-15T10:00:00+02:00'), end: at('2026-06-15T11:00:00+02:00') };
    expect(starts(computeSlots(input({ weeklyHours: hours, range })))).toEqual([
      '2026-06-15T10:00:00+02:00',
      '2026-06-15T10:30:00+02:00',
    ]);
  });

  it('returns nothing for an empty or reversed range', () => {
    const t = at('2026-06-15T10:00:00+02:00');
    expect(computeSlots(input({ weeklyHours: hours, range: { start: t, end: t } }))).toEqual([]);
    expect(computeSlots(input({ weeklyHours: hours, range: { start: t, end: t - 1 } }))).toEqual([]);
  });
});

describe('empty and invalid inputs', () => {
  it('returns nothing without hours, and ignores overrides outside the range', () => {
    expect(computeSlots(input())).toEqual([]);
    expect(
      computeSlots(input({ overrides: [{ date: '2027-01-01', intervals: [{ start: '09:00', end: '10:00' }] }] })),
    ).toEqual([]);
  });

  it('throws a RangeError for an unknown zone, an unreadable time, or a non-positive duration or step', () => {
    const hours = monday('09:00', '12:00');
    expect(() => computeSlots(input({ weeklyHours: hours, timeZone: 'Mars/Olympus_Mons' }))).toThrow(RangeError);
    expect(() => computeSlots(input({ weeklyHours: monday('9am', '12:00') }))).toThrow(RangeError);
    expect(() => computeSlots(input({ weeklyHours: hours, service: service(0) }))).toThrow(RangeError);
    expect(() => computeSlots(input({ weeklyHours: hours, rules: rules(0) }))).toThrow(RangeError);
  });
});
