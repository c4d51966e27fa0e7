import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BookingApi } from '../../../widget/api/client.js';
import type { Slot, StaffRef } from '../../../widget/api/types.js';
import '../../../widget/book-calendar/book-calendar.js';
import '../../../widget/book-times/book-times.js';
import { addMonths, groupByDay, localDate, monthRange } from '../../../widget/lib/dates.js';
import { define } from '../../../widget/lib/define.js';
import { hasColleagues } from '../../lib/colleagues.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { formatSpan, LOCALE } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';

/** A new time; `staff: 'any'` when the person chose to see other team members' times too. */
export type RescheduleChoice = Slot & { staff?: 'any' };

/**
 * @summary Picks a new time for an existing appointment with the widget's own calendar and time list, over the
 * same public slots API, then asks for confirmation. For a team, the times are the serving member's, with an option
 * to show the other members' (who perform the service) as well.
 *
 * @event book-reschedule-confirm - The person confirmed a new time; `detail` is a `RescheduleChoice`.
 * @event book-reschedule-cancel - They closed the picker.
 * @csspart calendar - The month calendar.
 *
 * @property provider - The provider's slug.
 * @property service - The service id (its duration decides the slots).
 * @property booked - The appointment's current start (ISO instant): the calendar opens on its month, the day marked.
 * @property timeZone - The zone times are shown in (the customer's, or the provider's in the admin).
 * @property busy - Set while the move is being saved.
 * @property staff - The member who serves the appointment (the booking's `staff`); absent before teams.
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
      .others {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.5rem;
      }
    `,
  ];

  @property() provider = '';
  @property({ type: Number }) service = 0;
  @property() booked = '';
  @property({ attribute: 'time-zone' }) timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  @property({ type: Boolean }) busy = false;
  @property({ attribute: false }) staff?: StaffRef | null | undefined;

  @state() private month = '';
  @state() private days = new Map<string, Slot[]>();
  @state() private date = '';
  @state() private picked?: Slot | undefined;
  @state() private loading = true;
  @state() private problem = '';
  /** Someone else performs the service too: the "other team members" option is worth showing. */
  @state() private colleagues = false;
  @state() private others = false;
  private client = new BookingApi(location.origin);

  override connectedCallback(): void {
    super.connectedCallback();
    // Moving a booking starts from where it is: its day is chosen, so that day's other times show at once.
    const today = localDate(Date.now(), this.timeZone);
    const day = this.booked ? localDate(this.booked, this.timeZone) : '';
    if (day >= today) this.date = day;
    void this.show((this.date || today).slice(0, 7));
    if (this.staff) void this.findColleagues(this.staff.slug);
  }

  override render() {
    const today = localDate(Date.now(), this.timeZone);
    return html`<h3>Choose a new time${this.staff && !this.others ? ` with ${this.staff.name}` : ''}</h3>
      <p class="notice bad" role="alert">${this.problem}</p>
      ${
        this.colleagues
          ? html`<label class="others"><input type="checkbox" .checked=${this.others} @change=${this.handleOthers} />
            Show times with other team members</label>`
          : nothing
      }
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
              @click=${this.confirm}>Move to ${formatSpan(this.picked.start, this.picked.end, this.timeZone)}</button>`
            : nothing
        }
        <button type="button" @click=${() => emit(this, 'book-reschedule-cancel')}>Keep the current time</button>
      </div>`;
  }

  private async findColleagues(slug: string): Promise<void> {
    this.colleagues = await hasColleagues(this.client, this.provider, this.service, slug);
  }

  private handleOthers(e: Event): void {
    this.others = (e.target as HTMLInputElement).checked;
    this.picked = undefined;
    void this.show(this.month);
  }

  private confirm = (): void => {
    const choice: RescheduleChoice = { ...this.picked!, ...(this.others && { staff: 'any' as const }) };
    emit(this, 'book-reschedule-confirm', choice);
  };

  /** The member's own times, or everyone's who performs the service ("other team members"). */
  private staffParam(): string | undefined {
    if (!this.staff) return undefined;
    return this.others ? 'any' : this.staff.slug;
  }

  /** What the shown times depend on: an answer for anything else has been overtaken. */
  private shown(): string {
    return `${this.month}|${this.staffParam()}`;
  }

  private async show(month: string): Promise<void> {
    this.month = month;
    this.loading = true;
    this.problem = '';
    const asked = this.shown();
    try {
      const { from, to } = monthRange(month);
      const { slots } = await this.client.slots(this.provider, this.service, from, to, this.timeZone, {
        staff: this.staffParam(),
      });
      if (asked !== this.shown()) return;
      this.days = groupByDay(slots, this.timeZone);
    } catch (e) {
      this.problem = errorText(e);
    } finally {
      if (asked === this.shown()) this.loading = false;
    }
  }
}

define('book-reschedule', BookReschedule);

declare global {
  interface HTMLElementTagNameMap {
    'book-reschedule': BookReschedule;
  }
}
