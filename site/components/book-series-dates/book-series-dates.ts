import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { SeriesOccurrence } from '../../api/types.js';
import { formatSpan } from '../../lib/format.js';
import { occurrenceStatus } from '../../lib/series.js';
import { siteBase } from '../../styles/components.js';

/** The manage page of a booking, as the server renders it (`/manage/:id?token=`); no token for a signed-in customer. */
export const manageHref = (id: number, token: string | undefined): string =>
  `/manage/${id}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

/**
 * @summary Every date of a recurring series on the customer's manage page: when, and confirmed / cancelled / done,
 * the date on show marked and the others linking to their own manage page (one token opens every occurrence).
 *
 * @csspart list - The list of dates.
 * @csspart date - Each date.
 * @csspart current - The date this page shows.
 *
 * @property occurrences - The series' booked dates in series order (`GET /api/bookings/:id/series`).
 * @property current - The id of the booking this page shows.
 * @property token - The manage token of the page's link, passed on to the other dates' links.
 * @property timeZone - (`time-zone`) The zone the dates are shown in: the page's.
 */
export class BookSeriesDates extends LitElement {
  static override styles = [
    siteBase,
    css`
      ol {
        margin: 0;
        padding-left: 1.75rem;
      }
      li {
        padding: 0.35rem 0;
      }
      li::marker {
        color: var(--book-muted);
      }
      /* The date, then its status and mark; on a phone the badge wraps below a long date rather than squeeze it. */
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.5rem;
      }
      [aria-current] .when {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) occurrences: SeriesOccurrence[] = [];
  @property({ type: Number }) current = 0;
  @property() token?: string;
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';

  override render() {
    const now = Date.now();
    return html`<ol part="list">
      ${this.occurrences.map((o) => {
        const status = occurrenceStatus(o, now);
        const when = formatSpan(o.start, o.end, this.timeZone);
        const isCurrent = o.id === this.current;
        // `value` keeps the number the customer knows ("Appointment 3 of 8") when a skipped date is missing.
        return html`<li value=${o.index + 1} part=${isCurrent ? 'date current' : 'date'}
          aria-current=${isCurrent ? 'true' : nothing} data-id=${o.id}>
          <span class="row">
            ${isCurrent ? html`<span class="when">${when}</span>` : html`<a class="when" href=${manageHref(o.id, this.token)}>${when}</a>`}
            <span class="badge ${status.tone}">${status.label}</span>
            ${isCurrent ? html`<span class="hint">(this page)</span>` : nothing}
          </span>
        </li>`;
      })}
    </ol>`;
  }
}

define('book-series-dates', BookSeriesDates);

declare global {
  interface HTMLElementTagNameMap {
    'book-series-dates': BookSeriesDates;
  }
}
