import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { User } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary Account settings: the address and whether it is confirmed, and a password change (which signs out
 * every other device).
 *
 * @property user - The signed-in user.
 */
export class BookAccountSettings extends LitElement {
  static override styles = siteBase;

  @property({ attribute: false }) user!: User;
  private action = new ActionController(this);

  override render() {
    return html`<section class="panel" aria-labelledby="email-h">
        <h2 id="email-h">Email</h2>
        <p>${this.user.email} · ${this.user.emailVerified ? 'confirmed' : 'not confirmed yet'}</p>
      </section>
      <section class="panel" aria-labelledby="password-h">
        <h2 id="password-h">Change password</h2>
        <p class="notice bad" role="alert">${this.action.problem}</p>
        <p class="notice" role="status">${this.action.status}</p>
        <form @submit=${this.handleSubmit}>
          <div class="field"><label for="current">Current password</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required /></div>
          <div class="field"><label for="new">New password</label>
            <input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required aria-describedby="new-hint" />
            <span class="hint" id="new-hint">At least 10 characters. Other devices will be signed out.</span></div>
          <button class="primary" type="submit" ?disabled=${this.action.busy}>Change password</button>
        </form>
      </section>`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const next = String(data.get('new') ?? '');
    if (next.length < 10) {
      this.action.clear();
      this.action.report('Use at least 10 characters for the new password.');
      return;
    }
    await this.action.run(async () => {
      await api.changePassword(String(data.get('current') ?? ''), next);
      form.reset();
      return 'Password changed. Other devices are signed out.';
    });
  }
}

define('book-account-settings', BookAccountSettings);

declare global {
  interface HTMLElementTagNameMap {
    'book-account-settings': BookAccountSettings;
  }
}
