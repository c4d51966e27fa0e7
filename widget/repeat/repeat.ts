/**
 * Recurring appointments in the widget, loaded only when a service that allows them is chosen, so the first screen
 * downloads none of it: its text and its API calls (docs/api.md, "Recurring appointments"); its elements are beside it.
 */
import type { BookingApi } from '../api/client.js';
import type { BookingRequest, Occurrence, OccurrenceReason, SeriesBooked, SeriesRequest } from '../api/types.js';

const en = {
  repeat: 'Repeat',
  every: 'How often',
  weekly: 'Every week',
  weeks: 'Every {n} weeks',
  count: 'Appointments',
  checking: 'Checking the dates…',
  free: 'free',
  taken: 'taken',
  outside_hours: 'outside opening hours',
  beyond_horizon: 'too far ahead',
  too_soon: 'too soon',
  someFree: '{n} of {total} dates are free.',
  noneFree: 'None of these dates is free. Pick another time or fewer appointments.',
  bookFree: 'Book the {n} free dates',
  bookOne: 'Book the 1 free date',
  conflict: 'One of the dates was just taken. The list is updated: please check it and confirm again.',
  failed: 'The dates could not be checked.',
  retry: 'Try again',
  booked: 'Your appointments',
  skipped: 'Not booked',
};

const de: typeof en = {
  repeat: 'Wiederholen',
  every: 'Wie oft',
  weekly: 'Jede Woche',
  weeks: 'Alle {n} Wochen',
  count: 'Termine',
  checking: 'Die Termine werden geprüft…',
  free: 'frei',
  taken: 'vergeben',
  outside_hours: 'außerhalb der Öffnungszeiten',
  beyond_horizon: 'zu weit im Voraus',
  too_soon: 'zu kurzfristig',
  someFree: '{n} von {total} Terminen sind frei.',
  noneFree: 'Keiner dieser Termine ist frei. Wählen Sie eine andere Zeit oder weniger Termine.',
  bookFree: 'Die {n} freien Termine buchen',
  bookOne: 'Den 1 freien Termin buchen',
  conflict:
    'Einer der Termine wurde gerade vergeben. Die Liste ist aktualisiert: bitte prüfen Sie sie und bestätigen Sie erneut.',
  failed: 'Die Termine konnten nicht geprüft werden.',
  retry: 'Erneut versuchen',
  booked: 'Ihre Termine',
  skipped: 'Nicht gebucht',
};

export type RepeatText = typeof en;

/** The text for a locale `resolveLocale` gave (English for a language without its own, like the main catalog). */
export const text = (locale: string): RepeatText => (locale.split('-')[0] === 'de' ? de : en);

/** "free", or why a date cannot be booked. */
export const status = (t: RepeatText, reason: OccurrenceReason | undefined): string => t[reason ?? 'free'];

/**
 * What the customer chose, as `<book-repeat>` tells the widget (`book-repeat-change`; no detail while Repeat is off):
 * the confirm button's text (none: the usual one) and whether it can book at all.
 */
export interface RepeatChoice {
  everyWeeks: number;
  count: number;
  label?: string;
  /** Nothing to book (yet): no date is free, or the dates are still being checked. */
  blocked: boolean;
}

/** The check's question: a single booking's slot and who, without the customer. */
export type SeriesAsk = Omit<BookingRequest, 'customer' | 'note'> & { everyWeeks: number; count: number };

const post = (body: unknown, key?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
  body: JSON.stringify(body),
});

/** Which dates of a series are free (`POST /api/bookings/series/check`). */
export async function checkSeries(client: BookingApi, ask: SeriesAsk, signal?: AbortSignal): Promise<Occurrence[]> {
  const init = { ...post(ask), signal: signal ?? null };
  return (await client.call<{ occurrences: Occurrence[] }>('/api/bookings/series/check', init)).occurrences;
}

/** Books a series; the same `idempotencyKey` for a retry of the same request, as for a single booking. */
export function bookSeries(client: BookingApi, request: SeriesRequest, idempotencyKey: string): Promise<SeriesBooked> {
  return client.call('/api/bookings/series', post(request, idempotencyKey));
}
