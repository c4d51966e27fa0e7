import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { addDays, localDate } from '../../../widget/lib/dates.js';
import { define } from '../../../widget/lib/define.js';
import type { AdminAppointment } from '../../api/types.js';
import { formatTime, LOCALE, statusLabel } from '../../lib/format.js';
import { styleProps } from '../../lib/style-props.js';
import { minutesInDay } from '../../lib/zone.js';
import { siteBase } from '../../styles/components.js';
import { styles } from './book-week-view.styles.js';

const HOUR_REM = 3;

/**
 * @summary A week as a calendar: seven days side by side, appointments placed by time in the provider's zone.
 * Each appointment is a link to its detail page; the grid scrolls sideways on narrow screens.
 *
 * @csspart event - Each appointment.
 *
 * @property appointments - The week's appointments.
 * @property start - The first day shown, `YYYY-MM-DD` (a Monday).
 * @property timeZone - The provider's zone: days and times are read in it.
 * @property fromHour - The first hour shown (default 8, earlier if an appointment starts earlier).
 * @property toHour - The hour the grid ends (default 19, later if needed).
 */
export class BookWeekView extends LitElement {
  static override styles = [siteBase, styles];

  @property({ attribute: false }) appointments: AdminAppointment[] = [];
  @property() start = '';
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  @property({ type: Number, attribute: 'from-hour' }) fromHour = 8;
  @property({ type: Number, attribute: 'to-hour' }) toHour = 19;

  override render() {
    const zone = this.timeZone;
    const days = Array.from({ length: 7 }, (_, i) => addDays(this.start, i));
    const byDay = new Map<string, AdminAppointment[]>(days.map((d) => [d, []]));
    let first = this.fromHour * 60;
    let last = this.toHour * 60;
    for (const a of this.appointments) {
      byDay.get(localDate(a.start, zone))?.push(a);
      const start = minutesInDay(a.start, zone);
      first = Math.min(first, Math.floor(start / 60) * 60);
      last = Math.max(last, Math.min(24 * 60, start + (Date.parse(a.end) - Date.parse(a.start)) / 60_000));
    }
    last = Math.ceil(last / 60) * 60;
    const height = ((last - first) / 60) * HOUR_REM;
    const today = localDate(Date.now(), zone);
    const dayName = new Intl.DateTimeFormat(LOCALE, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const hours = Array.from({ length: (last - first) / 60 }, (_, i) => first / 60 + i);
    return html`<div class="scroller" role="region" aria-label="Week of ${dayName.format(new Date(`${this.start}T00:00:00Z`))}" tabindex="0">
      <div class="grid">
        <div class="corner" aria-hidden="true"></div>
        ${days.map((d) => html`<div class="dayhead ${d === today ? 'today' : ''}">${dayName.format(new Date(`${d}T00:00:00Z`))}</div>`)}
        <div class="hours" aria-hidden="true" ${styleProps({ height: `${height}rem` })}>
          ${hours.map((h) => html`<span class="hour" ${styleProps({ top: `${(h - first / 60) * HOUR_REM}rem` })}>${String(h).padStart(2, '0')}:00</span>`)}
        </div>
        ${days.map(
          (d) => html`<div class="day" ${styleProps({ height: `${height}rem` })}>
            ${hours.map((h) => html`<span class="hour" aria-hidden="true" ${styleProps({ top: `${(h - first / 60) * HOUR_REM}rem` })}></span>`)}
            ${byDay.get(d)!.map((a) => this.renderEvent(a, first))}
          </div>`,
        )}
      </div>
    </div>`;
  }

  private renderEvent(a: AdminAppointment, first: number) {
    const zone = this.timeZone;
    const start = minutesInDay(a.start, zone);
    const length = Math.max(20, (Date.parse(a.end) - Date.parse(a.start)) / 60_000);
    const position = { top: `${((start - first) / 60) * HOUR_REM}rem`, height: `${(length / 60) * HOUR_REM - 0.1}rem` };
    // The visible text is the accessible name; the end time and status are there for screen readers only.
    return html`<a class="event ${a.status}" part="event" href="/admin/appointments/${a.id}" ${styleProps(position)}>
      <strong>${formatTime(a.start, zone)}</strong><span class="sr-only">–${formatTime(a.end, zone)},</span> ${a.customer.name}<span
        class="sr-only"
        >,</span
      ><br />${a.service.name}<span class="sr-only">, ${statusLabel[a.status]}</span>
    </a>`;
  }
}

define('book-week-view', BookWeekView);

declare global {
  interface HTMLElementTagNameMap {
    'book-week-view': BookWeekView;
  }
}
