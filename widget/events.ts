/**
 * The events `<book-services>` sends to the page, with their `detail` types. They bubble and are composed, so a
 * listener on the element, an ancestor or `document` gets them; the augmentation below types all three.
 */
import type { Booking, StaffRef } from './api/types.js';

/** `book-ready`: the provider and its services are loaded. */
export interface BookReadyDetail {
  /** The provider's slug. */
  provider: string;
  /** How many services the provider offers. */
  services: number;
}

/** `book-staff-selected`: the customer chose who serves them (the team-member step). */
export interface BookStaffSelectedDetail {
  /** The service id. */
  service: number;
  /** A member's slug, or `any` (whoever is free at the picked time). */
  staff: string;
}

/** `book-slot-selected`: the customer picked a time. */
export interface BookSlotSelectedDetail {
  /** The service id. */
  service: number;
  /** ISO-8601 UTC instants. */
  start: string;
  end: string;
  /** For a business with a team: the chosen member's slug, or `any`. */
  staff?: string;
}

/** `book-booked`: the booking is confirmed (once for a series, with its first date). */
export interface BookBookedDetail {
  id: Booking['id'];
  /** ISO-8601 UTC instants. */
  start: string;
  end: string;
  /** The service id. */
  service: number;
  /** The customer's page to see, move or cancel the booking (it carries the manage token). */
  manageUrl: string;
  /** For a business with a team: the member who serves it. */
  staff?: StaffRef | null;
  /**
   * A recurring series (the customer turned Repeat on): the fields above are its first date's, `id` the series' and
   * `count` how many appointments were booked (dates that were not free are not counted). Absent for a single booking.
   */
  series?: { id: number; count: number };
}

/** `book-error`: an error was shown to the customer. */
export interface BookErrorDetail {
  /** `offline`, `not_found`, `slot_taken`, `slot_not_offered`, `invalid_request`, `rate_limited`, … */
  code: string;
  /** The HTTP status, or 0 when no answer came (offline) or the failure was in the page. */
  status: number;
  message: string;
}

/** Every public event of `<book-services>` by name. */
export interface BookServicesEventMap {
  'book-ready': CustomEvent<BookReadyDetail>;
  'book-staff-selected': CustomEvent<BookStaffSelectedDetail>;
  'book-slot-selected': CustomEvent<BookSlotSelectedDetail>;
  'book-booked': CustomEvent<BookBookedDetail>;
  'book-error': CustomEvent<BookErrorDetail>;
}

declare global {
  // Elements, `document` and `window` all extend this map, so `addEventListener('book-booked', e => e.detail…)`
  // is typed wherever the bubbling event can be heard.
  interface GlobalEventHandlersEventMap extends BookServicesEventMap {}
}
