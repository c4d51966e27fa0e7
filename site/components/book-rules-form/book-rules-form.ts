import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Policy } from '../../../widget/api/types.js';
import { define } from '../../../widget/lib/define.js';
import type { BookingRules } from '../../api/types.js';
import { everyPhrase, splitMinutes, toMinutes } from '../../lib/durations.js';
import { siteBase } from '../../styles/components.js';

/** What the form submits: the booking rules (in minutes and days, as the API keeps them) and the policy. */
export interface RulesInput {
  bookingRules: BookingRules;
  policy: Policy;
}

type TimeUnit = 'hours' | 'days';

/** The offered start-time grids, in minutes; a saved value outside the list is offered too. */
const STEPS = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240];
const POLICY_TEXT_MAX = 500;
const MAX_NOTICE_DAYS = 30;
const MAX_CUTOFF_HOURS = 24 * 30;

export const defaultRules = (): RulesInput => ({
  bookingRules: { minNoticeMinutes: 60, maxDaysAhead: 60, slotStepMinutes: 30 },
  policy: { cutoffHours: 24, text: '' },
});

/**
 * @summary How customers may book and cancel, in the owner's words: minimum notice in hours or days, how many
 * days ahead, the start-time grid, the cancellation cut-off and a short policy text. The API keeps minutes; this
 * form converts.
 *
 * @event book-rules-submit - Valid form submitted; `detail` is the `RulesInput`.
 * @csspart form - The form.
 *
 * @property value - The rules and policy to edit.
 * @property errors - Field errors from the server, keyed like `bookingRules.maxDaysAhead` or `policy.text`.
 * @property busy - Disables the submit button while saving.
 * @property submitLabel - (`submit-label`) The submit button's text.
 */
export class BookRulesForm extends LitElement {
  static override styles = [
    siteBase,
    css`
      .amount {
        max-width: 7rem;
      }
      .unit {
        width: auto;
      }
    `,
  ];

  @property({ attribute: false }) value: RulesInput = defaultRules();
  @property({ attribute: false }) errors: Record<string, string> = {};
  @property({ type: Boolean }) busy = false;
  @property({ attribute: 'submit-label' }) submitLabel = 'Save booking rules';

