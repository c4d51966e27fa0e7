import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { AdminMember } from '../../api/types.js';
import { emit } from '../../lib/events.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary Whose things a page is about, for the owner and admins of a team: the members in a select, the signed-in
 * one marked "(you)". Nothing for a team of one (or before the team is known).
 *
 * @event book-member-pick - A member was chosen; `detail` is their id.
 *
 * @property label - What is picked ("Whose calendar").
 * @property members - The team's active members.
 * @property selected - The chosen member's id.
 * @property me - The signed-in member's id.
 */
export class BookMemberPicker extends LitElement {
  static override styles = [
    siteBase,
    css`
      .field {
        max-width: 20rem;
      }
    `,
  ];

  @property() label = 'Whose';
  @property({ attribute: false }) members: Pick<AdminMember, 'id' | 'name'>[] = [];
  @property({ type: Number }) selected = 0;
  @property({ type: Number }) me = 0;

  override render() {
    if (this.members.length < 2) return nothing;
    return html`<div class="field">
      <label for="member">${this.label}</label>
      <select id="member" @change=${this.handleChange}>
        ${this.members.map((m) => html`<option value=${m.id} ?selected=${m.id === this.selected}>${m.name}${m.id === this.me ? ' (you)' : ''}</option>`)}
      </select>
    </div>`;
  }

  private handleChange = (e: Event): void => {
    emit(this, 'book-member-pick', Number((e.target as HTMLSelectElement).value));
  };
}

define('book-member-picker', BookMemberPicker);

declare global {
  interface HTMLElementTagNameMap {
    'book-member-picker': BookMemberPicker;
  }
}
