import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { MemberDeparture } from '../../api/types.js';
import { emit } from '../../lib/events.js';
import { fieldsets, siteBase } from '../../styles/components.js';

/**
 * @summary Asks what becomes of a leaving member's future appointments before they go: moved to one chosen
 * member, to whoever is free at each time, or cancelled. Customers are emailed either way.
 *
 * @event book-departure-confirm - `detail` is the `MemberDeparture`.
 * @event book-departure-cancel - The person kept the member.
 *
 * @property who - The leaving member's name ("you" when they leave themselves).
 * @property action - The confirm button's text, such as "Remove Mia".
 * @property members - Who may take the appointments over (empty: only "whoever is free" is offered).
 * @property busy - Disables the buttons while the change runs.
 */
export class BookMemberDeparture extends LitElement {
  static override styles = [
    siteBase,
    fieldsets,
    css`
      :host {
        margin-top: 0.75rem;
      }
    `,
  ];

  @property() who = '';
  @property() action = 'Remove';
  @property({ attribute: false }) members: { id: number; name: string }[] = [];
  @property({ type: Boolean }) busy = false;

  @state() private future: MemberDeparture['future'] = 'reassign';
  /** The member who takes them all; '' for a fair pick of whoever is free at each time. */
  @state() private reassignTo = '';

  override render() {
    const whose = this.who === 'you' ? 'your' : `${this.who}'s`;
    return html`<div class="notice" role="alertdialog" aria-labelledby="question">
      <fieldset>
        <legend id="question">What happens to ${whose} future appointments?</legend>
        <label class="check"><input type="radio" name="future" value="reassign" .checked=${this.future === 'reassign'}
          @change=${() => (this.future = 'reassign')} /> Give them to another member</label>
        ${
          this.future === 'reassign'
            ? html`<div class="field">
              <label for="reassign-to">Who takes them</label>
              <select id="reassign-to" @change=${(e: Event) => (this.reassignTo = (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${this.reassignTo === ''}>Whoever is free at each time</option>
                ${this.members.map((m) => html`<option value=${m.id} ?selected=${this.reassignTo === String(m.id)}>${m.name}</option>`)}
              </select>
            </div>`
            : nothing
        }
        <label class="check"><input type="radio" name="future" value="cancel" .checked=${this.future === 'cancel'}
          @change=${() => (this.future = 'cancel')} /> Cancel them</label>
      </fieldset>
      <p class="hint">Each customer gets an email about the change.</p>
      <div class="row">
        <button class="danger" ?disabled=${this.busy} @click=${this.confirm}>${this.action}</button>
        <button ?disabled=${this.busy} @click=${() => emit(this, 'book-departure-cancel')}>Keep ${this.who === 'you' ? 'my place' : this.who}</button>
      </div>
    </div>`;
  }

  private confirm = (): void => {
    const departure: MemberDeparture =
      this.future === 'cancel'
        ? { future: 'cancel' }
        : { future: 'reassign', ...(this.reassignTo && { reassignTo: Number(this.reassignTo) }) };
    emit(this, 'book-departure-confirm', departure);
  };
}

define('book-member-departure', BookMemberDeparture);

declare global {
  interface HTMLElementTagNameMap {
    'book-member-departure': BookMemberDeparture;
  }
}
