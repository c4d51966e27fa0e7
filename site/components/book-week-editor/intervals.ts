import type { LocalInterval } from '../../api/types.js';

/** Start times 00:00–23:45 and end times 00:15–24:00 on a 15-minute grid, plus a current off-grid value. */
export function timeOptions(which: 'start' | 'end', current: string): string[] {
  const times: string[] = [];
  for (let m = which === 'start' ? 0 : 15; m <= (which === 'start' ? 23 * 60 + 45 : 24 * 60); m += 15) {
    times.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return times.includes(current) ? times : [...times, current].sort();
}

/** What is wrong with one day's intervals (ends before starts, overlaps), in words; empty when fine. */
export function dayProblem(intervals: LocalInterval[]): string {
  const sorted = [...intervals].sort((a, b) => a.start.localeCompare(b.start));
  for (const [i, interval] of sorted.entries()) {
    if (interval.end <= interval.start) return `${interval.start}–${interval.end} ends before it starts.`;
    const next = sorted[i + 1];
    if (next && next.start < interval.end)
      return `${interval.start}–${interval.end} overlaps ${next.start}–${next.end}.`;
  }
  return '';
}
