import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Customer } from '../api/types.js';
import { type Messages, resolveLocale } from '../i18n/messages.js';
import { define, emit } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { styles } from './book-details.styles.js';

/** The form's values; also the `detail` of `book-details-submit`. */
export interface Details {
  customer: Customer;
  note?: string;
}

type Field = 'name' | 'email' | 'phone' | 'note';
const fields: Field[] = ['name', 'email', 'phone', 'note'];
/** The API's limits, so the browser stops typing where the server would refuse. */
const maxLength = { name: 100, email: 254, phone: 40, note: 1000 };

const check = (field: Field, value: string): keyof Messages | '' => {
  if (field === 'name') return value ? '' : 'needName';
  if (field === 'email') return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? '' : 'needEmail';
  if (field === 'phone') return !value || /^\+?[\d\s()./-]{5,30}$/.test(value) ? '' : 'badPhone';
  return '';
};

/**
 * @summary The customer's name, email, optional phone and note, validated inline (on leaving a field and on
 * submit) and with the server's field errors shown next to their fields.
 *
 * @event book-details-submit - The form is valid and was submitted; `detail` is the `Details`.
 * @csspart form - The form.
 * @csspart confirm - The submit button.
 * @slot - Shown right above the submit button (the widget puts the business's policy there).
 *
 * @property errors - Server field errors keyed by API path (`customer.email`, `note`, …).
 * @property values - The form's values (`name`, `email`, `phone`, `note`), to prefill or read.
 * @property busy - Set while the booking request is running; the button says so and ignores clicks.
 * @property locale - BCP 47 locale for the labels.
 * @property label - The submit button's text instead of "Confirm booking" (joining a full class's waitlist, booking
 * the free dates of a series).
 * @property blocked - Nothing can be booked (no date of a series is free): the button is disabled.
 */
export class BookDetails extends LitElement {
  static override styles = [base, styles];

  @property({ attribute: false }) errors: Record<string, string> = {};
  @property({ type: Boolean }) busy = false;
  @property() locale = '';
  @property({ attribute: false }) label?: string | undefined;
  @property({ type: Boolean }) blocked = false;

  /** The form's current values; set it to prefill the form. */
  @property({ attribute: false }) values: Record<Field, string> = { name: '', email: '', phone: '', note: '' };
  @state() private problems: Partial<Record<Field, string>> = {};

  /** The entered details, trimmed; empty optional fields are left out. */
  get details(): Details {
    const { name, email, phone, note } = this.values;
    return { customer: { name, email, ...(phone ? { phone } : {}) }, ...(note ? { note } : {}) };
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('errors')) {
      const problems: Partial<Record<Field, string>> = {};
      for (const [path, text] of Object.entries(this.errors)) {
        const field = path.replace('customer.', '') as Field;
        if (fields.includes(field)) problems[field] = text;
      }
      this.problems = problems;
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('errors')) this.focusFirstProblem();
  }

  override render() {
    const { msg } = resolveLocale(this.locale);
    const input = (field: Field, type: string, autocomplete: string) => html`
      <div>
        <label for=${field}>${msg[field]}</label>
        ${
          field === 'note'
            ? html`<textarea id="note" maxlength=${maxLength.note} .value=${this.values.note} @input=${this.handleInput}></textarea>`
            : html`<input
              id=${field}
              type=${type}
              autocomplete=${autocomplete}
              ?required=${field !== 'phone'}
              maxlength=${maxLength[field]}
              .value=${this.values[field]}
              aria-invalid=${!!this.problems[field]}
              aria-describedby=${this.problems[field] ? `${field}-error` : nothing}
              @input=${this.handleInput}
              @change=${this.handleChange}
            />`
        }
        ${this.problems[field] ? html`<p class="error" id=${`${field}-error`}>${this.problems[field]}</p>` : nothing}
      </div>
    `;
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      ${input('name', 'text', 'name')} ${input('email', 'email', 'email')} ${input('phone', 'tel', 'tel')}
      ${input('note', '', '')}
      <slot></slot>
      <div class="actions">
        <button class="primary" part="confirm" aria-disabled=${this.busy || this.blocked}>${this.busy ? msg.booking : this.label || msg.confirm}</button>
      </div>
    </form>`;
  }

  private handleInput(e: Event): void {
    const el = e.target as HTMLInputElement;
    this.values = { ...this.values, [el.id]: el.value };
    // Clear an error as soon as the value is fixed, but only raise new ones on change or submit.
    if (this.problems[el.id as Field] && !check(el.id as Field, el.value.trim())) this.validate(el.id as Field);
  }

  private handleChange(e: Event): void {
    this.validate((e.target as HTMLElement).id as Field);
  }

  private validate(field: Field): boolean {
    const { msg } = resolveLocale(this.locale);
    this.values = { ...this.values, [field]: this.values[field].trim() };
    const problem = check(field, this.values[field]);
    this.problems = { ...this.problems, [field]: problem ? msg[problem] : undefined };
    return !problem;
  }

  private async handleSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy || this.blocked) return;
    const ok = fields.map((f) => this.validate(f)).every(Boolean);
    if (ok) emit(this, 'book-details-submit', this.details);
    else {
      await this.updateComplete;
      this.focusFirstProblem();
    }
  }

  private focusFirstProblem(): void {
    const first = fields.find((f) => this.problems[f]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
  }
}

define('book-details', BookDetails);

declare global {
  interface HTMLElementTagNameMap {
    'book-details': BookDetails;
  }
}
