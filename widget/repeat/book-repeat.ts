import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type BookingApi } from '../api/client.js';
import type { BookingRequest, Occurrence, SeriesBooked, ServiceRepeat } from '../api/types.js';
import type { BookErrorDetail } from '../events.js';
import { formatDate, formatTime } from '../i18n/format.js';
import { fill } from '../i18n/messages.js';
import { localDate } from '../lib/dates.js';
import { define, emit } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { bookSeries, type RepeatChoice, status, text } from './repeat.js';
import { SeriesDates } from './series-dates.js';

/** The date and time of an occurrence in the customer's zone: "Thursday, 10 December 2026, 9:00 AM". */
export const when = (start: string, locale: string, timeZone: string): string =>
  `${formatDate(localDate(start, timeZone), locale)}, ${formatTime(start, locale, timeZone)}`;

/**
 * @summary "Repeat" on the details step of a service that allows recurring bookings: off by default (a single
 * booking). On, the customer picks the interval (the service's) and how many appointments; the dates are checked
 * with the server and listed in the customer's zone, each free or why not.
 *
 * @event book-repeat-change - The choice changed; `detail` is a `RepeatChoice`, or undefined when Repeat is off.
 * @event book-error - A date was taken between the check and the booking (`series_conflict`); bubbles out of the
 * widget like its own errors.
 * @csspart repeat - The control.
 *
 * @property client - The widget's API client.
 * @property repeat - The service's `repeat`: its intervals and most appointments.
 * @property provider - The provider's slug.
 * @property service - The service's id.
 * @property start - The picked time (occurrence 0), an ISO-8601 instant.
 * @property member - The member chosen in the widget (`any`, a slug, or empty: a server before teams).
 * @property timeZone - The customer's zone: the dates are listed in it.
 * @property locale - The widget's resolved locale.
 * @property resume - The choice made for an earlier time of the service: Repeat starts on with it.
 */
