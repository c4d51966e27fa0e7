import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { at, booked, dayIn, ends, everyDay, input, rules, service, spans, starts } from './availability.fixtures.js';
import { computeSlots } from './slots.js';

// Every transition day below is a Sunday (ISO weekday 7). Slots step in absolute time, so their wall-clock
// times jump with the offset while each still lasts exactly the service's duration.
const sunday = (start: string, end: string) => everyDay(start, end, [7]);

const onDay = (timeZone: string, date: string, start: string, end: string, minutes = 60, step = minutes) =>
  computeSlots(
    input({
      timeZone,
      weeklyHours: sunday(start, end),
      service: service(minutes),
      rules: rules(step),
      range: dayIn(date, timeZone),
    }),
  );

describe('Europe/Berlin spring forward, 2026-03-29 (02:00 CET → 03:00 CEST)', () => {
  it('makes 01:00–04:00 two real hours', () => {
    const slots = onDay('Europe/Berlin', '2026-03-29', '01:00', '04:00', 60, 30);
    expect(spans(slots)).toEqual([
      '2026-03-29T01:00:00+01:00/2026-03-29T03:00:00+02:00',
      '2026-03-29T01:30:00+01:00/2026-03-29T03:30:00+02:00',
      '2026-03-29T03:00:00+02:00/2026-03-29T04:00:00+02:00',
    ]);
    expect(onDay('Europe/Berlin', '2026-03-29', '01:00', '04:00')).toHaveLength(2);
  });

  it('moves a bound inside the gap forward by the gap: 02:30 reads as 03:30 CEST', () => {
    const slots = onDay('Europe/Berlin', '2026-03-29', '02:30', '05:00', 60, 30);
    expect(starts(slots)).toEqual(['2026-03-29T03:30:00+02:00', '2026-03-29T04:00:00+02:00']);
  });

  it('offers nothing for 02:00–03:00, which does not exist that night', () => {
    expect(onDay('Europe/Berlin', '2026-03-29', '02:00', '03:00', 30)).toEqual([]);
  });

  it('shifts an interval lying wholly inside the gap as a whole (02:15–02:45 → 03:15–03:45 CEST)', () => {
    const slots = onDay('Europe/Berlin', '2026-03-29', '02:15', '02:45', 30);
    expect(starts(slots)).toEqual(['2026-03-29T03:15:00+02:00']);
  });

  it('uses the right offset on the days around the change', () => {
    const slots = computeSlots(
      input({ weeklyHours: everyDay('09:00', '10:00'), range: dayIn('2026-03-28', 'Europe/Berlin', 3) }),
    );
    expect(starts(slots)).toEqual([
      '2026-03-28T09:00:00+01:00',
      '2026-03-29T09:00:00+02:00',
      '2026-03-30T09:00:00+02:00',
    ]);
    expect(starts(slots, 'UTC')).toEqual(['2026-03-28T08:00:00Z', '2026-03-29T07:00:00Z', '2026-03-30T07:00:00Z']);
  });
});

describe('Europe/Berlin fall back, 2026-10-25 (03:00 CEST → 02:00 CET; 02:00–02:59 happens twice)', () => {
  it('makes 01:00–04:00 four real hours, with 02:00 offered twice', () => {
    expect(starts(onDay('Europe/Berlin', '2026-10-25', '01:00', '04:00'))).toEqual([
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T02:00:00+01:00',
      '2026-10-25T03:00:00+01:00',
    ]);
  });

  it('reads an ambiguous start as its first occurrence and steps on in absolute time', () => {
    const slots = onDay('Europe/Berlin', '2026-10-25', '02:30', '04:00', 60, 30);
    expect(starts(slots)).toEqual([
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:00:00+01:00',
      '2026-10-25T02:30:00+01:00',
      '2026-10-25T03:00:00+01:00',
    ]);
    expect(ends(slots).at(-1)).toBe('2026-10-25T04:00:00+01:00');
  });

  it('reads an ambiguous end as its first occurrence too', () => {
    const slots = onDay('Europe/Berlin', '2026-10-25', '00:00', '02:30', 60, 30);
    expect(starts(slots)).toEqual([
      '2026-10-25T00:00:00+02:00',
      '2026-10-25T00:30:00+02:00',
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T01:30:00+02:00',
    ]);
    expect(ends(slots).at(-1)).toBe('2026-10-25T02:30:00+02:00');
  });

  it('blocks only the occurrence of 02:00 that is booked', () => {
    const slots = computeSlots(
      input({
        weeklyHours: sunday('01:00', '04:00'),
        rules: rules(60),
        range: dayIn('2026-10-25', 'Europe/Berlin'),
        appointments: [booked('2026-10-25T02:00:00+01:00', '2026-10-25T03:00:00+01:00')],
      }),
    );
    expect(starts(slots)).toEqual([
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T03:00:00+01:00',
    ]);
  });

  it('does not depend on the season the code runs in', () => {
    // Luxon's fromObject resolves an ambiguous time with the zone's offset at Settings.now.
    const compute = () => starts(onDay('Europe/Berlin', '2026-10-25', '02:30', '04:00', 60, 30));
    Settings.now = () => at('2026-07-01T12:00:00Z');
    const summer = compute();
    Settings.now = () => at('2026-01-15T12:00:00Z');
    const winter = compute();
    expect(summer).toEqual(winter);
    expect(summer[0]).toBe('2026-10-25T02:30:00+02:00');
  });

  afterEach(() => {
    Settings.now = () => Date.now();
  });
});

