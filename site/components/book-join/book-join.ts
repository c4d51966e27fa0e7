import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { ApiError, api } from '../../api/site-api.js';
import type { JoinInvitation, User } from '../../api/types.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { focusFirstProblem } from '../../lib/focus.js';
import { siteBase } from '../../styles/components.js';
import { roleLabel } from '../book-team/book-team.js';

/**
 * @summary Joining a business's team from an emailed invitation (`/join?token=…`): says which business and role,
 * then joins with the signed-in account (the invited address) or a new one (name and password).
 *
 * @event book-joined - Joined and signed in; `detail` is the membership (`{ memberId, role, name }`). Unless
 * cancelled, the page goes to the admin.
 *
 * @property token - The invitation's token (default: the page's `?token=`).
 * @property user - The signed-in user, if any (the page data).
 */
export class BookJoin extends LitElement {
  static override styles = siteBase;

  @property() token = new URLSearchParams(location.search).get('token') ?? '';
  @property({ attribute: false }) user: User | null = null;

  @state() private invitation: JoinInvitation | undefined;
  @state() private loading = true;
  @state() private busy = false;
  @state() private problem = '';
  @state() private errors: Record<string, string> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    if (this.loading) return html`<p class="loading" role="status">Opening your invitation…</p>`;
    const i = this.invitation;
    if (!i) return html`<p class="notice bad" role="alert">${this.problem}</p>`;
    const signedIn = this.user && this.user.email.toLowerCase() === i.email.toLowerCase();
    const next = `/login?next=${encodeURIComponent(`/join?token=${this.token}`)}`;
    const intro = html`<p><strong>${i.business.name}</strong> invites ${i.name} (${i.email}) to its team as
        <strong>${roleLabel[i.role].toLowerCase()}</strong>.</p>
      <p class="notice bad" role="alert" tabindex="-1">${this.problem}</p>`;
    // An existing account joins signed in: the link alone does not hand it over.
    if (i.hasAccount && !signedIn)
      return html`${intro}<p>${i.email} has an account here. Sign in with it, and this page opens again to join.</p>
        <a class="button primary" href=${next}>Sign in as ${i.email}</a>`;
    return html`${intro}
<form novalidate @submit=${this.handleSubmit}>
        ${
          signedIn
            ? html`<p>You are signed in as ${this.user!.email}.</p>`
            : html`${this.user ? html`<p class="notice">You are signed in as ${this.user.email}, not ${i.email}: joining makes a new account for ${i.email}.</p>` : nothing}
              <div class="field">
                <label for="name">Your name</label>
                <input id="name" name="name" autocomplete="name" required maxlength="100" .value=${i.name}
                  aria-invalid=${Boolean(this.errors.name)} aria-describedby=${this.errors.name ? 'name-error' : nothing} />
                ${this.errors.name ? html`<p class="error" id="name-error">${this.errors.name}</p>` : nothing}
              </div>
              <div class="field">
                <label for="password">Choose a password</label>
                <input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required
                  aria-invalid=${Boolean(this.errors.password)}
                  aria-describedby=${this.errors.password ? 'password-error password-hint' : 'password-hint'} />
                <span class="hint" id="password-hint">At least 10 characters. You sign in with ${i.email}.</span>
                ${this.errors.password ? html`<p class="error" id="password-error">${this.errors.password}</p>` : nothing}
              </div>`
        }
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>Join ${i.business.name}</button>
        </div>
      </form>`;
  }

  private async load(): Promise<void> {
    try {
      this.invitation = this.token ? (await api.invitation(this.token)).invitation : undefined;
      if (!this.invitation) this.problem = 'This link has no invitation in it. Open the link from the email again.';
    } catch (e) {
      const gone = Boolean(fieldErrors(e).token) || (e instanceof ApiError && e.status === 404);
      this.problem = gone
        ? 'This invitation was used, revoked or has expired. Ask the business for a new one.'
        : errorText(e);
    } finally {
      this.loading = false;
    }
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const signedIn = !form.has('password');
    this.problem = '';
    this.errors = signedIn
      ? {}
      : {
          ...(!name && { name: 'Enter your name.' }),
          ...(password.length < 10 && { password: 'Use at least 10 characters.' }),
        };
    if (Object.keys(this.errors).length) return focusFirstProblem(this);
    this.busy = true;
    try {
      const { member } = await api.join({ token: this.token, ...(!signedIn && { name, password }) });
      const go = this.dispatchEvent(
        new CustomEvent('book-joined', { detail: member, bubbles: true, composed: true, cancelable: true }),
      );
      if (go) location.assign('/admin');
    } catch (e) {
      this.errors = fieldErrors(e);
      this.problem = errorText(e);
      await focusFirstProblem(this);
    } finally {
      this.busy = false;
    }
  }
}

define('book-join', BookJoin);

declare global {
  interface HTMLElementTagNameMap {
    'book-join': BookJoin;
  }
}
