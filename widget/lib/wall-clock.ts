/** What an instant reads on a wall clock, by part: `{ year: '2026', month: '12', hour: '09', … }`. */
export type WallClockParts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

/**
 * Reads instants on the wall clock of any IANA zone, formatted in `locale` with `options`. One
 * `Intl.DateTimeFormat` is kept per zone: making one costs far more than using it, and these run per slot, per
 * day of a calendar and, on the server, inside a booking's write transaction. Imports nothing, so the widget,
 * the site and the server's emails can all use it.
 */
export function wallClock(
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): (instant: string | number | Date, timeZone: string) => WallClockParts {
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (instant, timeZone) => {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      formats.set(timeZone, format);
    }
    const parts: WallClockParts = {};
    for (const { type, value } of format.formatToParts(new Date(instant))) parts[type] = value;
    return parts;
  };
}
