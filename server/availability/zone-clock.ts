import { DateTime, IANAZone } from 'luxon';

export const MINUTE = 60_000;
export const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * A local date as the epoch ms of its midnight read as if it were UTC (`Date.UTC(y, m - 1, d)`).
 * Plain numbers make date arithmetic (`+ DAY`) and weekday lookups free of any zone.
 */
export type LocalDay = number;

/** Resolves a wall-clock time (minutes after the local date's midnight, 1440 = next midnight) to an instant. */
export type WallClock = (day: LocalDay, minutes: number) => number;

/** The Luxon zone for an IANA name; throws a RangeError for a zone the runtime does not know. */
export function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return zone;
}

/** The local date on which an instant falls in the zone. */
export function localDayOf(zone: IANAZone, instant: number): LocalDay {
  const local = instant + zone.offset(instant) * MINUTE;
  return local - (((local % DAY) + DAY) % DAY);
}

/**
 * A resolver for the local dates `first…last` of a zone.
 *
 * Where a wall-clock time is ambiguous (the repeated hour when clocks go back) it is read as its FIRST occurrence;
 * where it does not exist (the hour skipped when clocks go forward) it is moved forward by the gap, so 02:30 on
 * Berlin's spring-forward day reads as 03:30 CEST. That is RFC 5545's rule and Temporal's `compatible`. It does NOT
 * keep wall-clock order (02:50 reads as 03:50 CEST, after 03:00): callers sort what they resolve.
 *
 * Speed: Luxon's `fromObject` costs ~15 µs and its zone offset ~4 µs (both go through Intl), too slow for hundreds
 * of bounds per request. Offsets are sampled once per date instead; a date whose instants can only fall between
 * samples that all agree has no transition, so its bounds are plain arithmetic. Only dates near a transition go
 * through Luxon. This assumes no zone changes its offset twice within 24 hours and back, which tzdb never has.
 */
export function wallClock(zone: IANAZone, first: LocalDay, last: LocalDay): WallClock {
  // UTC offsets lie within −12 h…+14 h, so a date's instants (00:00 to 24:00) lie in [day − 14 h, day + 36 h]:
  // covered by the samples taken at day − 14 h, day + 10 h, day + 34 h and day + 58 h.
  const samples: number[] = [];
  for (let day = first; day <= last + 3 * DAY; day += DAY) samples.push(zone.offset(day - 14 * HOUR));

  return (day, minutes) => {
    const local = day + minutes * MINUTE;
    const i = (day - first) / DAY;
    const offset = samples[i];
    if (offset !== undefined && offset === samples[i + 1] && offset === samples[i + 2] && offset === samples[i + 3]) {
      return local - offset * MINUTE;
    }
    return resolveWithLuxon(zone, local);
  };
}

function resolveWithLuxon(zone: IANAZone, local: number): number {
  const wall = new Date(local);
  const dateTime = DateTime.fromObject(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    },
    { zone },
  );
  // fromObject picks an ambiguous time's offset from the zone's offset at the moment the code runs (Settings.now),
  // so the same input would give different instants in summer and winter; taking the earliest makes it fixed.
  return Math.min(...dateTime.getPossibleOffsets().map((candidate) => candidate.toMillis()));
}
