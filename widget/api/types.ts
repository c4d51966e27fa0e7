/** Shapes of the public booking API (see docs/api.md). Shared with the hosted site. */

export interface Money {
  amountMinor: number;
  currency: string;
}

export interface Service {
  id: number;
  name: string;
  description: string;
  durationMinutes: number;
  price: Money;
  /** Places per time: 1 is a one-to-one appointment, more is a class. Absent from servers before classes. */
  seats?: number;
  /** Recurring bookings (a one-to-one service only); null or absent: not offered. */
  repeat?: ServiceRepeat | null;
}

/** A customer may book up to `maxCount` occurrences (at least 2), every one of `everyWeeks` weeks (1 to 8). */
export interface ServiceRepeat {
  maxCount: number;
  everyWeeks: number[];
}

/** A person of the business who serves customers; `slug` names them in `staff` (API, widget attribute, links). */
export interface TeamMember {
  slug: string;
  name: string;
  /** One or two letters shown when there is no photo. */
  initials: string;
  bio: string;
  photoUrl: string | null;
  /** The services this member performs. */
  serviceIds: number[];
}

/**
 * A business's cancellation policy: customers may cancel or move a booking online until `cutoffHours` before it
 * (0: until it starts); `text` is the business's own words (plain text, may be empty).
 */
export interface Policy {
  cutoffHours: number;
  text: string;
}

export interface Provider {
  slug: string;
  name: string;
  category: string;
  description: string;
  city: string;
  address: string;
  timeZone: string;
  rating: { average: number | null; count: number };
  /** Absent from servers older than the policy. */
  policy?: Policy;
}

export interface ProviderResponse {
  provider: Provider;
  services: Service[];
  /** Active team members by position; absent from servers before teams. */
  team?: TeamMember[];
}

/** A free slot; `start` and `end` are ISO-8601 UTC instants. */
export interface Slot {
  start: string;
  end: string;
  /** For a class (seats > 1): places still free at this time. */
  placesLeft?: number;
}

export interface SlotsResponse {
  timeZone: string;
  slots: Slot[];
  /** The server caps one answer (2,000 slots); `next` is then the path of the rest. */
  truncated?: boolean;
  next?: string | null;
}

/** The first free slot from a date on, and its date (`YYYY-MM-DD`) in `timeZone`; both `null` when none. */
export interface NextAvailable {
  timeZone: string;
  slot: Slot | null;
  date: string | null;
}

export interface Customer {
  name: string;
  email: string;
  phone?: string;
}

export interface BookingRequest {
  provider: string;
  service: number;
  start: string;
  customer: Customer;
  note?: string;
  timeZone?: string;
  /** A member's slug, or 'any' (the default): the first fair pick of the members free then. */
  staff?: string;
}

/** The member who serves a booking, as customers see them. */
export interface StaffRef {
  slug: string;
  name: string;
}

export interface Booking {
  id: number | string;
  status: string;
  start: string;
  end: string;
  manageUrl: string;
  calendarLinks?: { ics: string; google: string };
  /** Who serves it; absent from servers before teams. */
  staff?: StaffRef | null;
  /** An occurrence of a recurring series (`index` from 0, skipped dates counted); absent from servers before series. */
  series?: { id: number; index: number; count: number; everyWeeks: number } | null;
}

/** Why an occurrence of a series cannot be booked. */
export type OccurrenceReason = 'taken' | 'outside_hours' | 'beyond_horizon' | 'too_soon';

/** One date of a recurring series (`POST /api/bookings/series/check`, and a `series_conflict`'s `occurrences`). */
export interface Occurrence {
  index: number;
  start: string;
  end: string;
  free: boolean;
  reason?: OccurrenceReason;
}

/** What to repeat: a booking's slot and who, every `everyWeeks` weeks, `count` times in all. */
export interface SeriesRequest extends BookingRequest {
  everyWeeks: number;
  count: number;
  /** `all` books every date or none (409 `series_conflict`); `available` the free ones. */
  mode?: 'all' | 'available';
}

/** `POST /api/bookings/series`: the booked occurrences in order, and the dates left out. */
export interface SeriesBooked {
  series: { id: number; everyWeeks: number; count: number; start: string; staff: StaffRef };
  bookings: Booking[];
  skipped: { index: number; start: string; reason?: OccurrenceReason }[];
  /** The manage token of every occurrence. */
  token: string;
}

/**
 * A place on a waitlist (docs/api.md, "Waitlist"): for an earlier time of a booked appointment (`earlier`), or for
 * a full class time (`class`). `position` is the 1-based place among those waiting for the same service.
 */
export interface WaitlistEntry {
  id: number;
  kind: 'earlier' | 'class';
  status: 'waiting' | 'offered' | 'done' | 'left';
  member: 'same' | 'any';
  /** ISO weekdays (1 = Monday … 7 = Sunday) in the business's zone; null: any day. */
  days: number[] | null;
  /** `HH:MM` in the business's zone; null: from the start or to the end of the day. */
  from: string | null;
  to: string | null;
  position: number;
  createdAt: string;
}

/** What "tell me if an earlier time frees up" asks for; everything left out means "any". */
export interface WaitlistRequest {
  /** `any`: another team member's earlier time will do too (teams only). */
  member?: 'same' | 'any';
  days?: number[];
  from?: string;
  to?: string;
}

/** A class time with no place left (`full-classes`): customers may join its waitlist. */
export interface FullClass {
  start: string;
  end: string;
  /** The member who holds the class (a business with a team). */
  member?: string;
  /** How many are waiting already. */
  waiting: number;
}
