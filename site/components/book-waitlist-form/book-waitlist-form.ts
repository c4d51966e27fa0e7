import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { WaitlistRequest } from '../../../widget/api/types.js';
import { weekdayNames } from '../../../widget/i18n/format.js';
import { define } from '../../../widget/lib/define.js';
import { emit } from '../../lib/events.js';
import { LOCALE, zoneLabel } from '../../lib/format.js';
import { fieldsets, siteBase } from '../../styles/components.js';

/** ISO weekdays, Monday first: the API's `days`. */
const WEEK = [1, 2, 3, 4, 5, 6, 7];

/**
 * @summary What "tell me if an earlier time frees up" asks for: for a team, any member or the same one; the days of
 * the week and a time window (both in the business's zone, where its schedule is). Nothing ticked means any.
 *
 * @event book-waitlist-submit - Submitted; `detail` is a `WaitlistRequest` without the parts left open.
 * @event book-waitlist-cancel - Closed without asking.
 * @csspart form - The form.
 * @cssprop --book-accent - The submit button.
 *
 * @property value - The request to start from (the current entry's, when changing it).
 * @property memberName - The member who serves the appointment; set for a team, it offers "any member" too.
 * @property timeZone - The business's zone, which days and times are in.
 * @property busy - Disables the buttons while saving.
 * @property submitLabel - The submit button's text.
 */
export class BookWaitlistForm extends LitElement {
  static override styles = [
    siteBase,
    fieldsets,
    css`
      .days {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.9rem;
      }
      .window {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
        gap: 0 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) value: WaitlistRequest = {};
  @property({ attribute: 'member-name' }) memberName = '';
  @property({ attribute: 'time-zone' }) timeZone = '';
  @property({ type: Boolean }) busy = false;
  @property({ attribute: 'submit-label' }) submitLabel = 'Tell me';

  @state() private problem = '';

  override render() {
    const v = this.value;
    const names = weekdayNames(LOCALE, 1, 'long');
    return html`<form part="form" @submit=${this.handleSubmit} novalidate>
      ${
        this.memberName
          ? html`<fieldset>
            <legend>With</legend>
            <label class="check"><input type="radio" name="member" value="same" ?checked=${v.member !== 'any'} />
              Only ${this.memberName}</label>
            <label class="check"><input type="radio" name="member" value="any" ?checked=${v.member === 'any'} />
              Anyone on the team</label>
          </fieldset>`
          : nothing
      }
      <fieldset>
        <legend>On <span class="hint">(none ticked: any day)</span></legend>
        <div class="days">
          ${WEEK.map(
            (
              d,
            ) => html`<label class="check"><input type="checkbox" name="days" value=${d} ?checked=${v.days?.includes(d)} />
              <span aria-hidden="true">${names[d - 1]!.slice(0, 3)}</span><span class="sr-only">${names[d - 1]}</span></label>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>Between <span class="hint">(${zoneLabel(this.timeZone)}; empty: any time)</span></legend>
        <div class="window">
          <label class="field">From<input type="time" name="from" .value=${v.from ?? ''} /></label>
          <label class="field">To<input type="time" name="to" .value=${v.to ?? ''} /></label>
        </div>
      </fieldset>
      <p class="error" role="alert">${this.problem}</p>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
        <button type="button" @click=${() => emit(this, 'book-waitlist-cancel')}>Not now</button>
      </div>
    </form>`;
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const from = String(form.get('from') ?? '');
    const to = String(form.get('to') ?? '');
    // A window needs both ends, and the API wants them in order ("HH:MM" compares as text).
    this.problem =
      !from !== !to ? 'Give both times, or neither.' : from && from >= to ? 'The end must be after the start.' : '';
    if (this.problem) return;
    const days = form.getAll('days').map(Number);
    const request: WaitlistRequest = {
      ...(this.memberName && { member: form.get('member') === 'any' ? 'any' : 'same' }),
      ...(days.length > 0 && days.length < 7 && { days }),
      ...(from && { from, to }),
    };
    emit(this, 'book-waitlist-submit', request);
  }
}

define('book-waitlist-form', BookWaitlistForm);

declare global {
  interface HTMLElementTagNameMap {
    'book-waitlist-form': BookWaitlistForm;
  }
}
