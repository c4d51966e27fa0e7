/** The words for an occurrence of a recurring series, the same on every page that shows one. */
import type { BookingSeries, SeriesOccurrence } from '../api/types.js';

/** "every week", "every 2 weeks". */
export const everyWeeksPhrase = (weeks: number): string => (weeks === 1 ? 'every week' : `every ${weeks} weeks`);

/** "Appointment 3 of 8 · every week" (`index` counts from 0). */
export const seriesLine = (s: BookingSeries): string =>
  `Appointment ${s.index + 1} of ${s.count} · ${everyWeeksPhrase(s.everyWeeks)}`;

/** "Repeats · 3/8", for a badge in a list. */
export const seriesBadge = (s: BookingSeries): string => `Repeats · ${s.index + 1}/${s.count}`;

/** What a cancellation did: "Your booking is cancelled." for one, the number for a series' following dates. */
export const cancelledPhrase = (cancelled: number | undefined, one: string): string =>
  (cancelled ?? 1) > 1 ? `${cancelled} appointments are cancelled: this date and the following ones.` : one;

/**
 * A date of a series in three words: "Confirmed" while ahead, "Cancelled", else "Done" (completed, a no-show, or
 * confirmed but over before the business marked it): the list tells which dates are still to come, and each
 * date's own page tells the rest. `tone` is the badge class.
 */
export const occurrenceStatus = (
  o: Pick<SeriesOccurrence, 'status' | 'end'>,
  now: number,
): { label: string; tone: 'confirmed' | 'cancelled' | 'completed' } =>
  o.status === 'cancelled'
    ? { label: 'Cancelled', tone: 'cancelled' }
    : o.status === 'confirmed' && Date.parse(o.end) > now
      ? { label: 'Confirmed', tone: 'confirmed' }
      : { label: 'Done', tone: 'completed' };
