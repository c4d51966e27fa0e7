import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Role, User } from '../../api/types.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { focusFirstProblem } from '../../lib/focus.js';
import { siteBase } from '../../styles/components.js';
import { styles } from './book-auth-form.styles.js';

/**
 * @summary Sign in, or create a customer or provider account; then goes where the person was heading. Signing
 * up with an address whose account was never confirmed says a link went to that address instead.
 *
 * @event book-signed-in - Signed in or signed up; `detail` is the user. Cancel it to stay on the page.
 * @csspart form - The form.
 *
 * @property mode - `login` or `signup`.
 * @property accountType - (`account-type`) The account preselected for sign-up: `customer` or `provider`.
 * @property next - A path of this site to go to afterwards (default: the account's home).
 */
export class BookAuthForm extends LitElement {
  static override styles = [siteBase, styles];

  @property() mode: 'login' | 'signup' = 'login';
  @property({ attribute: 'account-type' }) accountType: Role = 'customer';
  @property() next = '';

  @state() private busy = false;
  @state() private problem = '';
  @state() private errors: Record<string, string> = {};
  @state() private sent = '';

  override render() {
    const signup = this.mode === 'signup';
    const err = (name: string) =>
      this.errors[name] ? html`<p class="error" id="${name}-error">${this.errors[name]}</p>` : nothing;
    const described = (name: string, hint?: string) =>
      [this.errors[name] && `${name}-error`, hint].filter(Boolean).join(' ') || nothing;
    if (this.sent) return html`<p class="notice" role="status">${this.sent}</p>`;
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      <p class="notice bad" role="alert" tabindex="-1">${this.problem}</p>
      ${
        signup
          ? html`<fieldset>
              <legend>I want to</legend>
              <label class="choice"
                ><input type="radio" name="role" value="customer" ?checked=${this.accountType === 'customer'} @change=${() => (this.accountType = 'customer')} />
                <span><strong>Book appointments</strong><span class="hint">Keep your bookings and reviews in one place.</span></span></label
              >
              <label class="choice"
                ><input type="radio" name="role" value="provider" ?checked=${this.accountType === 'provider'} @change=${() => (this.accountType = 'provider')} />
                <span><strong>Take bookings for my business</strong><span class="hint">Set up your page, hours and services in minutes.</span></span></label
              >
            </fieldset>
            <div class="field">
              <label for="name">${this.accountType === 'provider' ? 'Your name' : 'Name'}</label>
              <input id="name" name="name" autocomplete="name" required aria-invalid=${Boolean(this.errors.name)} aria-describedby=${described('name')} />
              ${err('name')}
            </div>`
          : nothing
      }
      <div class="field">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete=${signup ? 'email' : 'username'} required
          aria-invalid=${Boolean(this.errors.email)} aria-describedby=${described('email')} />
        ${err('email')}
      </div>
      <div class="field">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete=${signup ? 'new-password' : 'current-password'} required
          minlength=${signup ? 10 : 1} aria-invalid=${Boolean(this.errors.password)} aria-describedby=${described('password', signup ? 'password-hint' : undefined)} />
        ${signup ? html`<span class="hint" id="password-hint">At least 10 characters.</span>` : nothing} ${err('password')}
        ${signup ? nothing : html`<a class="forgot" href="/forgot-password">Forgot password?</a>`}
      </div>
      <button class="primary" type="submit" ?disabled=${this.busy}>${signup ? 'Create account' : 'Sign in'}</button>
      <p class="switch">
        ${
          signup
            ? html`Already have an account? <a href="/login${this.next ? `?next=${encodeURIComponent(this.next)}` : ''}">Sign in</a>`
            : html`New here? <a href="/signup${this.next ? `?next=${encodeURIComponent(this.next)}` : ''}">Create an account</a> ·
              <a href="/signup?as=provider">List your business</a>`
        }
      </p>
    </form>`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const errors: Record<string, string> = {};
    if (this.mode === 'signup' && !value('name')) errors.name = 'Enter your name.';
    if (!/^\S+@\S+\.\S+$/.test(value('email'))) errors.email = 'Enter your email address, like name@example.com.';
    const password = String(data.get('password') ?? '');
    if (this.mode === 'signup' ? password.length < 10 : !password) {
      errors.password = this.mode === 'signup' ? 'Use at least 10 characters.' : 'Enter your password.';
    }
    this.errors = errors;
    this.problem = '';
    if (Object.keys(errors).length) return focusFirstProblem(this);

    this.busy = true;
    try {
      const answer =
        this.mode === 'signup'
          ? await api.signup({ name: value('name'), email: value('email'), password, role: this.accountType })
          : await api.login(value('email'), password);
      if ('user' in answer) return this.done(answer.user);
      this.busy = false;
      this.sent =
        'This address already has an account that was never confirmed. We have emailed it a link: open it to keep the password you just chose and sign in.';
    } catch (e) {
      this.errors = fieldErrors(e);
      this.problem = Object.keys(this.errors).length ? '' : errorText(e);
      if (this.problem === 'An account with this email exists')
        this.problem = 'An account with this email exists. Sign in instead?';
      this.busy = false;
      await focusFirstProblem(this);
    }
  }

  private done(user: User): void {
    const proceed = this.dispatchEvent(
      new CustomEvent('book-signed-in', { detail: user, bubbles: true, composed: true, cancelable: true }),
    );
    if (!proceed) return;
    const home = user.role === 'provider' ? (this.mode === 'signup' ? '/admin/onboarding' : '/admin') : '/account';
    location.assign(this.next || home);
  }
}

define('book-auth-form', BookAuthForm);

declare global {
  interface HTMLElementTagNameMap {
    'book-auth-form': BookAuthForm;
  }
}
