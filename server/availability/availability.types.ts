/** A wall-clock interval in the provider's time zone, `HH:mm` to `HH:mm` (end may be `24:00`). */
export interface LocalInterval {
  start: string;
  end: string;
}

/** Opening hours for one ISO weekday (1 = Monday … 7 = Sunday). */
export interface WeeklyInterval extends LocalInterval {
  weekday: number;
}

/** Replaces the weekly hours of one local date: no intervals means closed all day. */
export interface DateOverride {
  date: string; // YYYY-MM-DD in the provider's zone
  intervals: LocalInterval[];
}

/** An instant interval in epoch milliseconds, half-open: [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Busy intervals from a provider's own calendars (filled in by calendar sync; none by default), read through
 * `Reader`: the caller's database handle or transaction, which this pure layer does not need to know.
 */
export type BusyTimeSource<Reader> = (reader: Reader, providerId: number, range: Interval) => Promise<Interval[]>;

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

export interface BookingRules {
  /** Slots start no earlier than `now` plus this. */
  minNoticeMinutes: number;
  /** Slots start before `now` plus this many calendar days in the provider's zone (same wall-clock time). */
  maxDaysAhead: number;
  /** Grid of slot starts, stepped in absolute time from the start of each working interval. */
  slotStepMinutes: number;
}

export interface AvailabilityInput {
  /** The provider's IANA time zone; weekly hours and overrides are read in it. */
  timeZone: string;
  weeklyHours: WeeklyInterval[];
  overrides: DateOverride[];
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
 * itself) calls for the provider concerned, after its write. Appointments go through `appointmentListener`;
 * calendar busy times are read fresh on every request and need nothing.
 */
export type SlotsChanged = (providerId: number) => void;
