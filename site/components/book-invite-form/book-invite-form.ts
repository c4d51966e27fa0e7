import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { Invitation } from '../../api/types.js';
import { emit } from '../../lib/events.js';
import { siteBase } from '../../styles/components.js';

type InviteInput = Pick<Invitation, 'email' | 'name' | 'role'>;
const blank = (): InviteInput => ({ name: '', email: '', role: 'staff' });

/**
 * @summary Invites someone to the team: their name, email and role.
 *
 * @event book-invite-submit - `detail` is `{ name, email, role }`, checked.
 *
 * @property errors - Field errors from the server.
 * @property busy - Disables the button while sending.
 */
export class BookInviteForm extends LitElement {
  static override styles = siteBase;

  @property({ attribute: false }) errors: Record<string, string> = {};
  @property({ type: Boolean }) busy = false;
  @state() private draft = blank();

  /** Empties the form once the invitation went out. */
  reset(): void {
    this.draft = blank();
  }

  override render() {
    const d = this.draft;
    return html`<form novalidate @submit=${this.handleSubmit}>
      <div class="grid2">
        ${this.input('name', 'Name', 'text', 'name')} ${this.input('email', 'Email', 'email', 'email')}
      </div>
      <div class="field">
        <label for="invite-role">Role</label>
        <select id="invite-role" @change=${(e: Event) => (this.draft = { ...this.draft, role: (e.target as HTMLSelectElement).value as InviteInput['role'] })}>
          <option value="staff" ?selected=${d.role === 'staff'}>Staff: their own appointments and hours</option>
          <option value="admin" ?selected=${d.role === 'admin'}>Admin: everything but closing the business</option>
        </select>
      </div>
      <button class="primary" type="submit" ?disabled=${this.busy}>Send invitation</button>
    </form>`;
  }

  private input(key: 'name' | 'email', label: string, type: string, autocomplete: string) {
    const error = this.errors[key];
    return html`<div class="field">
      <label for="invite-${key}">${label}</label>
      <input id="invite-${key}" type=${type} autocomplete="off" name=${autocomplete} required maxlength="200" .value=${this.draft[key]}
        aria-invalid=${Boolean(error)} aria-describedby=${error ? `invite-${key}-error` : nothing}
        @input=${(e: Event) => (this.draft = { ...this.draft, [key]: (e.target as HTMLInputElement).value })} />
      ${error ? html`<p class="error" id="invite-${key}-error">${error}</p>` : nothing}
    </div>`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const name = this.draft.name.trim();
    const email = this.draft.email.trim();
    const errors: Record<string, string> = {};
    if (!name) errors.name = 'Give their name.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'Enter an email address such as mia@example.com.';
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    emit(this, 'book-invite-submit', { name, email, role: this.draft.role } satisfies InviteInput);
  }
}

define('book-invite-form', BookInviteForm);

declare global {
  interface HTMLElementTagNameMap {
    'book-invite-form': BookInviteForm;
  }
}
