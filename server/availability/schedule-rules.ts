import { IANAZone } from 'luxon';
import type { DateOverride, LocalInterval, WeeklyInterval } from './availability.types.js';

const MINUTES_PER_DAY = 24 * 60;
const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Minutes after local midnight for `HH:mm` (00:00 to 24:00), or null when it is not such a time.
 * `24:00` (1440) is the end of the day, so a day's last interval can end at midnight without crossing it.
 */
export function parseLocalTime(value: string): number | null {
  const match = TIME.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > MINUTES_PER_DAY) return null;
  return minutes;
}

/**
 * Why the intervals of one local day are not a valid schedule, or null when they are.
 * Touching intervals (09:00–12:00, 12:00–13:00) are fine: intervals are half-open.
 */
export function validateIntervals(intervals: LocalInterval[]): string | null {
  const parsed: { start: number; end: number; label: string }[] = [];
  for (const { start, end } of intervals) {
    const label = `${start}–${end}`;
    const from = parseLocalTime(start);
    const to = parseLocalTime(end);
    if (from === null || to === null) return `${label}: times must be HH:mm between 00:00 and 24:00`;
    if (from === MINUTES_PER_DAY) return `${label}: an interval cannot start at 24:00`;
    if (to === from) return `${label}: the interval is empty; its end must be after its start`;
    // A day's intervals never cross midnight: one date's override must not reach into the next date.
    if (to === 0) return `${label}: to end at midnight, write 24:00 as the end`;
    if (to < from) {
      const split = `${start}–24:00 and 00:00–${end} of the next day`;
      return `${label}: ends before it starts; to cross midnight, split it at midnight into ${split}`;
    }
    parsed.push({ start: from, end: to, label });
  }
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    const previous = parsed[i - 1]!;
    const current = parsed[i]!;
    if (current.start < previous.end) return `${previous.label} overlaps ${current.label}`;
  }
  return null;
}

/** Why a provider's weekly hours are invalid (prefixed with the weekday's name), or null. */
export function validateWeeklyHours(hours: WeeklyInterval[]): string | null {
  const byDay = new Map<number, LocalInterval[]>();
  for (const interval of hours) {
    const { weekday } = interval;
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      return `weekday ${weekday}: must be an ISO weekday from 1 (Monday) to 7 (Sunday)`;
    }
    byDay.set(weekday, [...(byDay.get(weekday) ?? []), interval]);
  }
  for (const [weekday, intervals] of [...byDay].sort(([a], [b]) => a - b)) {
    const problem = validateIntervals(intervals);
    if (problem) return `${WEEKDAYS[weekday - 1]}: ${problem}`;
  }
  return null;
}

/** Why a set of date overrides is invalid (prefixed with the date), or null. One override per date. */
export function validateOverrides(overrides: DateOverride[]): string | null {
  const seen = new Set<string>();
  for (const { date, intervals } of overrides) {
    if (!isCalendarDate(date)) return `${date}: not a calendar date in YYYY-MM-DD form`;
    if (seen.has(date)) return `${date}: the date has more than one override`;
    seen.add(date);
    const problem = validateIntervals(intervals);
    if (problem) return `${date}: ${problem}`;
  }
  return null;
}

/** Whether the runtime knows this IANA zone, so slots can be computed in it. */
export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2026-02-30 over to March, so a round trip catches impossible dates.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
