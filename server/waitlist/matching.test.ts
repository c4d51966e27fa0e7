import { describe, expect, it } from 'vitest';
import { candidatesFor, daysFromText, daysToText, inWindow, type WaitingEntry } from './matching.js';

const ms = (iso: string) => Date.parse(iso);
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const anyTime = { days: null, from: null, to: null };

let nextId = 1;
const earlier = (over: Partial<WaitingEntry> = {}): WaitingEntry => ({
  id: nextId++,
  kind: 'earlier',
  appointmentId: 100 + nextId,
  memberChoice: 'same',
  memberId: 1,
  start: ms('2026-12-10T09:00:00Z'),
  queuedAt: ms('2026-11-01T00:00:00Z'),
  ...anyTime,
  ...over,
});
const classEntry = (over: Partial<WaitingEntry> = {}): WaitingEntry => ({
  ...earlier(),
  kind: 'class',
  appointmentId: null,
  start: ms('2026-12-05T10:00:00Z'),
  ...over,
});

const rules = { zone: BERLIN, earliest: ms('2026-12-01T09:00:00Z') };
const freed = (start: string, memberId = 1) => ({ memberId, start: ms(start), isClass: false });

describe('inWindow', () => {
  it('takes any time without a window', () => {
    expect(inWindow(anyTime, ms('2026-12-06T23:30:00Z'), BERLIN)).toBe(true);
  });

  it('reads the weekday on the business clock, not in UTC', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Berlin.
    const mondays = { days: [1], from: null, to: null };
    expect(inWindow(mondays, ms('2026-12-06T23:30:00Z'), BERLIN)).toBe(true);
    expect(inWindow(mondays, ms('2026-12-06T22:30:00Z'), BERLIN)).toBe(false);
  });

  it('takes the start from `from` included up to `to` excluded', () => {
    const mornings = { days: null, from: '09:00', to: '12:00' };
    expect(inWindow(mornings, ms('2026-12-02T08:00:00Z'), BERLIN)).toBe(true); // 09:00 CET
    expect(inWindow(mornings, ms('2026-12-02T10:59:00Z'), BERLIN)).toBe(true); // 11:59
    expect(inWindow(mornings, ms('2026-12-02T11:00:00Z'), BERLIN)).toBe(false); // 12:00
    expect(inWindow(mornings, ms('2026-12-02T07:59:00Z'), BERLIN)).toBe(false); // 08:59
  });

  it('takes a one-sided window', () => {
    expect(inWindow({ days: null, from: '17:00', to: null }, ms('2026-12-02T16:00:00Z'), BERLIN)).toBe(true);
    expect(inWindow({ days: null, from: null, to: '10:00' }, ms('2026-12-02T09:00:00Z'), BERLIN)).toBe(false);
  });

  it('keeps the window on the wall clock across the spring DST change (Berlin, 2026-03-29)', () => {
    const mornings = { days: [5, 1], from: '09:00', to: '10:00' };
    // Friday before: 09:30 CET is 08:30 UTC; Monday after: 09:30 CEST is 07:30 UTC.
    expect(inWindow(mornings, ms('2026-03-27T08:30:00Z'), BERLIN)).toBe(true);
    expect(inWindow(mornings, ms('2026-03-30T07:30:00Z'), BERLIN)).toBe(true);
    // The same UTC hour as the Friday's is 10:30 CEST on the Monday: outside.
    expect(inWindow(mornings, ms('2026-03-30T08:30:00Z'), BERLIN)).toBe(false);
  });

  it('keeps the window on the wall clock across the autumn DST change (New York, 2026-11-01)', () => {
    const evenings = { days: [7], from: '01:00', to: '02:00' };
    // 01:30 happens twice that night (EDT, then EST): both are in the window.
    expect(inWindow(evenings, ms('2026-11-01T05:30:00Z'), NEW_YORK)).toBe(true);
    expect(inWindow(evenings, ms('2026-11-01T06:30:00Z'), NEW_YORK)).toBe(true);
    expect(inWindow(evenings, ms('2026-11-01T07:30:00Z'), NEW_YORK)).toBe(false); // 02:30 EST
  });
});