  @state() private notice = { amount: 1, unit: 'hours' as TimeUnit };
  @state() private cutoff = { amount: 24, unit: 'hours' as TimeUnit };
  @state() private maxDaysAhead = 60;
  @state() private step = 30;
  @state() private text = '';
  @state() private problems: Record<string, string> = {};

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('value')) {
      const { bookingRules: r, policy } = this.value;
      this.notice = splitMinutes(r.minNoticeMinutes);
      this.cutoff = splitMinutes(policy.cutoffHours * 60);
      this.maxDaysAhead = r.maxDaysAhead;
      this.step = r.slotStepMinutes;
      this.text = policy.text;
    }
    if (changed.has('errors')) this.problems = this.errors;
  }

  override render() {
    const steps = [...new Set([...STEPS, this.step])].sort((a, b) => a - b);
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      <div class="grid2">
        ${this.duration('notice', 'bookingRules.minNoticeMinutes', 'Minimum notice', 'How soon before a time it can still be booked.')}
        <div class="field">
          <label for="maxDaysAhead">Customers can book up to (days ahead)</label>
          <input id="maxDaysAhead" type="number" inputmode="numeric" min="1" max="365" step="1" .value=${String(this.maxDaysAhead)}
            aria-invalid=${Boolean(this.problems['bookingRules.maxDaysAhead'])} aria-describedby="maxDaysAhead-hint"
            @input=${(e: Event) => (this.maxDaysAhead = Number((e.target as HTMLInputElement).value))} />
          <span class="hint" id="maxDaysAhead-hint">How far into the future, e.g. 60 days.</span>
          ${this.error('bookingRules.maxDaysAhead')}
        </div>
        <div class="field">
          <label for="slotStep">Offer a start time</label>
          <select id="slotStep" aria-describedby="slotStep-hint" @change=${(e: Event) => (this.step = Number((e.target as HTMLSelectElement).value))}>
            ${steps.map((m) => html`<option value=${m} ?selected=${m === this.step}>${everyPhrase(m)}</option>`)}
          </select>
          <span class="hint" id="slotStep-hint">With “Every 30 minutes”, a one-hour service can start at 9:00, 9:30, 10:00…</span>
        </div>
        ${this.duration('cutoff', 'policy.cutoffHours', 'Cancel or reschedule online until', 'Before the appointment. 0: until it starts. After it, customers see your phone and email instead.')}
      </div>
      <div class="field">
        <label for="policyText">Your policy for customers <span class="hint">(optional)</span></label>
        <textarea id="policyText" maxlength=${POLICY_TEXT_MAX} .value=${this.text} aria-describedby="policyText-hint"
          aria-invalid=${Boolean(this.problems['policy.text'])}
          @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
        <span class="hint" id="policyText-hint">A few lines customers read before they book, in their emails and on their
          booking page, e.g. about late cancellations. Up to ${POLICY_TEXT_MAX} characters.</span>
        ${this.error('policy.text')}
      </div>
      <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
    </form>`;
  }

  /** A number with an hours/days unit, kept in `this[id]`; `key` is the API field its errors come under. */
  private duration(id: 'notice' | 'cutoff', key: string, label: string, hint: string) {
    const value = this[id];
    // Read the state when the event comes, not when it rendered: two quick changes must both count.
    const set = (patch: Partial<{ amount: number; unit: TimeUnit }>) => (this[id] = { ...this[id], ...patch });
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <div class="row">
        <input id=${id} type="number" inputmode="decimal" min="0" step="any" class="amount" .value=${String(value.amount)}
          aria-invalid=${Boolean(this.problems[key])} aria-describedby="${id}-hint"
          @input=${(e: Event) => set({ amount: Number((e.target as HTMLInputElement).value) })} />
        <select id="${id}-unit" aria-label="${label}: unit" class="unit"
          @change=${(e: Event) => set({ unit: (e.target as HTMLSelectElement).value as TimeUnit })}>
          <option value="hours" ?selected=${value.unit === 'hours'}>${value.amount === 1 ? 'hour' : 'hours'}</option>
          <option value="days" ?selected=${value.unit === 'days'}>${value.amount === 1 ? 'day' : 'days'}</option>
        </select>
      </div>
      <span class="hint" id="${id}-hint">${hint}</span>
      ${this.error(key)}
    </div>`;
  }

  private error(key: string) {
    return this.problems[key] ? html`<p class="error" id="${key}-error">${this.problems[key]}</p>` : nothing;
  }

  /** The form's values in the API's units, and what is wrong with them. */
  private read(): { input: RulesInput; problems: Record<string, string> } {
    const minNoticeMinutes = toMinutes(this.notice.amount, this.notice.unit);
    const cutoffHours = toMinutes(this.cutoff.amount, this.cutoff.unit) / 60;
    const problems: Record<string, string> = {};
    if (!(minNoticeMinutes >= 0 && minNoticeMinutes <= MAX_NOTICE_DAYS * 1440))
      problems['bookingRules.minNoticeMinutes'] = `Between 0 hours and ${MAX_NOTICE_DAYS} days.`;
    if (!(Number.isInteger(this.maxDaysAhead) && this.maxDaysAhead >= 1 && this.maxDaysAhead <= 365))
      problems['bookingRules.maxDaysAhead'] = 'A whole number of days, from 1 to 365.';
    if (!(Number.isInteger(cutoffHours) && cutoffHours >= 0 && cutoffHours <= MAX_CUTOFF_HOURS))
      problems['policy.cutoffHours'] = 'Whole hours, from 0 up to 30 days.';
    return {
      input: {
        bookingRules: { minNoticeMinutes, maxDaysAhead: this.maxDaysAhead, slotStepMinutes: this.step },
        policy: { cutoffHours, text: this.text.trim() },
      },
      problems,
    };
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { input, problems } = this.read();
    this.problems = problems;
    if (Object.keys(problems).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent('book-rules-submit', { detail: input, bubbles: true, composed: true }));
  }
}

define('book-rules-form', BookRulesForm);

declare global {
  interface HTMLElementTagNameMap {
    'book-rules-form': BookRulesForm;
  }
}
