import { describe, expect, it } from 'vitest';
import { BERLIN, booked, everyDay, input, starts } from './availability.fixtures.js';
import { classSlots } from './class-slots.js';
import { computeSlots } from './slots.js';
import { teamSlots } from './team-slots.js';

const asSeats = (memberId: number, patch: Parameters<typeof input>[0]) => ({
  memberId,
  slots: computeSlots(input(patch)).map((s) => ({ ...s, placesLeft: 1 })),
});

describe('teamSlots', () => {
  it('is the union of the members’ slots, each naming who is free then', () => {
    const anna = asSeats(1, { weeklyHours: everyDay('09:00', '11:00') });
    const ben = asSeats(2, { weeklyHours: everyDay('10:00', '12:00') });
    const union = teamSlots([anna, ben]);
    expect(starts(union)).toEqual([
      '2026-06-15T09:00:00+02:00',
      '2026-06-15T09:30:00+02:00',
      '2026-06-15T10:00:00+02:00',
      '2026-06-15T10:30:00+02:00',
      '2026-06-15T11:00:00+02:00',
    ]);
    expect(union.map((s) => s.memberIds)).toEqual([[1], [1], [1, 2], [2], [2]]);
  });

  it('never lends one member’s hours to another: a busy member drops out of a shared time only', () => {
    const anna = asSeats(1, {
      weeklyHours: everyDay('09:00', '11:00'),
      externalBusy: [{ start: Date.parse('2026-06-15T08:00:00Z'), end: Date.parse('2026-06-15T09:00:00Z') }],
    });
    const ben = asSeats(2, { weeklyHours: everyDay('10:00', '12:00') });
    const union = teamSlots([anna, ben]);
    // Anna is busy 10:00–11:00 Berlin: 10:00 is Ben's alone, 09:30 (ending in her busy hour) is gone.
    expect(union.map((s) => [starts([s])[0], s.memberIds])).toEqual([
      ['2026-06-15T09:00:00+02:00', [1]],
      ['2026-06-15T10:00:00+02:00', [2]],
      ['2026-06-15T10:30:00+02:00', [2]],
      ['2026-06-15T11:00:00+02:00', [2]],
    ]);
  });

  it('answers one member exactly as computeSlots does (the solo business)', () => {
    const patch = {
      weeklyHours: everyDay('09:00', '17:00'),
      appointments: [booked('2026-06-15T11:00:00+02:00', '2026-06-15T12:00:00+02:00')],
    };
    const solo = teamSlots([asSeats(7, patch)]);
    expect(solo.map(({ start, end }) => ({ start, end }))).toEqual(computeSlots(input(patch)));
  });

  it('adds up the places of classes at the same time', () => {
    const union = teamSlots([
      { memberId: 1, slots: [{ start: 0, end: 10, placesLeft: 3 }] },
      { memberId: 2, slots: [{ start: 0, end: 10, placesLeft: 12 }] },
    ]);
    expect(union).toEqual([{ start: 0, end: 10, memberIds: [1, 2], placesLeft: 15 }]);
  });
});

describe('classSlots', () => {
  const hours = {
    weeklyHours: everyDay('09:00', '12:00', [1]),
    rules: { minNoticeMinutes: 0, maxDaysAhead: 365, slotStepMinutes: 60 },
  };
  const attendee = () => booked('2026-06-15T10:00:00+02:00', '2026-06-15T11:00:00+02:00');

  it('keeps a class time open while places remain; its attendees do not block it, but block other starts', () => {
    const attendees = [attendee(), attendee(), attendee()];
    const slots = classSlots(input({ ...hours, appointments: attendees }), 12, [
      { start: attendees[0]!.start, attendees },
    ]);
    expect(slots.map((s) => [starts([s], BERLIN)[0], s.placesLeft])).toEqual([
      ['2026-06-15T09:00:00+02:00', 12],
      ['2026-06-15T10:00:00+02:00', 9],
      ['2026-06-15T11:00:00+02:00', 12],
    ]);
  });

  it('closes a full class time', () => {
    const attendees = [attendee(), attendee()];
    const slots = classSlots(input({ ...hours, appointments: attendees }), 2, [
      { start: attendees[0]!.start, attendees },
    ]);
    expect(starts(slots)).toEqual(['2026-06-15T09:00:00+02:00', '2026-06-15T11:00:00+02:00']);
  });

  it('lets anything else of the member block a class time', () => {
    const attendees = [attendee()];
    const other = booked('2026-06-15T10:30:00+02:00', '2026-06-15T11:00:00+02:00');
    const slots = classSlots(input({ ...hours, appointments: [...attendees, other] }), 12, [
      { start: attendees[0]!.start, attendees },
    ]);
    expect(starts(slots)).toEqual(['2026-06-15T09:00:00+02:00', '2026-06-15T11:00:00+02:00']);
  });

  it('keeps a class time out of a range that does not hold it', () => {
    const attendees = [attendee()];
    const range = { start: Date.parse('2026-06-15T07:00:00Z'), end: Date.parse('2026-06-15T08:00:00Z') };
    const slots = classSlots(input({ ...hours, appointments: attendees, range }), 12, [
      { start: attendees[0]!.start, attendees },
    ]);
    expect(starts(slots)).toEqual(['2026-06-15T09:00:00+02:00']);
  });
});
