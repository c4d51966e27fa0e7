import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { User } from '../../api/types.js';
import { errorText } from '../../lib/errors.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary Account settings: the address and whether it is confirmed, a password change (which signs out
 * every other device), and the user's data: "Download my data" (JSON) and, for customers, "Delete my account".
 *
 * @event book-account-deleted - The account is gone (the page then leaves for the directory).
 *
 * @property user - The signed-in user.
 */
export class BookAccountSettings extends LitElement {
  static override styles = siteBase;

  @property({ attribute: false }) user!: User;
  @state() private busy = false;
  @state() private problem = '';
  @state() private status = '';
  @state() private deleteProblem = '';

  override render() {
    return html`<section class="panel" aria-labelledby="email-h">
        <h2 id="email-h">Email</h2>
        <p>${this.user.email} · ${this.user.emailVerified ? 'confirmed' : 'not confirmed yet'}</p>
      </section>
      <section class="panel" aria-labelledby="password-h">
        <h2 id="password-h">Change password</h2>
        <p class="notice bad" role="alert">${this.problem}</p>
        <p class="notice" role="status">${this.status}</p>
        <form @submit=${this.handleSubmit}>
          <div class="field"><label for="current">Current password</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required /></div>
          <div class="field"><label for="new">New password</label>
            <input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required aria-describedby="new-hint" />
            <span class="hint" id="new-hint">At least 10 characters. Other devices will be signed out.</span></div>
          <button class="primary" type="submit" ?disabled=${this.busy}>Change password</button>
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
      <p class="notice bad" role="alert">${this.deleteProblem}</p>
      <form @submit=${this.handleDelete} data-delete>
        <fieldset>
          <legend>Your reviews</legend>
          <label><input type="radio" name="reviews" value="anonymous" checked /> Keep them, without my name</label>
          <label><input type="radio" name="reviews" value="delete" /> Delete them</label>
        </fieldset>
        <div class="field"><label for="delete-password">Password</label>
          <input id="delete-password" name="password" type="password" autocomplete="current-password" required /></div>
        <button class="danger" type="submit" ?disabled=${this.busy}>Delete my account</button>
      </form>
    </section>`;
  }

  private async handleDelete(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.deleteProblem = '';
    this.busy = true;
    try {
      await api.deleteAccount(String(data.get('password') ?? ''), data.get('reviews') === 'delete' ? 'delete' : 'anonymous');
      this.dispatchEvent(new CustomEvent('book-account-deleted', { bubbles: true, composed: true }));
      location.assign('/');
    } catch (e) {
      this.deleteProblem = errorText(e);
    } finally {
      this.busy = false;
    }
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const next = String(data.get('new') ?? '');
    this.problem = '';
    this.status = '';
    if (next.length < 10) {
      this.problem = 'Use at least 10 characters for the new password.';
      return;
    }
    this.busy = true;
    try {
      await api.changePassword(String(data.get('current') ?? ''), next);
      form.reset();
      this.status = 'Password changed. Other devices are signed out.';
    } catch (e) {
      this.problem = errorText(e);
    } finally {
      this.busy = false;
    }
  }
}

define('book-account-settings', BookAccountSettings);

declare global {
  interface HTMLElementTagNameMap {
    'book-account-settings': BookAccountSettings;
  }
}
