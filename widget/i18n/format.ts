import type { Money } from '../api/types.js';

/** Locale- and zone-aware formatting; all through `Intl`, nothing hand-rolled. */

const formats = new Map<string, Intl.DateTimeFormat>();

/** Building an `Intl` formatter is costly and a month grid needs dozens per render, so they are reused. */
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = locale + JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
};

export const formatPrice = (price: Money, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency }).format(price.amountMinor / 100);

export const formatDuration = (minutes: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);

/** A cut-off in hours as people say it: whole days as days ("2 days"), anything else as hours ("36 hours"). */
export const formatHours = (hours: number, locale: string): string => {
  const days = hours >= 24 && hours % 24 === 0;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: days ? 'day' : 'hour', unitDisplay: 'long' }).format(
    days ? hours / 24 : hours,
  );
};

export const formatTime = (instant: string, locale: string, timeZone: string): string =>
  dateFormat(locale, { timeZone, timeStyle: 'short' }).format(new Date(instant));

/** A `YYYY-MM-DD` date in full: "Tuesday, 3 December 2026". */
export const formatDate = (date: string, locale: string): string =>
  dateFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );

export const formatMonth = (month: string, locale: string): string =>
  dateFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${month}-01T00:00:00Z`));

/** Short weekday names starting on `firstDay` (1 = Monday … 7 = Sunday). */
export const weekdayNames = (locale: string, firstDay: number, width: 'short' | 'long' = 'short'): string[] => {
  const f = dateFormat(locale, { timeZone: 'UTC', weekday: width });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2024, 0, ((firstDay - 1 + i) % 7) + 1)));
};

/** The locale's first day of the week (1 = Monday … 7 = Sunday); Monday where the browser cannot tell. */
export const firstDayOfWeek = (locale: string): number => {
  const l = new Intl.Locale(locale) as Intl.Locale & {
    getWeekInfo?: () => { firstDay: number };
    weekInfo?: { firstDay: number };
  };
  return (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay ?? 1;
};

/** "Europe/Berlin" → "Europe/Berlin (GMT+1)", so a zone list shows the offset the customer will see. */
export const formatZone = (timeZone: string, locale: string): string => {
  const name = dateFormat(locale, { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${timeZone.replace(/_/g, ' ')}${name ? ` (${name})` : ''}`;
};