describe('America/New_York', () => {
  it('spring forward 2026-03-08 (02:00 EST → 03:00 EDT): 01:00–04:00 is two real hours', () => {
    const slots = onDay('America/New_York', '2026-03-08', '01:00', '04:00', 60, 30);
    expect(starts(slots, 'America/New_York')).toEqual([
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T01:30:00-05:00',
      '2026-03-08T03:00:00-04:00',
    ]);
  });

  it('fall back 2026-11-01 (02:00 EDT → 01:00 EST): 00:00–03:00 is four real hours', () => {
    expect(starts(onDay('America/New_York', '2026-11-01', '00:00', '03:00'), 'America/New_York')).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
  });

  it('fall back: 01:30–02:30 starts at the first 01:30 and lasts two real hours', () => {
    const slots = onDay('America/New_York', '2026-11-01', '01:30', '02:30', 60, 30);
    expect(starts(slots, 'America/New_York')).toEqual([
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T01:30:00-05:00',
    ]);
    expect(starts(slots, 'UTC')).toEqual(['2026-11-01T05:30:00Z', '2026-11-01T06:00:00Z', '2026-11-01T06:30:00Z']);
  });
});

describe('southern hemisphere: Australia/Sydney', () => {
  it('is on +11:00 in January and +10:00 in June', () => {
    const january = computeSlots(
      input({
        timeZone: 'Australia/Sydney',
        weeklyHours: everyDay('09:00', '10:00'),
        range: dayIn('2026-01-15', 'Australia/Sydney'),
      }),
    );
    const june = computeSlots(
      input({
        timeZone: 'Australia/Sydney',
        weeklyHours: everyDay('09:00', '10:00'),
        range: dayIn('2026-06-15', 'Australia/Sydney'),
      }),
    );
    expect(starts(january, 'UTC')).toEqual(['2026-01-14T22:00:00Z']);
    expect(starts(june, 'UTC')).toEqual(['2026-06-14T23:00:00Z']);
  });

  it('falls back on 2026-04-05 (03:00 AEDT → 02:00 AEST): 01:00–04:00 is four real hours', () => {
    expect(starts(onDay('Australia/Sydney', '2026-04-05', '01:00', '04:00'), 'Australia/Sydney')).toEqual([
      '2026-04-05T01:00:00+11:00',
      '2026-04-05T02:00:00+11:00',
      '2026-04-05T02:00:00+10:00',
      '2026-04-05T03:00:00+10:00',
    ]);
  });

  it('springs forward on 2026-10-04 (02:00 AEST → 03:00 AEDT): 01:00–04:00 is two real hours', () => {
    expect(starts(onDay('Australia/Sydney', '2026-10-04', '01:00', '04:00'), 'Australia/Sydney')).toEqual([
      '2026-10-04T01:00:00+10:00',
      '2026-10-04T03:00:00+11:00',
    ]);
  });
});

