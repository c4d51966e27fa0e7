// Test helpers shared by the availability tests; not imported by production code.
import { DateTime } from 'luxon';
import type { AvailabilityInput, BookedInterval, Interval, Slot, WeeklyInterval } from './availability.types.js';

export const BERLIN = 'Europe/Berlin';

/** An instant from an ISO string that carries its own offset, so it is never ambiguous. */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Bad ISO instant in a test: ${iso}`);
  return ms;
};

/** An instant as ISO with the offset of `zone`, e.g. 2026-06-15T09:00:00+02:00. */
export const isoIn = (ms: number, zone: string): string =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? 'invalid';

export const starts = (slots: Slot[], zone = BERLIN): string[] => slots.map((s) => isoIn(s.start, zone));
export const ends = (slots: Slot[], zone = BERLIN): string[] => slots.map((s) => isoIn(s.end, zone));
/** Each slot as an ISO 8601 interval, `start/end`, both with the offset of `zone`. */
export const spans = (slots: Slot[], zone = BERLIN): string[] =>
  slots.map((s) => `${isoIn(s.start, zone)}/${isoIn(s.end, zone)}`);

/** The instants of one local date in a zone: [00:00, next 00:00). */
export const dayIn = (date: string, zone: string, days = 1): Interval => {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return { start: start.toMillis(), end: start.plus({ days }).toMillis() };
};

/** The same hours on each of the given ISO weekdays. */
export const everyDay = (start: string, end: string, weekdays = [1, 2, 3, 4, 5, 6, 7]): WeeklyInterval[] =>
  weekdays.map((weekday) => ({ weekday, start, end }));

/** An appointment from ISO instants; its blocked span defaults to the appointment itself. */
export const booked = (start: string, end: string, blockedStart = start, blockedEnd = end): BookedInterval => ({
  start: at(start),
  end: at(end),
  blockedStart: at(blockedStart),
  blockedEnd: at(blockedEnd),
});

/** A Berlin provider with no hours, a 60-minute service on a 30-minute grid, and Monday 2026-06-15 as the range. */
export const input = (patch: Partial<AvailabilityInput> = {}): AvailabilityInput => ({
  timeZone: BERLIN,
  weeklyHours: [],
  overrides: [],
  service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
  appointments: [],
  externalBusy: [],
  rules: { minNoticeMinutes: 0, maxDaysAhead: 365, slotStepMinutes: 30 },
  now: at('2026-01-01T00:00:00Z'),
  range: dayIn('2026-06-15', BERLIN),
  ...patch,
});

export const service = (durationMinutes: number, bufferBeforeMinutes = 0, bufferAfterMinutes = 0) => ({
  durationMinutes,
  bufferBeforeMinutes,
  bufferAfterMinutes,
});

export const rules = (slotStepMinutes: number, minNoticeMinutes = 0, maxDaysAhead = 365) => ({
  slotStepMinutes,
  minNoticeMinutes,
  maxDaysAhead,
});
