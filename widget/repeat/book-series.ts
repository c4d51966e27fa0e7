import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { SeriesBooked } from '../api/types.js';
import { define } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { when } from './book-repeat.js';
import { status, text } from './repeat.js';

/**
 * @summary On the confirmation of a recurring series: every booked date, and the dates left out with why.
 *
 * @property result - The series the API booked.
 * @property timeZone - The customer's zone: the dates are listed in it.
 * @property locale - The widget's resolved locale.
 */
export class BookSeries extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        margin-bottom: 1rem;
      }
      h3 {
        font-size: 1em;
        margin: 0.75rem 0 0.25rem;
      }
      .not {
        color: var(--book-muted);
      }
    `,
  ];

  @property({ attribute: false }) result?: SeriesBooked;
  @property({ attribute: 'time-zone' }) timeZone = '';
  @property() locale = '';

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const t = text(this.locale);
    return html`<h3>${t.booked}</h3>
      <ul class="booked">
        ${r.bookings.map((b) => html`<li>${when(b.start, this.locale, this.timeZone)}</li>`)}
      </ul>
      ${
        r.skipped.length
          ? html`<h3>${t.skipped}</h3>
            <ul class="not">
              ${r.skipped.map((s) => html`<li>${when(s.start, this.locale, this.timeZone)} (${status(t, s.reason)})</li>`)}
            </ul>`
          : nothing
      }`;
  }
}

define('book-series', BookSeries);

declare global {
  interface HTMLElementTagNameMap {
    'book-series': BookSeries;
  }
}