describe('America/Santiago, where midnight itself is skipped (2026-09-06 00:00 → 01:00)', () => {
  it('moves a 00:00 start to 01:00 -03:00', () => {
    const slots = onDay('America/Santiago', '2026-09-06', '00:00', '02:00', 60, 30);
    expect(starts(slots, 'America/Santiago')).toEqual(['2026-09-06T01:00:00-03:00']);
  });

  it('reads the previous evening’s 24:00 as the same shifted instant', () => {
    const slots = computeSlots(
      input({
        timeZone: 'America/Santiago',
        weeklyHours: everyDay('22:00', '24:00', [6]),
        range: dayIn('2026-09-05', 'America/Santiago'),
        rules: rules(60),
      }),
    );
    expect(starts(slots, 'America/Santiago')).toEqual(['2026-09-05T22:00:00-04:00', '2026-09-05T23:00:00-04:00']);
    expect(ends(slots, 'America/Santiago').at(-1)).toBe('2026-09-06T01:00:00-03:00');
  });
});

describe('a Berlin provider seen by a customer in America/Los_Angeles', () => {
  const provider = { weeklyHours: everyDay('08:00', '18:00'), rules: rules(60) };
  // The customer's Monday, 00:00–24:00 PDT, is 09:00 CEST Monday to 09:00 CEST Tuesday.
  const customerDay = dayIn('2026-06-15', 'America/Los_Angeles');

  it('returns the provider slots whose instants fall in the customer’s day', () => {
    const slots = computeSlots(input({ ...provider, range: customerDay }));
    expect(starts(slots, 'America/Los_Angeles')).toEqual([
      '2026-06-15T00:00:00-07:00',
      '2026-06-15T01:00:00-07:00',
      '2026-06-15T02:00:00-07:00',
      '2026-06-15T03:00:00-07:00',
      '2026-06-15T04:00:00-07:00',
      '2026-06-15T05:00:00-07:00',
      '2026-06-15T06:00:00-07:00',
      '2026-06-15T07:00:00-07:00',
      '2026-06-15T08:00:00-07:00',
      '2026-06-15T23:00:00-07:00',
    ]);
    expect(starts(slots)).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T10:00:00+02:00',
      '2026-06-15T11:00:00+02:00',
      '2026-06-15T12:00:00+02:00',
      '2026-06-15T13:00:00+02:00',
      '2026-06-15T14:00:00+02:00',
      '2026-06-15T15:00:00+02:00',
      '2026-06-15T16:00:00+02:00',
      '2026-06-15T17:00:00+02:00',
      '2026-06-16T08:00:00+02:00',
    ]);
  });

  it('gives the same instants as the provider’s own two days cut to that range', () => {
    const viaCustomer = computeSlots(input({ ...provider, range: customerDay }));
    const viaProvider = computeSlots(input({ ...provider, range: dayIn('2026-06-15', 'Europe/Berlin', 2) })).filter(
      (slot) => slot.start >= customerDay.start && slot.start < customerDay.end,
    );
    expect(viaCustomer).toEqual(viaProvider);
  });
});

// Bounds inside a spring-forward gap move forward by the gap, so a date's intervals in wall-clock order can land out
// of order as instants: 02:30–02:50 Berlin becomes 03:30–03:50 CEST, after the 03:00 of the next interval.
describe('intervals whose bounds a spring-forward gap puts out of order', () => {
  it.each([
    // zone, date, first interval (inside the gap), second interval, expected starts
    [
      'Europe/Berlin',
      '2027-03-28',
      ['02:30', '02:50'],
      ['03:00', '04:00'],
      ['2027-03-28T03:00:00+02:00', '2027-03-28T03:30:00+02:00'],
    ],
    // Lord Howe moves by 30 minutes: 02:00 → 02:30; 02:10–02:25 reads as 02:40–02:55.
    [
      'Australia/Lord_Howe',
      '2027-10-03',
      ['02:10', '02:25'],
      ['02:30', '03:30'],
      ['2027-10-03T02:30:00+11:00', '2027-10-03T03:00:00+11:00'],
    ],
    // Troll moves by two hours: 01:00 → 03:00; 01:30–01:50 reads as 03:30–03:50.
    [
      'Antarctica/Troll',
      '2027-03-28',
      ['01:30', '01:50'],
      ['03:00', '04:00'],
      ['2027-03-28T03:00:00+02:00', '2027-03-28T03:30:00+02:00'],
    ],
  ])('%s %s: offers every slot of the later interval', (timeZone, date, first, second, expected) => {
    const weeklyHours = [...sunday(first[0]!, first[1]!), ...sunday(second[0]!, second[1]!)];
    const slots = computeSlots(
      input({ timeZone, weeklyHours, service: service(30), rules: rules(30, 0, 3650), range: dayIn(date, timeZone) }),
    );
    expect(starts(slots, timeZone)).toEqual(expected);
  });
});
