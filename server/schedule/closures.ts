import type { DateOverride } from '../availability/availability.types.js';

export interface Closure {
  id: number;
  /** First closed date, `YYYY-MM-DD` in the provider's zone. */
  from: string;
  /** Last closed date, inclusive. */
  to: string;
  label: string;
}

/** The longest closure one entry may be: a year (a business closed for longer closes its page instead). */
export const MAX_CLOSURE_DAYS = 366;

const DAY_MS = 86_400_000;
// Local dates are counted as UTC calendar days: a date has no zone, so a DST change cannot skip or repeat one.
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** How many dates `from`–`to` covers, both included. */
export const closureDays = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;

/**
 * A schedule's date overrides with every date of the closures inside [from, to] made closed all day: a
 * closure wins over special hours on the same date. Availability then needs no notion of ranges.
 */
export function withClosures(
  overrides: DateOverride[],
  closures: Pick<Closure, 'from' | 'to'>[],
  window: { from: string; to: string },
): DateOverride[] {
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  for (const c of closures) {
    const last = Math.min(dayNumber(c.to), dayNumber(window.to));
    for (let day = Math.max(dayNumber(c.from), dayNumber(window.from)); day <= last; day++) {
      byDate.set(dateOf(day), { date: dateOf(day), intervals: [] });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
