import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { weekdayNames } from '../../../widget/i18n/format.js';
import { define } from '../../../widget/lib/define.js';
import type { LocalInterval, WeeklyInterval } from '../../api/types.js';
import { LOCALE } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';
import { styles } from './book-week-editor.styles.js';
import { dayProblem, timeOptions } from './intervals.js';

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * @summary Weekly opening hours: each day open or closed, with one or more intervals, copied to other days in
 * one go. Times are wall-clock times in the provider's zone, on a 15-minute grid (24:00 ends a day).
 *
 * @event book-week-change - The hours changed; `detail` is the full list of `WeeklyInterval`s.
 * @event book-week-submit - Saved with valid hours; `detail` is the list.
 * @csspart day - Each day's row.
 *
 * @property intervals - The week, as ISO weekday (1 = Monday) intervals.
 * @property busy - Disables the save button while saving.
 * @property submitLabel - The save button's text; empty hides it.
 * @property error - A message from the server to show above the days.
 */
export class BookWeekEditor extends LitElement {
  static override styles = [siteBase, styles];

  @property({ attribute: false }) intervals: WeeklyInterval[] = [];
  @property({ type: Boolean }) busy = false;
  @property({ attribute: 'submit-label' }) submitLabel = 'Save hours';
  @property() error = '';

  @state() private week = new Map<number, LocalInterval[]>();
  /** The day whose "copy to" panel is open. */
  @state() private copying = 0;
  @state() private showProblems = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('intervals')) {
      this.week = new Map(
        DAYS.map((d) => [d, this.intervals.filter((i) => i.weekday === d).map(({ start, end }) => ({ start, end }))]),
      );
    }
  }

  /** The hours as edited, in the API's shape. */
  get value(): WeeklyInterval[] {
    return DAYS.flatMap((weekday) => (this.week.get(weekday) ?? []).map((i) => ({ weekday, ...i })));
  }

  override render() {
    const names = weekdayNames(LOCALE, 1, 'long');
    return html`<form novalidate @submit=${this.handleSubmit}>
      <p class="notice bad" role="alert">${this.error}</p>
      ${DAYS.map((day) => this.renderDay(day, names[day - 1]!, names))}
      ${
        this.submitLabel
          ? html`<div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button></div>`
          : nothing
      }
    </form>`;
  }

  private renderDay(day: number, name: string, names: string[]) {
    const intervals = this.week.get(day) ?? [];
    const open = intervals.length > 0;
    const problem = this.showProblems ? dayProblem(intervals) : '';
    return html`<div class="day" part="day" role="group" aria-labelledby="day-${day}">
      <div class="head">
        <span class="name" id="day-${day}">${name}</span>
        <label class="check"><input type="checkbox" .checked=${open} @change=${() => this.toggle(day)} /> Open</label>
      </div>
      <div class="stack">
        ${
          open
            ? intervals.map((interval, index) => this.renderInterval(day, name, interval, index))
            : html`<p class="closed">Closed</p>`
        }
        ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
        ${
          open
            ? html`<div class="row">
              <button type="button" class="link" @click=${() => this.add(day)}>+ Add hours</button>
              <button type="button" class="link" aria-expanded=${this.copying === day} @click=${() => (this.copying = this.copying === day ? 0 : day)}>
                Copy to other days
              </button>
            </div>`
            : nothing
        }
        ${this.copying === day ? this.renderCopy(day, name, names) : nothing}
      </div>
    </div>`;
  }

  private renderInterval(day: number, name: string, interval: LocalInterval, index: number) {
    const select = (which: 'start' | 'end', label: string) =>
      html`<select aria-label="${name}, ${label} ${index + 1}" @change=${(e: Event) => this.updateInterval(day, index, { [which]: (e.target as HTMLSelectElement).value })}>
        ${timeOptions(which, interval[which]).map((t) => html`<option value=${t} ?selected=${t === interval[which]}>${t}</option>`)}
      </select>`;
    return html`<div class="interval">
      ${select('start', 'opens')} <span aria-hidden="true">–</span> ${select('end', 'closes')}
      <button type="button" aria-label="Remove ${name} ${interval.start}–${interval.end}" @click=${() => this.removeInterval(day, index)}>✕</button>
    </div>`;
  }

  private renderCopy(day: number, name: string, names: string[]) {
    return html`<fieldset class="copy">
      <legend class="sr-only">Copy ${name}'s hours to</legend>
      ${DAYS.filter((d) => d !== day).map(
        (d) =>
          html`<label class="check"><input type="checkbox" name="copy" value=${d} ?checked=${d <= 5 && day <= 5} /> ${names[d - 1]}</label>`,
      )}
      <button type="button" @click=${() => this.copyTo(day)}>Copy</button>
    </fieldset>`;
  }

  private toggle(day: number): void {
    this.set(day, (this.week.get(day) ?? []).length ? [] : [{ start: '09:00', end: '17:00' }]);
  }

  private add(day: number): void {
    const list = this.week.get(day) ?? [];
    const last = list.at(-1);
    const start = last ? last.end : '09:00';
    const [h = 9, m = 0] = start.split(':').map(Number);
    const end = `${String(Math.min(24, h + 2)).padStart(2, '0')}:${h + 2 >= 24 ? '00' : String(m).padStart(2, '0')}`;
    this.set(day, [...list, { start: start === '24:00' ? '23:00' : start, end: start === '24:00' ? '24:00' : end }]);
  }

  private updateInterval(day: number, index: number, patch: Partial<LocalInterval>): void {
    this.set(
      day,
      (this.week.get(day) ?? []).map((i, n) => (n === index ? { ...i, ...patch } : i)),
    );
  }

  private removeInterval(day: number, index: number): void {
    this.set(
      day,
      (this.week.get(day) ?? []).filter((_, n) => n !== index),
    );
  }

  private copyTo(day: number): void {
    const targets = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="copy"]:checked')].map((i) =>
      Number(i.value),
    );
    const source = this.week.get(day) ?? [];
    const week = new Map(this.week);
    for (const target of targets)
      week.set(
        target,
        source.map((i) => ({ ...i })),
      );
    this.week = week;
    this.copying = 0;
    this.changed();
  }

  private set(day: number, intervals: LocalInterval[]): void {
    this.week = new Map(this.week).set(day, intervals);
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new CustomEvent('book-week-change', { detail: this.value, bubbles: true, composed: true }));
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.showProblems = true;
    if (DAYS.some((d) => dayProblem(this.week.get(d) ?? []))) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error')?.scrollIntoView({ block: 'center' });
      return;
    }
    this.dispatchEvent(new CustomEvent('book-week-submit', { detail: this.value, bubbles: true, composed: true }));
  }
}

define('book-week-editor', BookWeekEditor);

declare global {
  interface HTMLElementTagNameMap {
    'book-week-editor': BookWeekEditor;
  }
}
