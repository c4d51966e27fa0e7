import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { focusFirstProblem } from '../../lib/focus.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary "Forgot password?": asks for the address and says a link is on its way (the same words whether or not
 * the address has an account); with the link's token, sets the new password.
 *
 * @event book-password-reset - The new password is set; `detail` is `{ role }`.
 *
 * @property mode - `request` (ask for a link) or `set` (choose the new password).
 * @property token - The link's token, for `set` (default: the page's `?token=`).
 */
export class BookPasswordReset extends LitElement {
  static override styles = siteBase;

  @property() mode: 'request' | 'set' = 'request';
  @property() token = new URLSearchParams(location.search).get('token') ?? '';

  @state() private busy = false;
  @state() private problem = '';
  @state() private error = '';
  @state() private done = '';

  override render() {
    if (this.done) {
      return html`<p class="notice" role="status">${this.done}</p>
        ${this.mode === 'set' ? html`<a class="button primary" href="/login">Sign in</a>` : nothing}`;
    }
    const request = this.mode === 'request';
    const id = request ? 'email' : 'password';
    return html`<form novalidate @submit=${this.handleSubmit}>
      <p class="notice bad" role="alert" tabindex="-1">${this.problem}</p>
      ${
        request
          ? html`<p>Enter the address of your account. We will email it a link to choose a new password.</p>`
          : html`<p>Choose a new password. Every device signed in to your account will be signed out.</p>`
      }
      <div class="field">
        <label for=${id}>${request ? 'Email' : 'New password'}</label>
        ${
          request
            ? html`<input id="email" name="email" type="email" autocomplete="email" required aria-invalid=${Boolean(this.error)}
              aria-describedby=${this.error ? 'email-error' : nothing} />`
            : html`<input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required
              aria-invalid=${Boolean(this.error)} aria-describedby=${this.error ? 'password-error password-hint' : 'password-hint'} />
              <span class="hint" id="password-hint">At least 10 characters.</span>`
        }
        ${this.error ? html`<p class="error" id="${id}-error">${this.error}</p>` : nothing}
      </div>
      <button class="primary" type="submit" ?disabled=${this.busy}>${request ? 'Email me a link' : 'Set new password'}</button>
    </form>`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const value = String(
      new FormData(event.target as HTMLFormElement).get(this.mode === 'request' ? 'email' : 'password') ?? '',
    );
    this.problem = '';
    this.error =
      this.mode === 'request'
        ? /^\S+@\S+\.\S+$/.test(value.trim())
          ? ''
          : 'Enter your email address, like name@example.com.'
        : value.length >= 10
          ? ''
          : 'Use at least 10 characters.';
    if (this.error) return focusFirstProblem(this);
    this.busy = true;
    try {
      if (this.mode === 'request') {
        await api.requestPasswordReset(value.trim());
        this.done = `If ${value.trim()} has an account, a link to choose a new password is on its way. It works once, for one hour.`;
      } else {
        const { role } = await api.resetPassword(this.token, value);
        this.done = 'Your new password is set, and every device was signed out. Sign in with it now.';
        this.dispatchEvent(new CustomEvent('book-password-reset', { detail: { role }, bubbles: true, composed: true }));
      }
    } catch (e) {
      const fields = fieldErrors(e);
      this.problem = fields.token ? 'This link is invalid, used or expired. Ask for a new one.' : errorText(e);
      this.error = fields.email ?? fields.password ?? '';
      await focusFirstProblem(this);
    } finally {
      this.busy = false;
    }
  }
}

define('book-password-reset', BookPasswordReset);

declare global {
  interface HTMLElementTagNameMap {
    'book-password-reset': BookPasswordReset;
  }
}
