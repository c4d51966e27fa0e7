import { wallClock } from '../../widget/lib/wall-clock.js';

/**
 * Times on the recipient's wall clock. Plain `Intl` formatters, kept per zone: formatting runs inside the
 * booking's write transaction, where luxon's per-call setup cost a tenth of a millisecond an email.
 */
const clock = wallClock('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string, zone: string) {
  const parts = clock(iso, zone);
  return {
    day: `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`,
    short: `${parts.weekday?.slice(0, 3)} ${parts.day} ${parts.month?.slice(0, 3)}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** "Wednesday 2 December 2026, 10:00–11:00 (Europe/Berlin)". */
export function formatSpan(startIso: string, endIso: string, zone: string): string {
  const start = partsOf(startIso, zone);
  const end = partsOf(endIso, zone);
  const endText = start.day === end.day ? end.time : `${end.day}, ${end.time}`;
  return `${start.day}, ${start.time}–${endText} (${zone})`;
}

/** "Wed 2 Dec, 10:00": short enough for a subject line. */
export function formatShort(iso: string, zone: string): string {
  const { short, time } = partsOf(iso, zone);
  return `${short}, ${time}`;
}
