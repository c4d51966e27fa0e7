import { DateTime } from 'luxon';

/**
 * The starts of a series' `count` occurrences: occurrence k is `k × everyWeeks` weeks after `start`, at the same
 * wall-clock time in `zone` (Luxon's calendar arithmetic), so across a DST change the instant moves and the local
 * time does not. A wall time the change skips is moved forward by the gap, as RFC 5545 expands an RRULE.
 */
export function occurrenceStarts(start: number, zone: string, everyWeeks: number, count: number): number[] {
  const first = DateTime.fromMillis(start, { zone });
  return Array.from({ length: count }, (_, k) => first.plus({ weeks: k * everyWeeks }).toMillis());
}
