import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { BookingSeries, CancelScope } from '../../api/types.js';
import { emit } from '../../lib/events.js';
import { fieldsets, siteBase } from '../../styles/components.js';

/**
 * @summary What a cancellation of an occurrence of a recurring series covers: only this date, or this and every
 * following date. Used by the customer's manage page and the owner's appointment detail, inside their confirmation.
 *
 * @event book-cancel-scope-change - The choice changed; `detail` is the `CancelScope`.
 * @csspart group - The fieldset around the two choices.
 *
 * @property series - The occurrence's series (for "appointments 3 to 8").
 * @property value - The choice: `one` (the default, as the server's) or `following`.
 */
export class BookCancelScope extends LitElement {
  static override styles = [
    siteBase,
    fieldsets,
    css`
      fieldset {
        margin: 0.5rem 0;
      }
    `,
  ];

  @property({ attribute: false }) series?: BookingSeries;
  @property({ reflect: true }) value: CancelScope = 'one';

  override render() {
    const s = this.series;
    // The last date has no following ones: then both choices do the same, but saying so is clearer than hiding one.
    const range = s && s.index + 1 < s.count ? ` (appointments ${s.index + 1} to ${s.count})` : '';
    return html`<fieldset part="group">
      <legend>Which dates?</legend>
      ${this.choice('one', 'Only this date')} ${this.choice('following', `This and all following dates${range}`)}
    </fieldset>`;
  }

  private choice(value: CancelScope, label: string) {
    return html`<label class="check"><input type="radio" name="scope" value=${value} .checked=${this.value === value}
      @change=${this.handleChange} />${label}</label>`;
  }

  private handleChange(e: Event): void {
    this.value = (e.target as HTMLInputElement).value as CancelScope;
    emit(this, 'book-cancel-scope-change', this.value);
  }
}

define('book-cancel-scope', BookCancelScope);

declare global {
  interface HTMLElementTagNameMap {
    'book-cancel-scope': BookCancelScope;
  }
}
