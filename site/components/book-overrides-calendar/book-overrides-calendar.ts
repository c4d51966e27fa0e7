import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate, formatMonth, weekdayNames } from '../../../widget/i18n/format.js';
import { addDays, addMonths, daysInMonth, monthRange, weekday } from '../../../widget/lib/dates.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { DateOverride, LocalInterval, WeeklyInterval } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { LOCALE, todayIn } from '../../lib/format.js';
import { fieldsets, siteBase } from '../../styles/components.js';
import { dayProblem, timeOptions } from '../book-week-editor/intervals.js';
import { styles } from './book-overrides-calendar.styles.js';

type Kind = 'usual' | 'closed' | 'special';
const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * @summary Date overrides on a month calendar: pick a day, then keep the usual hours, close it, or set special
 * hours for it (holidays, a late opening). Keyboard: arrows move between days, Enter picks.
 *
 * @event book-override-saved - A day was changed; `detail` is `{ date, intervals | null }` (null: usual hours).
 * @csspart day - Each day button.
 *
 * @property timeZone - The provider's zone ("today" is read in it).
 * @property weekly - The weekly hours, shown for days without an override.
 * @property member - Whose overrides (a team member's id; 0: the signed-in member's).
 */
export class BookOverridesCalendar extends LitElement {
  static override styles = [siteBase, fieldsets, styles];

  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  @property({ attribute: false }) weekly: WeeklyInterval[] = [];
  @property({ type: Number }) member = 0;

