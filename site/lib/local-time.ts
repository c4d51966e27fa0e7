import { html, nothing } from 'lit';

/** `HH:mm` from 00:00 to 23:59, what a time input holds. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after midnight of `HH:mm` (`24:00` is 1440). */
export const localMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `HH:mm` of minutes after midnight. */
export const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A field's error message, with the id its input's `aria-describedby` names (`<field>-error`). */
export const fieldError = (errors: Record<string, string>, field: string) =>
  errors[field] ? html`<p class="error" id="${field}-error">${errors[field]}</p>` : nothing;
