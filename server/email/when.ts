/**
 * Times on the recipient's wall clock. Plain `Intl` formatters, one per zone and kept: formatting
 * runs inside the booking's write transaction, where luxon's per-call setup cost a tenth of a
 * millisecond an email.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(iso: string, zone: string) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(new Date(iso))) parts[part.type] = part.value;
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
