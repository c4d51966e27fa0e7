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
}

/** A free slot; `start` and `end` are ISO-8601 UTC instants. */
export interface Slot {
  start: string;
  end: string;
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
}

export interface Booking {
  id: number | string;
  status: string;
  start: string;
  end: string;
  manageUrl: string;
  calendarLinks?: { ics: string; google: string };
}
