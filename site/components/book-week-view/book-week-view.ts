import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { addDays, localDate } from '../../../widget/lib/dates.js';
import { define } from '../../../widget/lib/define.js';
import type { AdminAppointment, BlockedTime, Closure, DateOverride, WeeklyInterval } from '../../api/types.js';
import { emit } from '../../lib/events.js';
import { formatTime, LOCALE, statusLabel } from '../../lib/format.js';
import { hhmm } from '../../lib/local-time.js';
import { styleProps } from '../../lib/style-props.js';
import { minutesInDay, zonedInstant } from '../../lib/zone.js';
import { siteBase } from '../../styles/components.js';
import { styles } from './book-week-view.styles.js';
import { closedSpans, type MinuteSpan, openSpans } from './open-hours.js';

const HOUR_REM = 3;
const DAY_MINUTES = 24 * 60;
/** Shorter blocks than this have room for one line only: time and service, then the customer. */
const ONE_LINE_MINUTES = 45;

/** One team member's column in each day: whose it is, with their own hours, overrides and blocked times. */
export interface WeekLane {
  member?: { id: number; name: string };
  weeklyHours: WeeklyInterval[];
  overrides: DateOverride[];
  blockedTimes: BlockedTime[];
}

/**
 * @summary A week as a calendar: seven days side by side, appointments placed by time in the provider's zone.
 * Closed days and hours are greyed, blocked times drawn as their own blocks, and the open time is clickable to
 * book it. The grid runs from the week's earliest opening to its latest closing (wider for anything outside them)
 * and scrolls sideways on narrow screens. With `lanes` for more than one team member, each day has a column per
 * member, greyed by that member's hours, holding their appointments and blocked times.
 *
 * @event book-slot-pick - A free time was clicked; `detail` is `{ date, time }` (`YYYY-MM-DD`, `HH:mm`, local),
 * with `memberId` in a member's column.
 * @event book-blocked-remove - The remove button of a blocked time; `detail` is the `BlockedTime`.
 * @csspart event - Each appointment (a link to its detail page).
 * @csspart blocked - Each blocked time.
 *
 * @property appointments - The week's appointments.
 * @property blockedTimes - The week's blocked times.
 * @property weeklyHours - Opening hours by weekday; with `overrides`, what is greyed as closed.
 * @property overrides - Date overrides of the week (an empty one closes the day).
 * @property closures - Closures (holidays, from one date to another) touching the week.
 * @property lanes - A column per member (used when more than one; then `weeklyHours`, `overrides` and
 * `blockedTimes` are each member's, in their lane).
 * @property start - The first day shown, `YYYY-MM-DD` (a Monday).
 * @property timeZone - The provider's zone: days and times are read in it.
 * @property step - Minutes per clickable free cell (the booking grid).
 * @property now - The current instant in ms: past time is not offered.
 * @property fromHour - The first hour shown without opening hours (default 8, earlier if something starts earlier).
 * @property toHour - The hour the grid ends without opening hours (default 19, later if needed).
 */
export class BookWeekView extends LitElement {
  static override styles = [siteBase, styles];

  @property({ attribute: false }) appointments: AdminAppointment[] = [];
  @property({ attribute: false }) blockedTimes: BlockedTime[] = [];
  @property({ attribute: false }) weeklyHours: WeeklyInterval[] = [];
  @property({ attribute: false }) overrides: DateOverride[] = [];
  @property({ attribute: false }) closures: Closure[] = [];
  @property({ attribute: false }) lanes: WeekLane[] = [];
  @property() start = '';
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  @property({ type: Number }) step = 30;
  @property({ type: Number }) now = Date.now();
  @property({ type: Number, attribute: 'from-hour' }) fromHour = 8;
  @property({ type: Number, attribute: 'to-hour' }) toHour = 19;

