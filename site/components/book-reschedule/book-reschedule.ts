import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BookingApi } from '../../../widget/api/client.js';
import type { Slot } from '../../../widget/api/types.js';
import '../../../widget/book-calendar/book-calendar.js';
import '../../../widget/book-times/book-times.js';
import { addMonths, groupByDay, localDate, monthRange } from '../../../widget/lib/dates.js';
import { define } from '../../../widget/lib/define.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { formatSpan, LOCALE } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary Picks a new time for an existing appointment with the widget's own calendar and time list, over the
 * same public slots API, then asks for confirmation.
 *
 * @event book-reschedule-confirm - The person confirmed a new time; `detail` is the `Slot`.
 * @event book-reschedule-cancel - They closed the picker.
 * @csspart calendar - The month calendar.
 *
 * @property provider - The provider's slug.
 * @property service - The service id (its duration decides the slots).
 * @property booked - The appointment's current start (ISO instant): the calendar opens on its month, the day marked.
 * @property timeZone - The zone times are shown in (the customer's, or the provider's in the admin).
 * @property busy - Set while the move is being saved.
 */
export class BookReschedule extends LitElement {
  static override styles = [
    siteBase,
    css`
      :host {
        border: 1px solid var(--book-surface);
        border-radius: var(--book-radius);
        padding: 0.75rem;
        margin-top: 0.75rem;
      }
      .actions {
        margin-top: 0.75rem;
      }
    `,
  ];

  @property() provider = '';
  @property({ type: Number }) service = 0;
  @property() booked = '';
  @property({ attribute: 'time-zone' }) timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  @property({ type: Boolean }) busy = false;

  @state() private month = '';
  @state() private days = new Map<string, Slot[]>();
  @state() private date = '';
  @state() private picked?: Slot | undefined;
  @state() private loading = true;
  @state() private problem = '';
  private client = new BookingApi(location.origin);

  override connectedCallback(): void {
    super.connectedCallback();
    // Moving a booking starts from where it is: its day is chosen, so that day's other times show at once.
    const today = localDate(Date.now(), this.timeZone);
    const day = this.booked ? localDate(this.booked, this.timeZone) : '';
    if (day >= today) this.date = day;
    void this.show((this.date || today).slice(0, 7));
  }

  override render() {
    const today = localDate(Date.now(), this.timeZone);
    return html`<h3>Choose a new time</h3>
      <p class="notice bad" role="alert">${this.problem}</p>
      <book-calendar part="calendar" month=${this.month} .available=${[...this.days.keys()]} selected=${this.date} today=${today}
        marked=${this.booked ? localDate(this.booked, this.timeZone) : ''}
        last=${addMonths(today.slice(0, 7), 12)} ?loading=${this.loading} locale=${LOCALE}
        @book-month-change=${(e: CustomEvent<string>) => this.show(e.detail)}
        @book-day-select=${(e: CustomEvent<string>) => {
          this.date = e.detail;
          this.picked = undefined;
        }}></book-calendar>
      ${!this.loading && this.days.size === 0 ? html`<p class="muted">No free times this month.</p>` : nothing}
      ${
        this.date
          ? html`<book-times date=${this.date} .slots=${this.days.get(this.date) ?? []} selected=${this.picked?.start ?? ''}
            time-zone=${this.timeZone} locale=${LOCALE} .zones=${[this.timeZone]}
            @book-zone-change=${(e: CustomEvent<string>) => {
              this.timeZone = e.detail;
              void this.show(this.month);
            }}
            @book-time-select=${(e: CustomEvent<Slot>) => (this.picked = e.detail)}></book-times>`
          : nothing
      }
      <div class="actions row">
        ${
          this.picked
            ? html`<button class="primary" type="button" ?disabled=${this.busy}
              @click=${() => emit(this, 'book-reschedule-confirm', this.picked)}>Move to ${formatSpan(this.picked.start, this.picked.end, this.timeZone)}</button>`
            : nothing
        }
        <button type="button" @click=${() => emit(this, 'book-reschedule-cancel')}>Keep the current time</button>
      </div>`;
  }

  private async show(month: string): Promise<void> {
    this.month = month;
    this.loading = true;
    this.problem = '';
    try {
      const { from, to } = monthRange(month);
      const { slots } = await this.client.slots(this.provider, this.service, from, to, this.timeZone);
      if (month !== this.month) return;
      this.days = groupByDay(slots, this.timeZone);
    } catch (e) {
      this.problem = errorText(e);
    } finally {
      if (month === this.month) this.loading = false;
    }
  }
}

define('book-reschedule', BookReschedule);

declare global {
  interface HTMLElementTagNameMap {
    'book-reschedule': BookReschedule;
  }
}
