import { addDays } from '../../widget/lib/dates.js';
import { wallClock } from '../../widget/lib/wall-clock.js';

const clock = wallClock('en-US', {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The zone's offset from UTC at an instant, in milliseconds (Berlin in winter: +3 600 000). */
function offsetAt(instant: number, zone: string): number {
  const { year, month, day, hour, minute, second } = clock(instant, zone);
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a local wall-clock time (`YYYY-MM-DD`, minutes after midnight) happens in a zone. */
export function zonedInstant(date: string, minutes: number, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const first = wall - offsetAt(wall, zone);
  // Once more with the offset at the result, for days where the offset changes.
  return wall - offsetAt(first, zone);
}

/** Minutes after local midnight of an instant in a zone. */
export function minutesInDay(instant: string | number, zone: string): number {
  const t = new Date(instant).getTime();
  const local = t + offsetAt(t, zone);
  return Math.floor((local % 86_400_000) / 60_000);
}

/** The Monday (ISO week start) of the week holding a date. */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return addDays(date, 1 - day);
}

/** ISO instant range [from, to) covering whole local days `from`…`to - 1` in a zone. */
export function dayRange(fromDate: string, days: number, zone: string): { from: string; to: string } {
  return {
    from: new Date(zonedInstant(fromDate, 0, zone)).toISOString(),
    to: new Date(zonedInstant(addDays(fromDate, days), 0, zone)).toISOString(),
  };
}