  override render() {
    const zone = this.timeZone;
    const days = Array.from({ length: 7 }, (_, i) => addDays(this.start, i));
    const team = this.lanes.length > 1;
    const lanes: WeekLane[] = team
      ? this.lanes
      : [{ weeklyHours: this.weeklyHours, overrides: this.overrides, blockedTimes: this.blockedTimes }];
    // No hours at all is a schedule not loaded (or not set up yet): nothing is greyed, nothing offered.
    const known = (l: WeekLane) => l.weeklyHours.length > 0 || l.overrides.length > 0 || this.closures.length > 0;
    const open = lanes.map(
      (l) => new Map(days.map((d) => [d, openSpans(d, l.weeklyHours, l.overrides, this.closures)])),
    );
    const closed = (d: string) => lanes.every((l, i) => known(l) && open[i]!.get(d)!.length === 0);
    const spans = open.flatMap((byDay) => [...byDay.values()].flat());
    let first = spans.length ? Math.min(...spans.map((s) => s.start)) : this.fromHour * 60;
    let last = spans.length ? Math.max(...spans.map((s) => s.end)) : this.toHour * 60;
    for (const item of [...this.appointments, ...lanes.flatMap((l) => l.blockedTimes)]) {
      const span = this.spanOf(item);
      first = Math.min(first, span.start);
      last = Math.max(last, span.end);
    }
    first = Math.floor(first / 60) * 60;
    last = Math.ceil(last / 60) * 60;
    const height = ((last - first) / 60) * HOUR_REM;
    const today = localDate(this.now, zone);
    const dayName = new Intl.DateTimeFormat(LOCALE, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const hours = Array.from({ length: (last - first) / 60 }, (_, i) => first / 60 + i);
    const top = (minutes: number) => `${((minutes - first) / 60) * HOUR_REM}rem`;
    // An appointment goes to its member's lane (one of a member not shown, or of no member, to the first).
    const laneOf = (a: AdminAppointment) =>
      Math.max(0, team ? lanes.findIndex((l) => l.member?.id === a.member?.id) : 0);
    const width = `${100 / lanes.length}%`;
    return html`<div class="scroller" role="region" aria-label="Week of ${dayName.format(new Date(`${this.start}T00:00:00Z`))}" tabindex="0">
      <div class="grid" ${styleProps({ '--lanes': String(lanes.length) })}>
        <div class="corner" aria-hidden="true"></div>
        ${days.map(
          (d) => html`<div class="dayhead ${d === today ? 'today' : ''} ${closed(d) ? 'closed' : ''}">
            ${dayName.format(new Date(`${d}T00:00:00Z`))}${closed(d) ? html`<span class="sr-only">, closed</span>` : nothing}
          </div>`,
        )}
        ${
          team
            ? html`<div class="corner lanehead" aria-hidden="true"></div>
              ${days.map(() => html`<div class="lanehead" aria-hidden="true">${lanes.map((l) => html`<span>${l.member!.name}</span>`)}</div>`)}`
            : nothing
        }
        <div class="hours" aria-hidden="true" ${styleProps({ height: `${height}rem` })}>
          ${hours.map((h) => html`<span class="hour" ${styleProps({ top: top(h * 60) })}>${String(h).padStart(2, '0')}:00</span>`)}
        </div>
        ${days.map(
          (d) => html`<div class="day" ${styleProps({ height: `${height}rem` })}>
            ${hours.map((h) => html`<span class="hour" aria-hidden="true" ${styleProps({ top: top(h * 60) })}></span>`)}
            ${lanes.map(
              (lane, i) => html`<div class="lane" ${styleProps({ left: `${(i * 100) / lanes.length}%`, width })}>
                ${(known(lane) ? closedSpans(open[i]!.get(d)!, first, last) : []).map(
                  (c) =>
                    html`<div class="closed-time" aria-hidden="true" ${styleProps({ top: top(c.start), height: `${((c.end - c.start) / 60) * HOUR_REM}rem` })}></div>`,
                )}
                ${this.renderFree(d, open[i]!.get(d)!, top, lane.member)}
                ${lane.blockedTimes.filter((b) => localDate(b.start, zone) === d).map((b) => this.renderBlocked(b, top))}
                ${this.appointments
                  .filter((a) => localDate(a.start, zone) === d && laneOf(a) === i)
                  .map((a) => this.renderEvent(a, top, team))}
              </div>`,
            )}
          </div>`,
        )}
      </div>
    </div>`;
  }

  /** Where an appointment or a blocked time sits in its start's day, in minutes (cut at midnight). */
  private spanOf(item: { start: string; end: string }): MinuteSpan {
    const start = minutesInDay(item.start, this.timeZone);
    return { start, end: Math.min(DAY_MINUTES, start + (Date.parse(item.end) - Date.parse(item.start)) / 60_000) };
  }

  /**
   * The open, future time as cells of `step` minutes that open "New appointment" there. Out of the tab order:
   * seventy buttons a week would bury everything else; the dashboard's "New appointment" button does the same.
   */
  private renderFree(
    date: string,
    open: MinuteSpan[],
    top: (minutes: number) => string,
    member?: { id: number; name: string },
  ) {
    const label = new Intl.DateTimeFormat(LOCALE, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const day = label.format(new Date(`${date}T00:00:00Z`));
    const what = member ? `New appointment with ${member.name}` : 'New appointment';
    const pick = (time: string) => (member ? { date, time, memberId: member.id } : { date, time });
    return open.flatMap((span) => {
      const cells = [];
      for (let at = span.start; at < span.end; at += this.step) {
        if (zonedInstant(date, at, this.timeZone) < this.now) continue;
        const size = Math.min(this.step, span.end - at);
        cells.push(html`<button type="button" class="free" tabindex="-1" aria-label="${what}, ${day} ${hhmm(at)}"
          ${styleProps({ top: top(at), height: `${(size / 60) * HOUR_REM}rem` })}
          @click=${() => emit(this, 'book-slot-pick', pick(hhmm(at)))}></button>`);
      }
      return cells;
    });
  }

  private renderBlocked(b: BlockedTime, top: (minutes: number) => string) {
    const span = this.spanOf(b);
    const what = `${formatTime(b.start, this.timeZone)}–${formatTime(b.end, this.timeZone)}${b.label ? ` ${b.label}` : ''}`;
    return html`<div class="blocked" part="blocked" ${styleProps({ top: top(span.start), height: `${((span.end - span.start) / 60) * HOUR_REM - 0.1}rem` })}>
      <span><strong>Blocked</strong> ${what}</span>
      <button type="button" class="remove" aria-label="Remove blocked time ${what}" @click=${() => emit(this, 'book-blocked-remove', b)}>×</button>
    </div>`;
  }

  private renderEvent(a: AdminAppointment, top: (minutes: number) => string, named: boolean) {
    const zone = this.timeZone;
    const span = this.spanOf(a);
    const length = Math.max(20, span.end - span.start);
    const position = { top: top(span.start), height: `${(length / 60) * HOUR_REM - 0.1}rem` };
    // The visible text is the accessible name; the end time and status are there for screen readers only. The
    // service comes first after the time, so even a short block names it.
    return html`<a class="event ${a.status} ${length < ONE_LINE_MINUTES ? 'short' : ''}" part="event" href="/admin/appointments/${a.id}" ${styleProps(position)}>
      <strong>${formatTime(a.start, zone)}</strong><span class="sr-only">–${formatTime(a.end, zone)},</span> <span class="service">${a.service.name}</span><span
        class="sr-only"
        >,</span
      ><br />${a.customer.name}<span class="sr-only">${named && a.member ? `, with ${a.member.name}` : ''}, ${statusLabel[a.status]}</span>
    </a>`;
  }
}

define('book-week-view', BookWeekView);

declare global {
  interface HTMLElementTagNameMap {
    'book-week-view': BookWeekView;
  }
}
