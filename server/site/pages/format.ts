import { DateTime } from 'luxon';

/** Server-side formatting for the pre-rendered pages; the client uses the widget's `Intl` helpers, same output. */
const LOCALE = 'en-GB';

export const formatPrice = (amountMinor: number, currency: string): string =>
  new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).format(amountMinor / 100);

/** A card's price: "€18", "from €18" when the services' prices differ, "Free"; whole amounts without ".00". */
export function formatPriceRange(range: { fromMinor: number; toMinor: number; currency: string }): string {
  if (range.toMinor === 0) return 'Free';
  const amount = new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency: range.currency,
    trailingZeroDisplay: 'stripIfInteger',
  }).format(range.fromMinor / 100);
  return range.fromMinor === range.toMinor ? amount : `from ${amount}`;
}

/** "45 mins": the same unit format the widget uses, in the site's locale. */
export const formatDuration = (minutes: number): string =>
  new Intl.NumberFormat(LOCALE, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);

/** "Tue 1 Dec, 10:00" in the provider's zone, the way a local customer reads it. */
export const formatSlot = (iso: string, zone: string): string =>
  DateTime.fromISO(iso, { zone }).setLocale(LOCALE).toFormat('ccc d LLL, HH:mm');

export const formatDay = (iso: string): string =>
  DateTime.fromISO(iso, { zone: 'UTC' }).setLocale(LOCALE).toFormat('d LLLL yyyy');

/** "Europe/Berlin" → "Berlin". */
export const zoneCity = (zone: string): string => (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');

/** ★★★★☆ for 4.2: whole stars rounded to the nearest half, shown as text with an accessible label beside it. */
export const starText = (rating: number): string => {
  const full = Math.round(rating);
  return '★'.repeat(full) + '☆'.repeat(5 - full);
};

/** "Mia Rossi" → "MR": a member without a photo; the first letters of the first and last names. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word?: string) => [...(word ?? '')][0] ?? '';
  return (first(words[0]) + (words.length > 1 ? first(words.at(-1)) : '')).toUpperCase() || '?';
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Trims text for meta descriptions on a word boundary. */
export const excerpt = (text: string, max = 160): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
};
