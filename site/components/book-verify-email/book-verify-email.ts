import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import { errorText } from '../../lib/errors.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary The page the confirmation link opens: confirms the address with the link's token (a repeated sign-up's
 * link also signs in) and says how many guest bookings joined the account.
 *
 * @event book-email-verified - Confirmed; `detail` is `{ attached }`.
 */
export class BookVerifyEmail extends LitElement {
  static override styles = siteBase;

  @state() private result?: { ok: boolean; text: string; role?: string };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.verify(new URLSearchParams(location.search).get('token') ?? '');
  }

  override render() {
    if (!this.result) return html`<p class="loading" role="status">Confirming your email…</p>`;
    const home = this.result.role === 'provider' ? '/admin' : '/account';
    return html`<p class="notice ${this.result.ok ? '' : 'bad'}" role="status">${this.result.text}</p>
      ${this.result.ok ? html`<a class="button primary" href=${home}>Go to your account</a>` : nothing}
      ${this.result.ok ? nothing : html`<a class="button" href="/account">Send a new link from your account</a>`}`;
  }

  private async verify(token: string): Promise<void> {
    try {
      const r = await api.verifyEmail(token);
      const joined = r.attached
        ? ` ${r.attached} booking${r.attached === 1 ? '' : 's'} you made as a guest ${r.attached === 1 ? 'is' : 'are'} now in your account.`
        : '';
      const first = r.signedIn
        ? 'Thanks, your sign-up is confirmed and you are signed in.'
        : 'Thanks, your email address is confirmed.';
      this.result = { ok: true, text: `${first}${joined}`, role: r.role };
      this.dispatchEvent(
        new CustomEvent('book-email-verified', { detail: { attached: r.attached }, bubbles: true, composed: true }),
      );
    } catch (e) {
      this.result = { ok: false, text: errorText(e) };
    }
  }
}

define('book-verify-email', BookVerifyEmail);

declare global {
  interface HTMLElementTagNameMap {
    'book-verify-email': BookVerifyEmail;
  }
}
