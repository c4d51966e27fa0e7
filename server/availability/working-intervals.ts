import type { IANAZone } from 'luxon';
import type { AvailabilityInput, Interval, LocalInterval } from './availability.types.js';
import { parseLocalTime } from './schedule-rules.js';
import { DAY, type LocalDay, ZoneClock } from './zone-clock.js';

type Schedule = Pick<AvailabilityInput, 'weeklyHours' | 'overrides'>;

/** A day's intervals as minutes after local midnight, sorted by start. */
type DayMinutes = readonly (readonly [start: number, end: number])[];

/**
 * The provider's working time as instants, sorted and disjoint, for every local date that could hold a slot
 * starting in [from, to). A date's override replaces its weekly hours; an override without intervals closes it.
 *
 * Each date's intervals are converted on their own: touching or overlapping intervals of one date are merged
 * (09:00–12:00 + 12:00–13:00 is one stretch), but a date never merges with the next. So a slot never spans local
 * midnight, and a date's slots do not depend on which neighbouring dates a request happens to cover.
 *
 * `zone` may be the clock of a zone already in use for the request, so its dates are resolved once for everyone.
 */
export function workingIntervals(schedule: Schedule, zone: IANAZone | ZoneClock, from: number, to: number): Interval[] {
  const clock = zone instanceof ZoneClock ? zone : new ZoneClock(zone);
  // A slot's local date can differ from the dates of `from` and `to` only around a shifted midnight; a day of
  // margin on each side covers that and costs two dates.
  const first = clock.dayOf(from) - DAY;
  const last = clock.dayOf(to) + DAY;
  const weekly = parsedOnce(weeklyByInput, schedule.weeklyHours, weeklyMinutes);
  const overrides = parsedOnce(overridesByInput, schedule.overrides, overridesByDay);

  const result: Interval[] = [];
  for (let day = first; day <= last; day += DAY) {
    const intervals = overrides.get(day) ?? weekly[isoWeekday(day)] ?? [];
    const instants = intervals
      .map(([startMinutes, endMinutes]) => ({ start: clock.at(day, startMinutes), end: clock.at(day, endMinutes) }))
      .filter(({ start, end }) => end > start); // e.g. 02:00–03:00 on a spring-forward night: no real time at all
    // Sorted again as instants: a bound inside a spring-forward gap moves forward by the gap, so 02:30–02:50 on
    // Berlin's change day (03:30–03:50 CEST) comes after 03:00–04:00 although it is earlier on the wall clock.
    if (intervals.length > 1) instants.sort((a, b) => a.start - b.start);
    let current: Interval | undefined;
    for (const interval of instants) {
      if (current && interval.start <= current.end) {
        current.end = Math.max(current.end, interval.end);
      } else {
        current = interval;
        result.push(current);
      }
    }
  }
  return result;
}

/**
 * A request asks a day at a time (the slots endpoint stops with its page) with the same schedule arrays each day:
 * they are parsed once per array, not once per day (a fifth of an uncached month's answer). Stored schedules are
 * never mutated in place (a change loads new arrays; the input types them readonly), so an array's parse stays its parse.
 */
const weeklyByInput = new WeakMap<AvailabilityInput['weeklyHours'], DayMinutes[]>();
const overridesByInput = new WeakMap<Schedule['overrides'], Map<LocalDay, DayMinutes>>();

function parsedOnce<K extends object, V>(memo: WeakMap<K, V>, key: K, parse: (key: K) => V): V {
  let parsed = memo.get(key);
  if (parsed === undefined) {
    parsed = parse(key);
    memo.set(key, parsed);
  }
  return parsed;
}

/** Overrides by local date, so a date is looked up as the number it is rather than formatted as text. */
function overridesByDay(overrides: Schedule['overrides']): Map<LocalDay, DayMinutes> {
  const byDay = new Map<LocalDay, DayMinutes>();
  for (const { date, intervals } of overrides) {
    const minutes = toMinutes(intervals, `override ${date}`);
    const day = Date.parse(`${date}T00:00:00Z`);
    // Only a real `YYYY-MM-DD` date can match a day, as when dates were compared as text.
    if (!Number.isNaN(day) && isoDate(day) === date) byDay.set(day, minutes);
  }
  return byDay;
}

function weeklyMinutes(hours: AvailabilityInput['weeklyHours']): DayMinutes[] {
  const byWeekday: LocalInterval[][] = Array.from({ length: 8 }, () => []);
  for (const interval of hours) byWeekday[interval.weekday]?.push(interval);
  return byWeekday.map((intervals, weekday) => toMinutes(intervals, `weekday ${weekday}`));
}

/**
 * Parses and sorts once per request rather than per date. Stored schedules were validated on write, so an
 * unreadable time is a data error and throws; an empty or reversed interval just yields nothing.
 */
function toMinutes(intervals: LocalInterval[], where: string): DayMinutes {
  return intervals
    .map(({ start, end }): [number, number] => {
      const from = parseLocalTime(start);
      const to = parseLocalTime(end);
      if (from === null || to === null) throw new RangeError(`Invalid time in ${where}: ${start}–${end}`);
      return [from, to];
    })
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
}

function isoDate(day: LocalDay): string {
  return new Date(day).toISOString().slice(0, 10);
}

/** 1 (Monday) to 7 (Sunday), counted from 1970-01-01, a Thursday: no `Date` per date and member. */
function isoWeekday(day: LocalDay): number {
  return ((((day / DAY + 3) % 7) + 7) % 7) + 1;
}
