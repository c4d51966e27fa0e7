import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { AdminMember, ServiceInput, ServiceRepeat } from '../../api/types.js';
import { everyWeeksPhrase } from '../../lib/series.js';
import { fieldsets, siteBase } from '../../styles/components.js';

export const defaultService = (): ServiceInput => ({
  name: '',
  description: '',
  durationMinutes: 60,
  price: { amountMinor: 5000, currency: 'EUR' },
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  active: true,
  seats: 1,
});

const CURRENCIES = ['EUR', 'USD', 'GBP', 'AUD', 'CHF', 'CAD', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK', 'JPY', 'NZD'];
const DURATIONS = [15, 20, 30, 45, 60, 75, 90, 120, 150, 180, 240];
/** The intervals offered as checkboxes; one the API set beyond them (it allows up to 8) is listed too. */
const EVERY_WEEKS = [1, 2, 3, 4];
/** A new repeating setting: up to 8 dates, weekly. */
const DEFAULT_REPEAT: ServiceRepeat = { maxCount: 8, everyWeeks: [1] };

/**
 * @summary One service: name, duration, price, buffers, places (one-to-one or a class), who performs it, whether
 * customers may book it as a repeating series (a one-to-one service only), description and whether it can be booked.
 *
 * @event book-service-submit - Valid form submitted; `detail` is the `ServiceInput`.
 * @event book-service-cancel - The person closed the form without saving.
 * @csspart form - The form.
 *
 * @property service - The service to edit (a new one when empty).
 * @property errors - Field errors from the server, keyed like `price.amountMinor` (`repeat`: shown on the series setting).
 * @property busy - Disables the buttons while saving.
 * @property submitLabel - The submit button's text.
 * @property cancellable - Shows a Cancel button.
 * @property compact - Leaves out buffers, places, members, repeating and the active switch (the onboarding's first service).
 * @property members - The team: with more than one, the members who perform it are chosen (all, for a new one).
 */
export class BookServiceForm extends LitElement {
  static override styles = [siteBase, fieldsets];

  @property({ attribute: false }) service: ServiceInput = defaultService();
  @property({ attribute: false }) errors: Record<string, string> = {};
  @property({ type: Boolean }) busy = false;
  @property({ attribute: 'submit-label' }) submitLabel = 'Save service';
  @property({ type: Boolean }) cancellable = false;
  @property({ type: Boolean }) compact = false;
  @property({ attribute: false }) members: Pick<AdminMember, 'id' | 'name'>[] = [];

  @state() private draft: ServiceInput = defaultService();
  @state() private priceText = '50.00';
  @state() private seatsText = '1';
  @state() private repeatOn = false;
  @state() private repeatMaxText = String(DEFAULT_REPEAT.maxCount);
  @state() private repeatWeeks: number[] = DEFAULT_REPEAT.everyWeeks;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('service')) {
      this.draft = structuredClone(this.service);
      this.priceText = (this.service.price.amountMinor / 100).toFixed(2);
      this.seatsText = String(this.service.seats ?? 1);
      const repeat = this.service.repeat ?? DEFAULT_REPEAT;
      this.repeatOn = Boolean(this.service.repeat);
      this.repeatMaxText = String(repeat.maxCount);
      this.repeatWeeks = [...repeat.everyWeeks];
    }
    // A new service is everyone's until someone is unticked.
    if (!this.draft.memberIds && this.members.length > 1) this.draft.memberIds = this.members.map((m) => m.id);
  }

  override render() {
    const d = this.draft;
    const durations = [...new Set([...DURATIONS, d.durationMinutes])].sort((a, b) => a - b);
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      <div class="field">
        <label for="name">Service name</label>
        <input id="name" .value=${d.name} required maxlength="100" aria-invalid=${Boolean(this.errors.name)}
          aria-describedby=${this.errors.name ? 'name-error' : nothing} @input=${(e: Event) => this.set({ name: this.val(e) })} />
        ${this.error('name')}
      </div>
      <div class="grid2">
        <div class="field">
          <label for="duration">Duration</label>
          <select id="duration" @change=${(e: Event) => this.set({ durationMinutes: Number(this.val(e)) })}>
            ${durations.map((m) => html`<option value=${m} ?selected=${m === d.durationMinutes}>${m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="price">Price</label>
          <div class="row">
            <input id="price" inputmode="decimal" .value=${this.priceText} aria-invalid=${Boolean(this.errors['price.amountMinor'])}
              aria-describedby=${this.errors['price.amountMinor'] ? 'price.amountMinor-error' : nothing}
              @input=${(e: Event) => (this.priceText = this.val(e))} />
            <select aria-label="Currency" @change=${(e: Event) => this.set({ price: { ...this.draft.price, currency: this.val(e) } })}>
              ${[...new Set([d.price.currency, ...CURRENCIES])].map((c) => html`<option ?selected=${c === d.price.currency}>${c}</option>`)}
            </select>
          </div>
          ${this.error('price.amountMinor')}
        </div>
      </div>
      ${
        this.compact
          ? nothing
          : html`<div class="grid2">
              ${this.minutes('bufferBeforeMinutes', 'Buffer before (minutes)')} ${this.minutes('bufferAfterMinutes', 'Buffer after (minutes)')}
            </div>
            ${this.renderSeats()} ${this.renderRepeat()} ${this.renderMembers()}
            <label class="check"><input type="checkbox" .checked=${d.active} @change=${(e: Event) => this.set({ active: (e.target as HTMLInputElement).checked })} />
              Customers can book this service</label>`
      }
      <div class="field">
        <label for="description">Description <span class="hint">(optional)</span></label>
        <textarea id="description" maxlength="2000" .value=${d.description} @input=${(e: Event) => this.set({ description: this.val(e) })}></textarea>
      </div>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
        ${
          this.cancellable
            ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('book-service-cancel', { bubbles: true, composed: true }))}>Cancel</button>`
            : nothing
        }
      </div>
    </form>`;
  }

  private renderSeats() {
    return html`<div class="field">
      <label for="seats">Places per time</label>
      <input id="seats" type="number" min="1" max="500" step="1" inputmode="numeric" .value=${this.seatsText}
        aria-invalid=${Boolean(this.errors.seats)} aria-describedby=${this.errors.seats ? 'seats-error seats-hint' : 'seats-hint'}
        @input=${(e: Event) => (this.seatsText = this.val(e))} />
      <span class="hint" id="seats-hint">1 is one customer at a time; more makes it a class, such as 12 places in a yoga class.</span>
      ${this.error('seats')}
    </div>`;
  }

  /** A class cannot repeat (the server refuses it): the switch is off and says why, rather than vanishing. */
  private renderRepeat() {
    const isClass = this.isClass();
    const on = this.repeatOn && !isClass;
    const weeks = [...new Set([...EVERY_WEEKS, ...this.repeatWeeks])].sort((a, b) => a - b);
    const weeksInvalid = Boolean(this.errors['repeat.everyWeeks']);
    // A plain field around the switch: the intervals are the only group of choices here, so only they get a fieldset.
    return html`<div class="field repeat">
      <label class="check"><input id="repeat" type="checkbox" .checked=${on} ?disabled=${isClass}
        aria-invalid=${Boolean(this.errors.repeat)} aria-describedby=${this.errors.repeat ? 'repeat-error repeat-hint' : 'repeat-hint'}
        @change=${(e: Event) => (this.repeatOn = (e.target as HTMLInputElement).checked)} />
        Customers may book this as a repeating series</label>
      <span class="hint" id="repeat-hint">${
        isClass
          ? 'Only a one-to-one service (1 place) can repeat: a class is booked one time at a time.'
          : 'The customer picks how often and how many times; every date is booked at once.'
      }</span>
      ${this.error('repeat')}
      ${
        on
          ? html`<div class="field">
              <label for="repeat-max">Most appointments in a series</label>
              <input id="repeat-max" type="number" min="2" max="52" step="1" inputmode="numeric" .value=${this.repeatMaxText}
                aria-invalid=${Boolean(this.errors['repeat.maxCount'])} aria-describedby=${this.errors['repeat.maxCount'] ? 'repeat.maxCount-error' : nothing}
                @input=${(e: Event) => (this.repeatMaxText = this.val(e))} />
              ${this.error('repeat.maxCount')}
            </div>
            <fieldset class="every">
              <legend>How often customers may choose</legend>
              ${weeks.map((w) => this.renderInterval(w, weeksInvalid))}
              ${this.error('repeat.everyWeeks')}
            </fieldset>`
          : nothing
      }
    </div>`;
  }

  private renderInterval(weeks: number, invalid: boolean) {
    return html`<label class="check"><input type="checkbox" name="every-weeks" value=${weeks} .checked=${this.repeatWeeks.includes(weeks)}
      aria-invalid=${invalid} aria-describedby=${invalid ? 'repeat.everyWeeks-error' : nothing}
      @change=${(e: Event) => this.toggleWeeks(weeks, (e.target as HTMLInputElement).checked)} />
      ${everyWeeksPhrase(weeks).replace(/^e/, 'E')}</label>`;
  }

  private isClass(): boolean {
    return Number(this.seatsText) > 1;
  }

  private toggleWeeks(weeks: number, checked: boolean): void {
    const rest = this.repeatWeeks.filter((w) => w !== weeks);
    this.repeatWeeks = checked ? [...rest, weeks].sort((a, b) => a - b) : rest;
  }

  /** The series setting to send (null when off or for a class), adding to `errors` what does not add up. */
  private repeatValue(errors: Record<string, string>): ServiceRepeat | null {
    if (!this.repeatOn || this.isClass()) return null;
    const maxCount = Number(this.repeatMaxText);
    if (!(Number.isInteger(maxCount) && maxCount >= 2 && maxCount <= 52))
      errors['repeat.maxCount'] = 'Enter a number of appointments from 2 to 52.';
    if (!this.repeatWeeks.length) errors['repeat.everyWeeks'] = 'Choose at least one interval.';
    return { maxCount, everyWeeks: this.repeatWeeks };
  }

  private renderMembers() {
    if (this.members.length < 2) return nothing;
    const chosen = this.draft.memberIds ?? [];
    return html`<fieldset>
      <legend>Who performs it</legend>
      ${this.members.map(
        (m) => html`<label class="check"><input type="checkbox" value=${m.id} .checked=${chosen.includes(m.id)}
          @change=${(e: Event) => this.set({ memberIds: (e.target as HTMLInputElement).checked ? [...chosen, m.id] : chosen.filter((id) => id !== m.id) })} />
          ${m.name}</label>`,
      )}
      ${this.error('memberIds')}
    </fieldset>`;
  }

  private minutes(key: 'bufferBeforeMinutes' | 'bufferAfterMinutes', label: string) {
    return html`<div class="field">
      <label for=${key}>${label}</label>
      <input id=${key} type="number" min="0" max="240" step="5" inputmode="numeric" .value=${String(this.draft[key])}
        aria-describedby="${key}-hint" @input=${(e: Event) => this.set({ [key]: Number(this.val(e)) || 0 })} />
      <span class="hint" id="${key}-hint">Kept free ${key === 'bufferBeforeMinutes' ? 'before' : 'after'} each appointment.</span>
    </div>`;
  }

  private error(name: string) {
    return this.errors[name] ? html`<p class="error" id="${name}-error">${this.errors[name]}</p>` : nothing;
  }

  private val(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }

  private set(patch: Partial<ServiceInput>): void {
    this.draft = { ...this.draft, ...patch };
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const amount = Math.round(Number(this.priceText.replace(',', '.')) * 100);
    const errors: Record<string, string> = {};
    if (!this.draft.name.trim()) errors.name = 'Give the service a name.';
    if (!Number.isFinite(amount) || amount < 0) errors['price.amountMinor'] = 'Enter a price such as 45 or 45.50.';
    const seats = Number(this.seatsText);
    if (!this.compact && !(Number.isInteger(seats) && seats >= 1 && seats <= 500))
      errors.seats = 'Enter a number of places from 1 to 500.';
    const repeat = this.compact ? null : this.repeatValue(errors);
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const detail: ServiceInput = {
      ...this.draft,
      name: this.draft.name.trim(),
      price: { ...this.draft.price, amountMinor: amount },
      ...(!this.compact && { seats, repeat }),
    };
    if (this.members.length < 2) delete detail.memberIds;
    this.dispatchEvent(new CustomEvent('book-service-submit', { detail, bubbles: true, composed: true }));
  }
}

define('book-service-form', BookServiceForm);

declare global {
  interface HTMLElementTagNameMap {
    'book-service-form': BookServiceForm;
  }
}