  @state() private month = '';
  @state() private overrides = new Map<string, LocalInterval[]>();
  @state() private selected = '';
  @state() private focusDate = '';
  @state() private kind: Kind = 'usual';
  @state() private intervals: LocalInterval[] = [];
  private action = new ActionController(this);
  private refocus = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const today = todayIn(this.timeZone);
    this.focusDate = today;
    void this.show(today.slice(0, 7));
  }

  override updated(): void {
    if (!this.refocus) return;
    this.refocus = false;
    this.renderRoot.querySelector<HTMLElement>(`[data-date="${this.focusDate}"]`)?.focus();
  }

  override render() {
    const today = todayIn(this.timeZone);
    const names = weekdayNames(LOCALE, 1, 'short');
    const lead = weekday(`${this.month}-01`) - 1;
    const count = daysInMonth(this.month);
    const cells: (string | null)[] = [
      ...Array<null>(lead).fill(null),
      ...Array.from({ length: count }, (_, i) => `${this.month}-${String(i + 1).padStart(2, '0')}`),
    ];
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
    return html`<div class="nav">
        <h3 id="month" aria-live="polite">${formatMonth(this.month, LOCALE)}</h3>
        <button type="button" aria-label="Previous month" ?disabled=${this.month <= today.slice(0, 7)} @click=${() => this.show(addMonths(this.month, -1))}>←</button>
        <button type="button" aria-label="Next month" @click=${() => this.show(addMonths(this.month, 1))}>→</button>
      </div>
      <table role="grid" aria-labelledby="month" @keydown=${this.handleKey}>
        <thead><tr>${names.map((n) => html`<th scope="col">${n}</th>`)}</tr></thead>
        <tbody>
          ${weeks.map((week) => html`<tr>${week.map((date) => html`<td>${date ? this.renderDay(date, today) : nothing}</td>`)}</tr>`)}
        </tbody>
      </table>
      <p class="legend"><span>Red: closed</span><span>Blue: special hours</span><span>Grey: closed every week</span></p>
      <p class="notice bad" role="alert">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      ${this.selected ? this.renderEditor() : html`<p class="muted">Pick a day to close it or give it special hours.</p>`}`;
  }

  private renderDay(date: string, today: string) {
    const override = this.overrides.get(date);
    const usual = this.weekly.filter((i) => i.weekday === weekday(date));
    const cls = override ? (override.length ? 'special' : 'closed') : usual.length ? '' : 'off';
    const mark = override ? (override.length ? 'Special' : 'Closed') : '';
    const label = `${formatDate(date, LOCALE)}${mark ? `, ${mark.toLowerCase()}${override?.length ? ` ${override.map((i) => `${i.start}–${i.end}`).join(', ')}` : ''}` : usual.length ? '' : ', closed every week'}`;
    return html`<button type="button" part="day" class=${cls} data-date=${date} aria-label=${label} aria-pressed=${date === this.selected}
      tabindex=${date === this.focusDate ? 0 : -1} ?disabled=${date < today} @click=${() => this.pick(date)}>
      <span>${Number(date.slice(8))}</span>${mark ? html`<span class="mark" aria-hidden="true">${mark}</span>` : nothing}
    </button>`;
  }

  private renderEditor() {
    const usual = this.weekly.filter((i) => i.weekday === weekday(this.selected));
    const usualText = usual.length ? usual.map((i) => `${i.start}–${i.end}`).join(', ') : 'closed';
    const radio = (kind: Kind, label: string) =>
      html`<label class="check"><input type="radio" name="kind" .checked=${this.kind === kind} @change=${() => this.setKind(kind)} /> ${label}</label>`;
    const problem = this.kind === 'special' ? dayProblem(this.intervals) : '';
    return html`<form class="editor panel" @submit=${this.handleSave}>
      <fieldset>
        <legend>${formatDate(this.selected, LOCALE)}</legend>
        ${radio('usual', `Usual hours (${usualText})`)} ${radio('closed', 'Closed all day')} ${radio('special', 'Special hours')}
      </fieldset>
      ${
        this.kind === 'special'
          ? html`${this.intervals.map(
              (interval, n) => html`<div class="interval">
                ${(['start', 'end'] as const).map(
                  (which) => html`<select aria-label="${which === 'start' ? 'Opens' : 'Closes'} ${n + 1}"
                    @change=${(e: Event) => this.setInterval(n, { [which]: (e.target as HTMLSelectElement).value })}>
                    ${timeOptions(which, interval[which]).map((t) => html`<option ?selected=${t === interval[which]}>${t}</option>`)}
                  </select>`,
                )}
                <button type="button" aria-label="Remove ${interval.start}–${interval.end}" ?disabled=${this.intervals.length === 1}
                  @click=${() => (this.intervals = this.intervals.filter((_, i) => i !== n))}>✕</button>
              </div>`,
            )}
            <button type="button" class="link" @click=${() => (this.intervals = [...this.intervals, { start: '14:00', end: '18:00' }])}>+ Add hours</button>
            ${problem ? html`<p class="error">${problem}</p>` : nothing}`
          : nothing
      }
      <div class="row"><button class="primary" type="submit" ?disabled=${this.action.busy || Boolean(problem)}>Save</button></div>
    </form>`;
  }

  private async show(month: string): Promise<void> {
    this.month = month;
    const { from, to } = monthRange(month);
    try {
      const { overrides } = await api.schedule(from, to, this.member || undefined);
      if (month !== this.month) return;
      this.overrides = new Map(overrides.map((o: DateOverride) => [o.date, o.intervals]));
      const today = todayIn(this.timeZone);
      // biome-ignore lint/complexity/useMathMinMax: these are ISO date strings, which Math.max cannot compare
      const firstShown = from < today ? today : from;
      if (this.focusDate.slice(0, 7) !== month) this.focusDate = firstShown;
    } catch (e) {
      this.action.report(errorText(e));
    }
  }

  private pick(date: string): void {
    this.selected = date;
    this.focusDate = date;
    this.action.clear();
    const override = this.overrides.get(date);
    this.kind = override ? (override.length ? 'special' : 'closed') : 'usual';
    const usual = this.weekly.filter((i) => i.weekday === weekday(date)).map(({ start, end }) => ({ start, end }));
    this.intervals = override?.length
      ? override.map((i) => ({ ...i }))
      : usual.length
        ? usual
        : [{ start: '10:00', end: '14:00' }];
  }

  private setKind(kind: Kind): void {
    this.kind = kind;
  }

  private setInterval(n: number, patch: Partial<LocalInterval>): void {
    this.intervals = this.intervals.map((i, k) => (k === n ? { ...i, ...patch } : i));
  }

  private handleKey(event: KeyboardEvent): void {
    const step = moves[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = addDays(this.focusDate, step);
    if (next < todayIn(this.timeZone)) return;
    this.focusDate = next;
    this.refocus = true;
    if (next.slice(0, 7) !== this.month) void this.show(next.slice(0, 7));
  }

  private async handleSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const date = this.selected;
    await this.action.run(async () => {
      let intervals: LocalInterval[] | null = null;
      if (this.kind === 'usual') {
        if (this.overrides.has(date)) await api.deleteOverride(date, this.member || undefined);
      } else {
        intervals = this.kind === 'closed' ? [] : this.intervals;
        await api.saveOverride(date, intervals, this.member || undefined);
      }
      const next = new Map(this.overrides);
      if (intervals) next.set(date, intervals);
      else next.delete(date);
      this.overrides = next;
      emit(this, 'book-override-saved', { date, intervals });
      return `${formatDate(date, LOCALE)}: ${intervals ? (intervals.length ? 'special hours saved' : 'closed') : 'usual hours'}.`;
    });
  }
}

define('book-overrides-calendar', BookOverridesCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'book-overrides-calendar': BookOverridesCalendar;
  }
}
