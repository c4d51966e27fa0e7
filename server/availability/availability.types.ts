// Hours, overrides and booking rules come in as the admin API carries them, so their one definition is the API's
// (the site's types; type-only, nothing runs from there).
import type { BookingRules, DateOverride, WeeklyInterval } from '../../site/api/types.js';

export type { BookingRules, DateOverride, LocalInterval, WeeklyInterval } from '../../site/api/types.js';

/** An instant interval in epoch milliseconds, half-open: [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Busy intervals from one team member's own calendars (filled in by calendar sync; none by default), read through
 * `Reader`: the caller's database handle or transaction, which this pure layer does not need to know.
 */
export type BusyTimeSource<Reader> = (reader: Reader, memberId: number, range: Interval) => Promise<Interval[]>;

/**
 * The same busy times for many members over one window, in one read: a directory page asks about dozens of members,
 * and a read each cost more than the page's search. Each member's list is sorted by start; a member without any may
 * be absent.
 */
export type BusyTimesOfMembers<Reader> = (
  reader: Reader,
  memberIds: readonly number[],
  range: Interval,
) => Promise<Map<number, Interval[]>>;

/** An existing appointment: its own time and the time its buffers block around it. */
export interface BookedInterval extends Interval {
  blockedStart: number;
  blockedEnd: number;
}

export interface ServiceTiming {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

export interface AvailabilityInput {
  /** The provider's IANA time zone; weekly hours and overrides are read in it. */
  timeZone: string;
  weeklyHours: readonly Readonly<WeeklyInterval>[];
  overrides: readonly Readonly<DateOverride>[];
  service: ServiceTiming;
  /** Confirmed appointments of any service of this provider. */
  appointments: BookedInterval[];
  /** Busy times from the provider's own calendars; they block like appointments without buffers. */
  externalBusy: Interval[];
  rules: BookingRules;
  now: number;
  /** Only slots starting inside this instant range are returned. */
  range: Interval;
}

export interface Slot {
  start: number;
  end: number;
}

/**
 * What a writer of anything slots are computed from (weekly hours, overrides, services, booking rules, the business
 * itself) calls for the provider concerned, after its write, and awaits before answering: other instances see the
 * change from then on. Appointments go through `appointmentListener`; calendar busy times are read fresh on every
 * request and need nothing.
 */
export type SlotsChanged = (providerId: number) => Promise<void>;
