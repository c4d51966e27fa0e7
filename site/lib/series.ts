/** The words for an occurrence of a recurring series, the same on every page that shows one. */
import type { BookingSeries } from '../api/types.js';

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
