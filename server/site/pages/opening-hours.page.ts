import { html } from 'hono/html';
import type { DateOverride, LocalInterval, WeeklyInterval } from '../../availability/availability.types.js';
import { zoneCity } from './format.js';
import type { Html } from './layout.js';

/** ISO weekdays, Monday first, as the schedule stores them. */
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface OpeningHoursView {
  weekly: WeeklyInterval[];
  zone: string;
  /** Today in the business's zone, and its special hours or closure if it has one. */
  today: { date: string; weekday: number; override: DateOverride | undefined };
}

const spans = (intervals: LocalInterval[]) => intervals.map((i) => `${i.start}–${i.end}`).join(', ');

/** The week in the business's own zone, today marked, and today's special hours or closure said in words. */
export function openingHours(view: OpeningHoursView): Html {
  const { weekly, today } = view;
  if (weekly.length === 0 && !today.override) return html``;
  const special = today.override;
  return html`<section class="opening-hours" aria-labelledby="hours-heading">
    <h2 id="hours-heading">Opening hours <span class="muted">(${zoneCity(view.zone)} time)</span></h2>
    <table class="hours">
      <tbody>
        ${DAYS.map((day, index) => {
          const intervals = weekly.filter((w) => w.weekday === index + 1);
          const isToday = today.weekday === index + 1;
          return html`<tr class="${isToday ? 'today' : ''}">
            <th scope="row">${day}${isToday ? html` <span class="sr-only">(today)</span>` : ''}</th>
            <td>${intervals.length ? spans(intervals) : 'Closed'}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      special
        ? html`<p class="hours-note">
          <strong>${special.intervals.length ? `Today only: open ${spans(special.intervals)}` : 'Closed today'}</strong>
          <span class="muted">(special hours)</span>
        </p>`
        : ''
    }
  </section>`;
}
