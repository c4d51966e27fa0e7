import { DateTime, FixedOffsetZone } from 'luxon';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const offsetText = (minutes: number) => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

const offsetAt = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset;

/** The instant (to the minute) an offset change happens between `from` (one offset) and `to` (another). */
function transitionBetween(from: number, to: number, zone: string): number {
  const before = offsetAt(from, zone);
  let [lo, hi] = [from, to];
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * A VTIMEZONE for `zone` covering [from, to], written from the runtime's tz database with Luxon: the offset in force
 * at `from`, then each change up to `to`, each an explicit STANDARD or DAYLIGHT observance (no RRULE to get wrong).
 * Events whose DTSTART carries `TZID=zone` need it: a recurring series keeps its wall time across DST only when the
 * calendar app expands the RRULE in the zone (RFC 5545 §3.6.5).
 */
export function vtimezone(zone: string, from: number, to: number): string {
  const observance = (at: number, offsetFrom: number, offsetTo: number) => {
    const kind = DateTime.fromMillis(at, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is local time in the offset in force before the observance begins.
    const local = DateTime.fromMillis(at, { zone: FixedOffsetZone.instance(offsetFrom) }).toFormat("yyyyMMdd'T'HHmmss");
    return [
      `BEGIN:${kind}`,
      `DTSTART:${local}`,
      `TZOFFSETFROM:${offsetText(offsetFrom)}`,
      `TZOFFSETTO:${offsetText(offsetTo)}`,
      `END:${kind}`,
    ];
  };
  const start = from - DAY;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(start, offsetAt(start, zone), offsetAt(start, zone))];
  for (let day = start; day < to + DAY; day += DAY) {
    const [before, after] = [offsetAt(day, zone), offsetAt(day + DAY, zone)];
    if (before === after) continue;
    lines.push(...observance(transitionBetween(day, day + DAY, zone), before, after));
  }
  lines.push('END:VTIMEZONE');
  return `${lines.join('\r\n')}\r\n`;
}
