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

/**
 * A zone's clock for one batch of work (a request): wall times to instants and instants to local dates, remembering
 * every offset it reads, so the members of a team and the days of a range share them. Dropped with the batch, so it
 * holds only what one answer needed.
 *
 * Where a wall-clock time is ambiguous (the repeated hour when clocks go back) it is read as its FIRST occurrence;
 * where it does not exist (the hour skipped when clocks go forward) it is moved forward by the gap, so 02:30 on
 * Berlin's spring-forward day reads as 03:30 CEST. That is RFC 5545's rule and Temporal's `compatible`. It does NOT
 * keep wall-clock order (02:50 reads as 03:50 CEST, after 03:00): callers sort what they resolve.
 *
 * Speed: Luxon's `fromObject` costs ~15 µs and its zone offset ~4 µs (both go through Intl), too slow for hundreds
 * of bounds per member and request. Offsets are sampled once per date instead; a date whose instants can only fall
 * between samples that all agree has no transition, so its bounds are plain arithmetic; near a transition, each
 * wall time is checked against the few offsets sampled around it, once. This assumes no zone changes its offset twice within 24 hours and back,
 * which tzdb never has.
 */
export class ZoneClock {
  /** Offsets in minutes by instant. */
  private readonly offsets = new Map<number, number>();
  /** A date's one offset, or null when a transition comes near it. */
  private readonly plainOffsets = new Map<LocalDay, number | null>();
  /** Instants by wall time (as UTC ms), for the dates near a transition. */
  private readonly nearTransition = new Map<number, number>();

  constructor(readonly zone: IANAZone) {}

  /** The instant of a wall-clock time on a local date. */
  at(day: LocalDay, minutes: number): number {
    const local = day + minutes * MINUTE;
    const offset = this.plainOffset(day);
    if (offset !== null) return local - offset * MINUTE;
    let instant = this.nearTransition.get(local);
    if (instant === undefined) {
      instant = this.resolveNearTransition(day, local);
      this.nearTransition.set(local, instant);
    }
    return instant;
  }

  /**
   * `days` calendar days after `instant`, at the same wall-clock time: a booking horizon that keeps its time of day
   * across a DST change. Exactly Luxon's `plus({ days })` (its `adjustTime` and `fixOffset`) on this clock's
   * offsets: Luxon's own cost a tenth of a millisecond per booking, most of it in reading offsets through Intl.
   */
  daysAfter(instant: number, days: number): number {
    const before = this.offset(instant);
    const local = instant + before * MINUTE + days * DAY;
    // First guess: the offset it had. A wall time that exists with it keeps it (of an ambiguous time, that one).
    const guess = local - before * MINUTE;
    const atGuess = this.offset(guess);
    if (atGuess === before) return guess;
    const moved = guess - (atGuess - before) * MINUTE;
    const atMoved = this.offset(moved);
    if (atMoved === atGuess) return moved;
    // A wall time in a gap: Luxon moves it forward by the gap.
    return local - Math.min(atGuess, atMoved) * MINUTE;
  }

  /** The local date on which an instant falls. */
  dayOf(instant: number): LocalDay {
    const local = instant + this.offset(instant) * MINUTE;
    return local - (((local % DAY) + DAY) % DAY);
  }

  private offset(instant: number): number {
    let offset = this.offsets.get(instant);
    if (offset === undefined) {
      offset = offsetAt(this.zone, instant);
      this.offsets.set(instant, offset);
    }
    return offset;
  }

  private plainOffset(day: LocalDay): number | null {
    let offset = this.plainOffsets.get(day);
    if (offset === undefined) {
      const [first, ...others] = this.samples(day);
      offset = others.every((o) => o === first) ? first! : null;
      this.plainOffsets.set(day, offset);
    }
    return offset;
  }

  /**
   * UTC offsets lie within −12 h…+14 h, so a date's instants (00:00 to 24:00) lie in [day − 14 h, day + 36 h]:
   * covered by the samples taken at day − 14 h, day + 10 h, day + 34 h and day + 58 h (the next dates share them).
   * With at most one change between two samples, every offset in force on the date is among them.
   */
  private samples(day: LocalDay): number[] {
    return [0, 1, 2, 3].map((k) => this.offset(day + k * DAY - 14 * HOUR));
  }

  /**
   * A wall time exists at `local − o` for each sampled offset o the zone really has then; the earliest is its first
   * occurrence. None: the time lies in a gap, left to Luxon, which moves it forward by the gap (rare: a bound
   * inside the skipped hour).
   */
  private resolveNearTransition(day: LocalDay, local: number): number {
    let first = Infinity;
    for (const o of new Set(this.samples(day))) {
      const instant = local - o * MINUTE;
      if (this.offset(instant) === o) first = Math.min(first, instant);
    }
    return first === Infinity ? resolveWithLuxon(this.zone, local) : first;
  }
}

/**
 * One clock per zone name for a batch of work, made on first use: pass the same one to every computation of a
 * request. Throws a RangeError for an unknown zone, as `zoneOf` does.
 */
export type ZoneClocks = (timeZone: string) => ZoneClock;

export function zoneClocks(): ZoneClocks {
  const clocks = new Map<string, ZoneClock>();
  return (timeZone) => {
    let clock = clocks.get(timeZone);
    if (!clock) {
      clock = new ZoneClock(zoneOf(timeZone));
      clocks.set(timeZone, clock);
    }
    return clock;
  };
}

/** A zone's wall clock on its own, for a caller with a few wall times to resolve. */
export function wallClock(zone: IANAZone): WallClock {
  const clock = new ZoneClock(zone);
  return (day, minutes) => clock.at(day, minutes);
}

/** `M/D/YYYY, HH:mm:ss` as en-US writes it with a 23-hour clock. */
const WALL_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;
/** One formatter per zone name, as Luxon keeps one: creating it costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's offset in minutes at an instant, as Luxon's `IANAZone.offset` computes it, but from `format` rather
 * than `formatToParts`, which costs three times as much and was most of a team's slots. Whatever does not read as
 * expected (a year before 1000, another ICU's layout) goes to Luxon.
 */
export function offsetAt(zone: IANAZone, instant: number): number {
  let formatter = formatters.get(zone.name);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone.name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone.name, formatter);
  }
  const wall = WALL_TIME.exec(formatter.format(instant));
  if (!wall) return zone.offset(instant);
  const [, month, day, year, hour, minute, second] = wall.map(Number) as number[];
  const wallAsUtc = Date.UTC(year!, month! - 1, day, hour, minute, second);
  // Luxon compares with the instant cut to whole seconds, so offsets of historical zones keep their seconds.
  return (wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000))) / MINUTE;
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
