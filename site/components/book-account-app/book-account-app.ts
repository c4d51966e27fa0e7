import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Email, User } from '../../api/types.js';
import { errorText } from '../../lib/errors.js';
import { pageData } from '../../lib/page-data.js';
import { AreaRouter } from '../../lib/router.js';
import { accountRoutes, matchRoute, type AccountView as View } from '../../lib/routes.js';
import { siteBase } from '../../styles/components.js';
import '../book-account-settings/book-account-settings.js';
import '../book-mailbox/book-mailbox.js';
import '../book-my-appointments/book-my-appointments.js';

/**
 * @summary The customer's account: "My appointments", "My emails" and settings, with a reminder to confirm the
 * email address (which brings in bookings made as a guest).
 *
 * @csspart tabs - The section links.
 */
export class BookAccountApp extends LitElement {
  static override styles = [
    siteBase,
    css`
      /* The tabs wrap on a phone rather than cut their titles off or scroll out of sight. */
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.25rem;
        border-bottom: 1px solid var(--book-surface);
        margin-bottom: 1rem;
      }
      nav a {
        display: flex;
        align-items: center;
        min-height: 2.75rem;
        padding: 0.4rem 0.6rem;
        color: var(--book-fg);
        text-decoration: none;
        white-space: nowrap;
      }
      nav a[aria-current='page'] {
        box-shadow: inset 0 -3px 0 var(--book-accent);
        font-weight: 600;
      }
      h1 {
        font-size: 1.6rem;
        margin: 0 0 0.75rem;
      }
      h1:focus {
        outline: none;
      }
    `,
  ];

  private readonly router = new AreaRouter(this, '/account', (path) => {
    if (path === '/account/emails') this.emails = undefined;
  });
  @state() private user?: User | undefined;
  @state() private emails?: Email[] | undefined;
  @state() private verification = '';
  @state() private problem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.user = pageData<{ user: User }>()?.user;
  }

  override render() {
    const match = matchRoute(accountRoutes, this.router.path);
    if (!match || !this.user) return html`<p>Page not found. <a href="/account">My appointments</a></p>`;
    const { route } = match;
    document.title = `${route.title} · Book your services`;
    return html`<h1 tabindex="-1">${route.title}</h1>
      <nav part="tabs" aria-label="Account">
        <ul>
          ${accountRoutes.map((r) => {
            const href = r.view === 'appointments' ? '/account' : `/account/${r.view}`;
            return html`<li><a href=${href} aria-current=${r === route ? 'page' : nothing}>${r.title}</a></li>`;
          })}
        </ul>
      </nav>
      ${this.user.emailVerified ? nothing : this.renderVerify()}
      ${this.renderView(route.view)}`;
  }

  private renderVerify() {
    return html`<div class="notice" role="status">
      <p><strong>Confirm your email address.</strong> Bookings you made as a guest with ${this.user!.email} then show up here.</p>
      ${
        this.verification
          ? html`<p>${this.verification}</p>`
          : html`<button class="primary" @click=${this.requestLink}>Send me a confirmation link</button>`
      }
    </div>`;
  }

  private renderView(view: View) {
    switch (view) {
      case 'appointments':
        return html`<book-my-appointments></book-my-appointments>`;
      case 'emails':
        if (!this.emails) void this.loadEmails();
        return html`<p class="notice bad" role="alert">${this.problem}</p>
          ${
            this.emails
              ? html`<book-mailbox .emails=${this.emails} empty="No emails yet. Booking confirmations and reminders show up here."></book-mailbox>`
              : html`<p class="loading" role="status">Loading your emails…</p>`
          }`;
      case 'settings':
        return html`<book-account-settings .user=${this.user!}></book-account-settings>`;
    }
  }

  private async loadEmails(): Promise<void> {
    try {
      this.emails = (await api.myEmails()).emails;
    } catch (e) {
      this.problem = errorText(e);
      this.emails = [];
    }
  }

  private requestLink = async (): Promise<void> => {
    try {
      const r = await api.requestVerification();
      if (r.emailVerified) this.user = { ...this.user!, emailVerified: true };
      this.verification = `We sent a link to ${this.user!.email}. It is also in My emails.`;
      this.emails = undefined;
    } catch (e) {
      this.verification = errorText(e);
    }
  };
}

define('book-account-app', BookAccountApp);

declare global {
  interface HTMLElementTagNameMap {
    'book-account-app': BookAccountApp;
  }
}
