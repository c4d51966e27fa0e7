import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import { ActionController } from '../../lib/action.js';
import { emit } from '../../lib/events.js';
import { todayIn } from '../../lib/format.js';
import { fieldError, localMinutes, TIME_PATTERN } from '../../lib/local-time.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary "Block time" (a lunch, a doctor's visit): a date, from and to in the business's zone, and an optional
 * label. Customers cannot book it; it shows in the week view, where it can be removed.
 *
 * @event book-time-blocked - Saved; `detail` is the `BlockedTime`.
 * @event book-block-cancel - Closed without saving.
 * @csspart form - The form.
 *
 * @property timeZone - The provider's zone (for today's date).
 * @property date - The date to start on (`YYYY-MM-DD`; default today).
 * @property from - The start to start on (`HH:mm`).
 * @property member - Whose time (a team member's id, with their name in `memberName`); 0: the signed-in member's.
 */
export class BookBlockTime extends LitElement {
  static override styles = siteBase;

  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  @property() date = '';
  @property() from = '';
  @property({ type: Number }) member = 0;
  @property({ attribute: 'member-name' }) memberName = '';
  @state() private to = '';
  @state() private label = '';
  @state() private errors: Record<string, string> = {};
  private readonly action = new ActionController(this, { fieldsProblem: 'Please correct the marked fields.' });

  override willUpdate(): void {
    if (!this.date) this.date = todayIn(this.timeZone);
  }

  override render() {
    const errors = { ...this.action.errors, ...this.errors };
    const timeField = (name: 'from' | 'to', label: string) => html`<div class="field">
      <label for="block-${name}">${label}</label>
      <input id="block-${name}" type="time" step="60" required .value=${this[name]} aria-invalid=${Boolean(errors[name])}
        aria-describedby=${errors[name] ? `${name}-error` : nothing} @input=${(e: Event) => (this[name] = this.val(e))} />
      ${fieldError(errors, name)}
    </div>`;
    return html`<form part="form" class="panel" novalidate aria-labelledby="block-h" @submit=${this.handleSubmit}>
      <h2 id="block-h">Block time${this.memberName ? ` of ${this.memberName}` : ''}</h2>
      <p class="muted">Customers cannot book it. Appointments already in it stay.</p>
      <p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <div class="field">
        <label for="block-date">Date</label>
        <input id="block-date" type="date" required .value=${this.date} aria-invalid=${Boolean(errors.date)}
          aria-describedby=${errors.date ? 'date-error' : nothing} @change=${(e: Event) => (this.date = this.val(e))} />
        ${fieldError(errors, 'date')}
      </div>
      <div class="grid2">
        ${timeField('from', 'From')} ${timeField('to', 'To')}
      </div>
      <div class="field">
        <label for="block-label">Label <span class="hint">(optional, only you see it)</span></label>
        <input id="block-label" maxlength="80" placeholder="Lunch" .value=${this.label} @input=${(e: Event) => (this.label = this.val(e))} />
      </div>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.action.busy}>Block this time</button>
        <button type="button" @click=${() => emit(this, 'book-block-cancel')}>Cancel</button>
      </div>
    </form>`;
  }

  private val(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!this.date) errors.date = 'Pick a date.';
    if (!TIME_PATTERN.test(this.from)) errors.from = 'Enter a start, such as 12:00.';
    if (!TIME_PATTERN.test(this.to)) errors.to = 'Enter an end, such as 13:00.';
    else if (!errors.from && localMinutes(this.to) <= localMinutes(this.from))
      errors.to = 'The end must be after the start.';
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await this.action.run(async () => {
      const label = this.label.trim();
      const { blockedTime } = await api.blockTime(
        {
          date: this.date,
          from: this.from,
          to: this.to,
          ...(label && { label }),
        },
        this.member || undefined,
      );
      emit(this, 'book-time-blocked', blockedTime);
    });
  }
}

define('book-block-time', BookBlockTime);

declare global {
  interface HTMLElementTagNameMap {
    'book-block-time': BookBlockTime;
  }
}