export class BookRepeat extends LitElement {
  static override styles = [
    base,
    css`
      [part='repeat'] {
        display: grid;
        gap: 0.6rem;
        padding: 0.75rem;
        border: 1px solid var(--book-border);
        border-radius: var(--book-radius);
      }
      .choose {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      select {
        display: block;
        margin-top: 0.25rem;
        padding: 0.4em 0.6em;
        border: 1px solid var(--book-border);
        border-radius: var(--book-radius);
        background: var(--book-bg);
      }
      li {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        padding: 0.2rem 0;
      }
      .not {
        color: var(--book-muted);
        text-decoration: line-through;
      }
      .alert {
        color: var(--book-danger);
      }
      p {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) client?: BookingApi;
  @property({ attribute: false }) repeat?: ServiceRepeat;
  @property() provider = '';
  @property({ type: Number }) service = 0;
  @property() start = '';
  @property() member = '';
  @property({ attribute: 'time-zone' }) timeZone = '';
  @property() locale = '';
  /** The choice made for an earlier time (the customer went back for another): Repeat starts on with it. */
  @property({ attribute: false }) resume?: { everyWeeks: number; count: number } | undefined;

  @state() private on = false;
  @state() private everyWeeks = 0;
  @state() private count = 0;
  /** A date was taken between the check and the booking: the list is the server's answer since. */
  @state() private conflict = false;
  /** While the series is being booked: the choice it was asked with stays as it is. */
  @state() private busy = false;

  private series = new SeriesDates(this, () => this.client!);
  /** The choice last told to the widget (JSON), so it hears each change once. */
  private told = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('resume') && this.resume) {
      ({ everyWeeks: this.everyWeeks, count: this.count } = this.resume);
      this.on = true;
    }
    const r = this.repeat;
    if (r && !r.everyWeeks.includes(this.everyWeeks)) this.everyWeeks = r.everyWeeks[0]!;
    if (r) this.count = Math.min(Math.max(this.count || 4, 2), r.maxCount);
    const asked = ['on', 'everyWeeks', 'count', 'provider', 'service', 'start', 'member', 'timeZone'];
    if (this.on && asked.some((k) => changed.has(k))) this.check();
  }

  override updated(): void {
    const choice = this.choice();
    const told = JSON.stringify(choice) ?? '';
    if (told === this.told) return;
    this.told = told;
    emit(this, 'book-repeat-change', choice);
  }

  override render() {
    const r = this.repeat;
    if (!r) return nothing;
    const t = text(this.locale);
    const counts = Array.from({ length: r.maxCount - 1 }, (_, i) => i + 2);
    return html`<div part="repeat" role="group" aria-label=${t.repeat}>
      <label><input type="checkbox" .checked=${this.on} ?disabled=${this.busy} @change=${this.handleToggle} /> ${t.repeat}</label>
      ${
        this.on
          ? html`<div class="choose">
              <label>${t.every}
                <select id="every" ?disabled=${this.busy} @change=${this.handleEvery}>
                  ${r.everyWeeks.map(
                    (n) =>
                      html`<option value=${n} ?selected=${n === this.everyWeeks}>
                        ${n === 1 ? t.weekly : fill(t.weeks, { n })}
                      </option>`,
                  )}
                </select>
              </label>
              <label>${t.count}
                <select id="count" ?disabled=${this.busy} @change=${this.handleCount}>
                  ${counts.map((n) => html`<option value=${n} ?selected=${n === this.count}>${n}</option>`)}
                </select>
              </label>
            </div>
            ${this.renderDates()}`
          : nothing
      }
    </div>`;
  }

  private renderDates() {
    const t = text(this.locale);
    const { dates, failed } = this.series;
    const alert = this.conflict ? t.conflict : failed ? t.failed : '';
    const free = dates?.filter((o) => o.free).length ?? 0;
    const summary = !dates ? t.checking : free ? fill(t.someFree, { n: free, total: dates.length }) : t.noneFree;
    return html`<p class="alert" role="alert">${alert}</p>
      ${failed ? html`<button class="link" @click=${this.check}>${t.retry}</button>` : nothing}
      ${
        dates
          ? html`<ul>
              ${dates.map(
                (o) => html`<li class=${o.free ? 'free' : 'not'}>
                  <span>${when(o.start, this.locale, this.timeZone)}</span> <span>${status(t, o.reason)}</span>
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${failed ? nothing : html`<p role="status">${summary}</p>`}`;
  }

  /** What the widget's confirm button does now; undefined while Repeat is off (a single booking). */
  private choice(): RepeatChoice | undefined {
    if (!this.on) return undefined;
    const t = text(this.locale);
    const { dates } = this.series;
    const free = dates?.filter((o) => o.free).length ?? 0;
    const some = free < (dates?.length ?? 0);
    return {
      everyWeeks: this.everyWeeks,
      count: this.count,
      blocked: !free,
      ...(free && some && { label: free === 1 ? t.bookOne : fill(t.bookFree, { n: free }) }),
    };
  }

  /**
   * Books the series for the widget's booking `request`: every date (`all`) when all are free, else the free ones
   * (`available`). A date taken meanwhile (409 `series_conflict`): the list shows the server's answer, the widget's
   * page hears `book-error`, and nothing is booked (undefined).
   */
  async book(request: BookingRequest, idempotencyKey: string): Promise<SeriesBooked | undefined> {
    const { everyWeeks, count } = this;
    const mode = this.series.dates?.every((o) => o.free) ? 'all' : 'available';
    this.conflict = false;
    this.busy = true;
    try {
      return await bookSeries(this.client!, { ...request, everyWeeks, count, mode }, idempotencyKey);
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'series_conflict') throw e;
      this.series.set((e.body as { occurrences: Occurrence[] }).occurrences);
      this.conflict = true;
      const detail: BookErrorDetail = { code: e.code, status: e.status, message: e.message };
      this.dispatchEvent(new CustomEvent('book-error', { detail, bubbles: true, composed: true }));
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Checks the dates of the current choice (again). */
  private check(): void {
    const { provider, service, start, everyWeeks, count, timeZone } = this;
    const staff = this.member;
    this.conflict = false;
    void this.series.check({ provider, service, start, everyWeeks, count, timeZone, ...(staff && { staff }) });
  }

  private handleToggle(e: Event): void {
    this.on = (e.target as HTMLInputElement).checked;
    if (!this.on) this.series.stop();
  }

  private handleEvery(e: Event): void {
    this.everyWeeks = Number((e.target as HTMLSelectElement).value);
  }

  private handleCount(e: Event): void {
    this.count = Number((e.target as HTMLSelectElement).value);
  }
}

define('book-repeat', BookRepeat);

declare global {
  interface HTMLElementTagNameMap {
    'book-repeat': BookRepeat;
  }
}
