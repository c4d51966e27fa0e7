import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { firstDayOfWeek, formatDate, formatMonth, weekdayNames } from '../i18n/format.js';
import { type Messages, resolveLocale } from '../i18n/messages.js';
import { addDays, addMonths, daysInMonth, weekday } from '../lib/dates.js';
import { define, emit } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { styles } from './book-calendar.styles.js';

const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * @summary A month grid where days with free slots are highlighted. Keyboard: arrows move by day and week,
 * Home/End to the week's start/end, PageUp/PageDown by month, Enter/Space picks the day.
 *
 * @event book-day-select - A day with free slots was picked; `detail` is its `YYYY-MM-DD` date.
 * @event book-month-change - The user moved to another month; `detail` is the new `YYYY-MM`.
 * @csspart day - Each day button.
 *
 * @property month - The month shown, `YYYY-MM`.
 * @property available - Dates (`YYYY-MM-DD`) that have free slots.
 * @property selected - The picked date, if any.
 * @property marked - A date to mark as the current booking (when rescheduling), if any.
 * @property today - Today's date in the customer's zone; earlier months cannot be shown.
 * @property last - The last month the user may move to, `YYYY-MM`.
 * @property loading - Set while the month's slots are loading.
 * @property locale - BCP 47 locale for names and the first day of the week.
 */
export class BookCalendar extends LitElement {
  static override styles = [base, styles];

  @property() month = new Date().toISOString().slice(0, 7);
  @property({ attribute: false }) available: string[] = [];
  @property() selected = '';
  @property() marked = '';
  @property() today = new Date().toISOString().slice(0, 10);
  @property() last = '9999-12';
  @property({ type: Boolean }) loading = false;
  @property() locale = '';

  /** The date holding the roving tab stop. */
  @state() private focusDate = '';
  private refocus = false;

  override willUpdate(): void {
    if (this.focusDate.slice(0, 7) !== this.month) {
      const inMonth = (d: string) => d.startsWith(this.month);
      this.focusDate =
        [this.selected, this.today].find(inMonth) ?? this.available.filter(inMonth).sort()[0] ?? `${this.month}-01`;
    }
  }

  override updated(): void {
    if (!this.refocus) return;
    this.refocus = false;
    this.renderRoot.querySelector<HTMLElement>(`[data-date="${this.focusDate}"]`)?.focus();
  }

  override render() {
    const { locale, msg } = resolveLocale(this.locale);
    const first = firstDayOfWeek(locale);
    const lead = (weekday(`${this.month}-01`) - first + 7) % 7;
    const cells: (string | null)[] = Array(lead).fill(null);
    for (let d = 1; d <= daysInMonth(this.month); d++) cells.push(`${this.month}-${String(d).padStart(2, '0')}`);
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
    const long = weekdayNames(locale, first, 'long');
    const free = new Set(this.available);
    return html`
      <div class="head">
        <button class="nav" aria-label=${msg.prevMonth} ?disabled=${this.month <= this.today.slice(0, 7)} @click=${() => this.go(-1)}>
          ‹
        </button>
        <h3 id="title" aria-live="polite">${formatMonth(this.month, locale)}</h3>
        <button class="nav" aria-label=${msg.nextMonth} ?disabled=${this.month >= this.last} @click=${() => this.go(1)}>›</button>
      </div>
      <table role="grid" aria-labelledby="title" aria-busy=${this.loading} @keydown=${this.handleKey} @focusin=${this.handleFocus}>
        <thead>
          <tr>
            ${weekdayNames(locale, first).map((n, i) => html`<th scope="col" abbr=${long[i]!}>${n}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr>
              ${week.map((date) => (date ? this.renderDay(date, free.has(date), locale, msg) : html`<td></td>`))}
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private renderDay(date: string, isFree: boolean, locale: string, msg: Messages) {
    const marked = date === this.marked;
    return html`<td aria-selected=${date === this.selected}>
      <button
        part="day"
        class=${[isFree ? 'free' : '', marked ? 'booked' : ''].join(' ').trim()}
        data-date=${date}
        tabindex=${date === this.focusDate ? 0 : -1}
        aria-disabled=${!isFree}
        aria-current=${date === this.today ? 'date' : nothing}
        aria-label=${`${formatDate(date, locale)}, ${isFree ? msg.free : msg.noneFree}${marked ? `, ${msg.yourBooking}` : ''}`}
        @click=${() => isFree && emit(this, 'book-day-select', date)}
      >
        ${Number(date.slice(8))}
      </button>
    </td>`;
  }

  private go(months: number): void {
    const month = addMonths(this.month, months);
    if (month < this.today.slice(0, 7) || month > this.last) return;
    this.month = month;
    emit(this, 'book-month-change', month);
  }

  /** Keeps the tab stop on the day last focused by any means (click, screen-reader cursor). */
  private handleFocus(e: FocusEvent): void {
    const date = (e.target as HTMLElement).dataset.date;
    if (date) this.focusDate = date;
  }

  private handleKey(e: KeyboardEvent): void {
    const from = this.focusDate;
    const start = addDays(from, -((weekday(from) - firstDayOfWeek(resolveLocale(this.locale).locale) + 7) % 7));
    let to: string;
    if (e.key in moves) to = addDays(from, moves[e.key]!);
    else if (e.key === 'Home') to = start;
    else if (e.key === 'End') to = addDays(start, 6);
    else if (e.key === 'PageUp' || e.key === 'PageDown') {
      const month = addMonths(from.slice(0, 7), e.key === 'PageUp' ? -1 : 1);
      to = `${month}-${String(Math.min(Number(from.slice(8)), daysInMonth(month))).padStart(2, '0')}`;
    } else return;
    e.preventDefault();
    const month = to.slice(0, 7);
    if (month < this.today.slice(0, 7) || month > this.last) return;
    this.focusDate = to;
    this.refocus = true;
    if (month !== this.month) {
      this.month = month;
      emit(this, 'book-month-change', month);
    }
  }
}

define('book-calendar', BookCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'book-calendar': BookCalendar;
  }
}
