/**
 * Calendar arithmetic on plain `YYYY-MM-DD` dates and `YYYY-MM` months (no time zone involved), plus the one
 * zone-aware step: which local date an instant falls on.
 */

import { wallClock } from './wall-clock.js';

const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};

export const addMonths = (month: string, months: number): string => {
  const d = utc(`${month}-01`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return iso(d).slice(0, 7);
};

export const daysInMonth = (month: string): number => Number(addDays(`${addMonths(month, 1)}-01`, -1).slice(8));

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const weekday = (date: string): number => utc(date).getUTCDay() || 7;

/** The inclusive date range of a month, as the slots API takes it. */
export const monthRange = (month: string): { from: string; to: string } => ({
  from: `${month}-01`,
  to: `${month}-${String(daysInMonth(month)).padStart(2, '0')}`,
});

const dayParts = wallClock('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** The `YYYY-MM-DD` date an instant falls on in an IANA zone. */
export const localDate = (instant: string | number | Date, timeZone: string): string => {
  const p = dayParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
};

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) an instant falls in, in an IANA zone. */
export const localHour = (instant: string, timeZone: string): number => {
  let f = hourFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormats.set(timeZone, f);
  }
  return Number(f.formatToParts(new Date(instant)).find((p) => p.type === 'hour')!.value);
};

/** Groups slots by their local date in `timeZone`, keeping each day's slots in order. */
export const groupByDay = <T extends { start: string }>(slots: T[], timeZone: string): Map<string, T[]> => {
  const days = new Map<string, T[]>();
  for (const slot of slots) {
    const day = localDate(slot.start, timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return days;
};

/**
 * The zone as given if the browser knows it, else the browser's own zone. Not canonicalised: Chromium would turn
 * `Asia/Kolkata` into `Asia/Calcutta`.
 */
export const validZone = (timeZone: string | undefined): string => {
  try {
    if (timeZone) return new Intl.DateTimeFormat('en', { timeZone }) && timeZone;
  } catch {
    // unknown zone: use the browser's
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
};
