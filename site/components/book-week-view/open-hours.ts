import type { Closure, DateOverride, WeeklyInterval } from '../../api/types.js';
import { localMinutes } from '../../lib/local-time.js';

/** A span of a local day in minutes after midnight, half-open. */
export interface MinuteSpan {
  start: number;
  end: number;
}

/**
 * A local date's opening hours, as the server's slots read them: none on a date inside a closure; else its date
 * override when it has one (an override without intervals is a closed day), else its weekday's weekly hours.
 */
export function openSpans(
  date: string,
  weekly: WeeklyInterval[],
  overrides: DateOverride[],
  closures: Closure[] = [],
): MinuteSpan[] {
  if (closures.some((c) => c.from <= date && date <= c.to)) return [];
  const override = overrides.find((o) => o.date === date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  const intervals = override ? override.intervals : weekly.filter((w) => w.weekday === weekday);
  return intervals
    .map((i) => ({ start: localMinutes(i.start), end: localMinutes(i.end) }))
    .sort((a, b) => a.start - b.start);
}

/** The parts of [from, to) that no open span covers. */
export function closedSpans(open: MinuteSpan[], from: number, to: number): MinuteSpan[] {
  const closed: MinuteSpan[] = [];
  let at = from;
  for (const span of open) {
    if (span.start > at) closed.push({ start: at, end: Math.min(span.start, to) });
    at = Math.max(at, span.end);
  }
  if (at < to) closed.push({ start: at, end: to });
  return closed.filter((c) => c.end > c.start);
}
