import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { AdminMember, AdminService } from '../../api/types.js';
import { emit } from '../../lib/events.js';
import { fieldsets, siteBase } from '../../styles/components.js';

/** What the form changes of a member (`PATCH /api/admin/team/:id`). */
export type MemberPatch = Partial<Pick<AdminMember, 'name' | 'bio' | 'role' | 'serviceIds'>>;

/**
 * @summary One team member's name, bio, role and the services they perform.
 *
 * @event book-member-submit - `detail` is the `MemberPatch`.
 * @event book-member-cancel - Closed without saving.
 *
 * @property member - The member to edit.
 * @property services - The business's services, offered as checkboxes.
 * @property errors - Field errors from the server.
 * @property busy - Disables the buttons while saving.
 */
export class BookMemberForm extends LitElement {
  static override styles = [siteBase, fieldsets];

  @property({ attribute: false }) member!: AdminMember;
  @property({ attribute: false }) services: AdminService[] = [];
  @property({ attribute: false }) errors: Record<string, string> = {};
  @property({ type: Boolean }) busy = false;

  @state() private draft!: AdminMember;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('member')) this.draft = structuredClone(this.member);
  }

  override render() {
    const d = this.draft;
    return html`<form novalidate @submit=${this.handleSubmit}>
      <div class="field">
        <label for="name">Name</label>
        <input id="name" required maxlength="100" .value=${d.name} aria-invalid=${Boolean(this.errors.name)}
          aria-describedby=${this.errors.name ? 'name-error' : nothing} @input=${(e: Event) => this.set({ name: this.val(e) })} />
        ${this.errors.name ? html`<p class="error" id="name-error">${this.errors.name}</p>` : nothing}
      </div>
      <div class="field">
        <label for="bio">Bio <span class="hint">(optional, shown on your public page)</span></label>
        <textarea id="bio" maxlength="500" .value=${d.bio} @input=${(e: Event) => this.set({ bio: this.val(e) })}></textarea>
      </div>
      ${
        d.role === 'owner'
          ? nothing
          : html`<div class="field">
            <label for="role">Role</label>
            <select id="role" @change=${(e: Event) => this.set({ role: this.val(e) as AdminMember['role'] })}>
              <option value="staff" ?selected=${d.role === 'staff'}>Staff: their own appointments and hours</option>
              <option value="admin" ?selected=${d.role === 'admin'}>Admin: everything but closing the business</option>
            </select>
          </div>`
      }
      <fieldset>
        <legend>Services ${d.name || 'they'} perform${d.name ? 's' : ''}</legend>
        ${this.services.map(
          (s) => html`<label class="check"><input type="checkbox" value=${s.id} .checked=${d.serviceIds.includes(s.id)}
            @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)} /> ${s.name}</label>`,
        )}
      </fieldset>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>Save changes</button>
        <button type="button" @click=${() => emit(this, 'book-member-cancel')}>Cancel</button>
      </div>
    </form>`;
  }

  private val(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }

  private set(patch: Partial<AdminMember>): void {
    this.draft = { ...this.draft, ...patch };
  }

  private toggle(id: number, on: boolean): void {
    const others = this.draft.serviceIds.filter((s) => s !== id);
    this.set({ serviceIds: on ? [...others, id].sort((a, b) => a - b) : others });
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const name = this.draft.name.trim();
    this.errors = name ? {} : { name: 'Give the member a name.' };
    if (!name) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
      return;
    }
    const { bio, role, serviceIds } = this.draft;
    emit(this, 'book-member-submit', {
      name,
      bio: bio.trim(),
      ...(role !== 'owner' && { role }),
      serviceIds,
    } satisfies MemberPatch);
  }
}

define('book-member-form', BookMemberForm);

declare global {
  interface HTMLElementTagNameMap {
    'book-member-form': BookMemberForm;
  }
}
