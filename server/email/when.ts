import { DateTime } from 'luxon';

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale('en-GB');

/** "Wednesday 2 December 2026, 10:00–11:00 (Europe/Berlin)": the recipient's own wall clock. */
export function formatSpan(startIso: string, endIso: string, zone: string): string {
  const start = at(startIso, zone);
  const end = at(endIso, zone);
  const endText = start.hasSame(end, 'day') ? end.toFormat('HH:mm') : end.toFormat('cccc d LLLL yyyy, HH:mm');
  return `${start.toFormat('cccc d LLLL yyyy, HH:mm')}–${endText} (${zone})`;
}

/** "Wed 2 Dec, 10:00": short enough for a subject line. */
export function formatShort(iso: string, zone: string): string {
  return at(iso, zone).toFormat('ccc d LLL, HH:mm');
}
