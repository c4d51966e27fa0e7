import { DateTime } from 'luxon';
import type { DemoWeek } from './demo-data.js';

/** How far ahead the demo looks for a member's working days: every demo member works within a week. */
const HORIZON_DAYS = 14;

/**
 * A member's working days from `fromDay` days after today (in `zone`) on, each as the starts of its opening
 * intervals, in order. The demo places its bookings at these starts, so they always fall in the member's hours.
 */
export function* workingDays(week: DemoWeek, zone: string, now: Date, fromDay: number): Generator<DateTime[]> {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  for (let day = fromDay; day < fromDay + HORIZON_DAYS; day++) {
    const date = today.plus({ days: day });
    const intervals = week[date.weekday] ?? [];
    if (intervals.length === 0) continue;
    yield intervals.map(([start]) => {
      const [hour, minute] = start.split(':').map(Number);
      return date.set({ hour: hour!, minute: minute! });
    });
  }
}

/** The first `count` items of a generator (fewer if it ends). */
export function take<T>(items: Iterable<T>, count: number): T[] {
  const taken: T[] = [];
  for (const item of items) {
    if (taken.length === count) break;
    taken.push(item);
  }
  return taken;
}
