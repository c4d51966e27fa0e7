import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Slot } from '../api/types.js';
import { formatDate, formatTime, formatZone } from '../i18n/format.js';
import { fill, type Messages, resolveLocale } from '../i18n/messages.js';
import { localHour } from '../lib/dates.js';
import { define, emit } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { styles } from './book-times.styles.js';

/** Parts of the day, each up to the local hour it ends at: before noon, before 17:00, and the rest. */
const parts = [
  { name: 'morning', until: 12 },
  { name: 'afternoon', until: 17 },
  { name: 'evening', until: 24 },
] as const;

const partOf = (hour: number) => parts.find((p) => hour < p.until)!.name;

const allZones = (): string[] =>
  (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

/**
 * @summary The free times of one day, shown in the customer's time zone and grouped into morning, afternoon and
 * evening, with a zone switcher. A class's times say how many places are left (a full one its `label`).
 *
 * @event book-time-select - A time was picked; `detail` is the `Slot`.
 * @event book-zone-change - The customer chose another zone; `detail` is its IANA name.
 * @csspart time - Each time button.
 * @csspart zone - The time-zone select.
 *
 * @property date - The day, `YYYY-MM-DD` in `timeZone`.
 * @property slots - That day's free slots (and a class's full ones, `placesLeft: 0` with a `label`).
 * @property selected - The start of the picked slot, if any.
 * @property timeZone - The IANA zone times are shown in.
 * @property zones - Zones to offer first (say, the browser's and the provider's).
 * @property locale - BCP 47 locale for dates and times.
 */
export class BookTimes extends LitElement {
  static override styles = [base, styles];

  @property() date = '';
  @property({ attribute: false }) slots: (Slot & { label?: string })[] = [];
  @property() selected = '';
  @property({ attribute: 'time-zone' }) timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  @property({ attribute: false }) zones: string[] = [];
  @property() locale = '';

  override render() {
    const { locale, msg } = resolveLocale(this.locale);
    const top = [...new Set([this.timeZone, ...this.zones])];
    return html`
      <div class="zone">
        <label for="tz">${msg.timeZone}</label>
        <select id="tz" part="zone" @change=${this.handleZone}>
          ${top.map((z) => html`<option value=${z} ?selected=${z === this.timeZone}>${formatZone(z, locale)}</option>`)}
          ${allZones()
            .filter((z) => !top.includes(z))
            .map((z) => html`<option value=${z}>${z.replace(/_/g, ' ')}</option>`)}
        </select>
      </div>
      <h3>${fill(msg.timesOn, { date: formatDate(this.date, locale) })}</h3>
      ${this.slots.length ? this.renderParts(locale, msg) : html`<p>${msg.emptyDay}</p>`}
    `;
  }

  private renderParts(locale: string, msg: Messages) {
    return parts.map(({ name }) => {
      const slots = this.slots.filter((s) => partOf(localHour(s.start, this.timeZone)) === name);
      if (!slots.length) return nothing;
      return html`<div class="part" role="group" aria-labelledby=${name}>
        <h4 id=${name}>${msg[name]}</h4>
        <ul>
          ${slots.map(
            (s) => html`<li>
              <button part="time" aria-pressed=${s.start === this.selected} @click=${() => emit(this, 'book-time-select', s)}>
                ${formatTime(s.start, locale, this.timeZone)}
                ${
                  s.placesLeft === undefined
                    ? nothing
                    : html`<span class="places">${
                        s.label ?? (s.placesLeft === 1 ? msg.placeLeft : fill(msg.placesLeft, { n: s.placesLeft }))
                      }</span>`
                }
              </button>
            </li>`,
          )}
        </ul>
      </div>`;
    });
  }

  private handleZone(e: Event): void {
    this.timeZone = (e.target as HTMLSelectElement).value;
    emit(this, 'book-zone-change', this.timeZone);
  }
}

define('book-times', BookTimes);

declare global {
  interface HTMLElementTagNameMap {
    'book-times': BookTimes;
  }
}