describe('candidatesFor a freed one-to-one time', () => {
  it('gives the entries in the order they asked, by queue time then id', () => {
    const late = earlier({ queuedAt: ms('2026-11-03T00:00:00Z') });
    const first = earlier({ queuedAt: ms('2026-11-01T00:00:00Z') });
    const tie = earlier({ queuedAt: ms('2026-11-01T00:00:00Z') });
    const found = candidatesFor([late, tie, first], freed('2026-12-03T09:00:00Z'), rules);
    // Same queue time: the lower id asked first.
    expect(found.map((e) => e.id)).toEqual([first.id, tie.id, late.id]);
  });

  it('only offers a time earlier than the appointment, and not within the notice period', () => {
    const entry = earlier({ start: ms('2026-12-03T09:00:00Z') });
    expect(candidatesFor([entry], freed('2026-12-03T09:00:00Z'), rules)).toEqual([]); // the same time
    expect(candidatesFor([entry], freed('2026-12-04T09:00:00Z'), rules)).toEqual([]); // later
    expect(candidatesFor([entry], freed('2026-12-01T08:30:00Z'), rules)).toEqual([]); // before `earliest`
    expect(candidatesFor([entry], freed('2026-12-01T09:00:00Z'), rules)).toEqual([entry]);
  });

  it('keeps a `same` entry to its member and lets an `any` entry take any', () => {
    const same = earlier({ memberId: 2 });
    const any = earlier({ memberId: 2, memberChoice: 'any' });
    expect(candidatesFor([same, any], freed('2026-12-03T09:00:00Z', 3), rules)).toEqual([any]);
    expect(candidatesFor([same, any], freed('2026-12-03T09:00:00Z', 2), rules)).toEqual([same, any]);
  });

  it('applies each entry’s days and window in the business zone', () => {
    const wednesdays = earlier({ days: [3] });
    const afternoons = earlier({ from: '13:00', to: '18:00' });
    // Wednesday 2 December, 10:00 in Berlin.
    expect(candidatesFor([wednesdays, afternoons], freed('2026-12-02T09:00:00Z'), rules)).toEqual([wednesdays]);
    // Thursday 3 December, 14:00 in Berlin.
    expect(candidatesFor([wednesdays, afternoons], freed('2026-12-03T13:00:00Z'), rules)).toEqual([afternoons]);
  });

  it('skips the entries this time was offered to already, and class entries', () => {
    const had = earlier();
    const next = earlier();
    const waitingForClass = classEntry({ start: ms('2026-12-03T09:00:00Z') });
    const found = candidatesFor([had, next, waitingForClass], freed('2026-12-03T09:00:00Z'), {
      ...rules,
      skip: new Set([had.id]),
    });
    expect(found).toEqual([next]);
  });
});

describe('candidatesFor a freed class place', () => {
  const place = { memberId: 1, start: ms('2026-12-05T10:00:00Z'), isClass: true };

  it('offers it to the line of exactly that class time', () => {
    const mine = classEntry();
    const otherTime = classEntry({ start: ms('2026-12-12T10:00:00Z') });
    const otherMember = classEntry({ memberId: 2 });
    const oneToOne = earlier();
    expect(candidatesFor([oneToOne, otherTime, otherMember, mine], place, rules)).toEqual([mine]);
  });
});

describe('days as stored', () => {
  it('sorts, dedupes and reads back; none or empty is every day', () => {
    expect(daysToText([5, 1, 5])).toBe('1,5');
    expect(daysFromText('1,5')).toEqual([1, 5]);
    expect(daysToText([])).toBeNull();
    expect(daysToText(undefined)).toBeNull();
    expect(daysFromText(null)).toBeNull();
  });
});
