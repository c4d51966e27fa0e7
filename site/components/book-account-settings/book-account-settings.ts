import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { User } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary Account settings: the address and whether it is confirmed, a password change (which signs out
 * every other device), and the user's data: "Download my data" (JSON) and, for customers, "Delete my account".
 * One notice area above them reports what the last action did.
 *
 * @event book-account-deleted - The account is gone (the page then leaves for the directory).
 *
 * @property user - The signed-in user.
 */
export class BookAccountSettings extends LitElement {
  static override styles = siteBase;

  @property({ attribute: false }) user!: User;
  private action = new ActionController(this);

  override render() {
    return html`<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      <section class="panel" aria-labelledby="email-h">
        <h2 id="email-h">Email</h2>
        <p>${this.user.email} · ${this.user.emailVerified ? 'confirmed' : 'not confirmed yet'}</p>
      </section>
      <section class="panel" aria-labelledby="password-h">
        <h2 id="password-h">Change password</h2>
        <form @submit=${this.handleSubmit}>
          <div class="field"><label for="current">Current password</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required /></div>
          <div class="field"><label for="new">New password</label>
            <input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required aria-describedby="new-hint" />
            <span class="hint" id="new-hint">At least 10 characters. Other devices will be signed out.</span></div>
          <button class="primary" type="submit" ?disabled=${this.action.busy}>Change password</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="data-h">
        <h2 id="data-h">Your data</h2>
        <p>Everything we keep about you, your appointments, reviews and emails, as one JSON file.</p>
        <a class="button" href="/api/me/export" download="my-data.json" data-export>Download my data</a>
      </section>
      ${this.user.role === 'customer' ? this.renderDelete() : nothing}`;
  }

  private renderDelete() {
    return html`<section class="panel" aria-labelledby="delete-h">
      <h2 id="delete-h">Delete my account</h2>
      <p>Upcoming appointments are cancelled (you and the business get an email). Past appointments keep no name,
        email or phone of yours. This cannot be undone.</p>
      <form @submit=${this.handleDelete} data-delete>
        <fieldset>
          <legend>Your reviews</legend>
          <label><input type="radio" name="reviews" value="anonymous" checked /> Keep them, without my name</label>
          <label><input type="radio" name="reviews" value="delete" /> Delete them</label>
        </fieldset>
        <div class="field"><label for="delete-password">Password</label>
          <input id="delete-password" name="password" type="password" autocomplete="current-password" required /></div>
        <button class="danger" type="submit" ?disabled=${this.action.busy}>Delete my account</button>
      </form>
    </section>`;
  }

  private async handleDelete(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    await this.action.run(async () => {
      await api.deleteAccount(
        String(data.get('password') ?? ''),
        data.get('reviews') === 'delete' ? 'delete' : 'anonymous',
      );
      this.dispatchEvent(new CustomEvent('book-account-deleted', { bubbles: true, composed: true }));
      location.assign('/');
    });
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
