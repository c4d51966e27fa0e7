import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { Profile, User } from '../../api/types.js';
import { pageData } from '../../lib/page-data.js';
import { AreaRouter, navigate } from '../../lib/router.js';
import { adminRoutes, matchRoute, staffViews, type AdminView as View } from '../../lib/routes.js';
import { siteBase } from '../../styles/components.js';
import '../book-appointment-detail/book-appointment-detail.js';
import '../book-admin-reviews/book-admin-reviews.js';
import '../book-api-keys/book-api-keys.js';
import '../book-calendar-connections/book-calendar-connections.js';
import '../book-dashboard/book-dashboard.js';
import '../book-email-banner/book-email-banner.js';
import '../book-email-log/book-email-log.js';
import '../book-embed-generator/book-embed-generator.js';
import '../book-onboarding/book-onboarding.js';
import '../book-profile-settings/book-profile-settings.js';
import '../book-schedule-editor/book-schedule-editor.js';
import '../book-services-editor/book-services-editor.js';
import '../book-team/book-team.js';
import '../book-webhooks/book-webhooks.js';
import { styles } from './book-admin-app.styles.js';

const NAV: [href: string, label: string][] = [
  ['/admin', 'Dashboard'],
  ['/admin/services', 'Services'],
  ['/admin/schedule', 'Opening hours'],
  ['/admin/team', 'Team'],
  ['/admin/profile', 'Profile & rules'],
  ['/admin/reviews', 'Reviews'],
  ['/admin/emails', 'Email log'],
  ['/admin/calendar', 'Calendar'],
  ['/admin/embed', 'Embed'],
  ['/admin/api-keys', 'API keys'],
  ['/admin/webhooks', 'Webhooks'],
];

/** A staff member's navigation: their own work, and the way out (the team view shows them only that). */
const STAFF_NAV: [href: string, label: string][] = [
  ['/admin', 'Dashboard'],
  ['/admin/schedule', 'Your hours'],
  ['/admin/calendar', 'Calendar'],
  ['/admin/team', 'Leave the business'],
];

/**
 * @summary The provider admin: navigation and the view for the current `/admin/…` URL (client-side routing,
 * every URL also served by the server). Starts from the page data the server rendered (user, profile).
 *
 * @csspart nav - The admin navigation.
 */
export class BookAdminApp extends LitElement {
  static override styles = [siteBase, styles];

  private readonly router = new AreaRouter(this, '/admin', (path) => {
    if (!this.profile && path !== '/admin/onboarding') {
      navigate('/admin/onboarding');
      return false;
    }
    window.scrollTo(0, 0);
  });
  @state() private profile: Profile | null = null;
  @state() private user?: User | undefined;
  private origin = location.origin;

  override connectedCallback(): void {
    super.connectedCallback();
    const data = pageData<{ user: User; provider: Profile | null; appUrl: string }>();
    this.user = data?.user;
    this.profile = data?.provider ?? null;
    this.origin = data?.appUrl ?? location.origin;
  }

  /** A staff member sees and may change only their own work (servers before teams send no `me`: the owner). */
  private get staff(): boolean {
    return this.profile?.me?.role === 'staff';
  }

  override render() {
    const match = matchRoute(adminRoutes, this.router.path);
    if (!match) return html`<p>Page not found. <a href="/admin">Back to the dashboard</a></p>`;
    const { route, params } = match;
    document.title = `${route.title} · Book your services`;
    const onboarding = route.view === 'onboarding' || !this.profile;
    return html`<div class="layout ${onboarding ? 'solo' : ''}">
      ${
        onboarding
          ? nothing
          : html`<nav part="nav" aria-label="Admin">
            <ul>
              ${(this.staff ? STAFF_NAV : NAV).map(([href, label]) => {
                const current =
                  href === '/admin'
                    ? route.view === 'dashboard' || route.view === 'appointment'
                    : this.router.path.startsWith(href);
                return html`<li><a href=${href} aria-current=${current ? 'page' : nothing}>${label}</a></li>`;
              })}
              <li><a href="/p/${this.profile!.slug}" target="_blank">Your public page ↗</a></li>
            </ul>
          </nav>`
      }
      <section class="view" aria-labelledby="view-title">
        <div class="title">
          <h1 id="view-title" tabindex="-1">${route.title}</h1>
          ${route.view === 'dashboard' && this.profile ? html`<span class="muted">${this.profile.name} · ${this.user?.email}</span>` : nothing}
        </div>
        ${
          this.staff && !staffViews.has(route.view)
            ? html`<p>This page is for the owner and admins of ${this.profile!.name}. <a href="/admin">Back to the dashboard</a></p>`
            : this.renderView(route.view, params)
        }
      </section>
    </div>`;
  }

  private renderView(view: View, params: string[]) {
    const profile = this.profile!;
    switch (view) {
      case 'onboarding':
        return html`<book-onboarding .profile=${this.profile} origin=${this.origin} ?email-verified=${this.user?.emailVerified}
          @book-onboarded=${(e: CustomEvent<Profile>) => (this.profile = e.detail)}></book-onboarding>`;
      case 'dashboard':
        // The email banner is about the business's delivery, which staff may not look into.
        return html`${this.staff ? nothing : html`<book-email-banner></book-email-banner>`}<book-dashboard .profile=${profile}></book-dashboard>`;
      case 'appointment':
        return html`<book-appointment-detail appointment-id=${params[0]!} .profile=${profile}></book-appointment-detail>`;
      case 'services':
        return html`<book-services-editor .profile=${profile} origin=${this.origin}></book-services-editor>`;
      case 'schedule':
        return html`<book-schedule-editor .profile=${profile}></book-schedule-editor>`;
      case 'profile':
        return html`<book-profile-settings .profile=${profile} origin=${this.origin}
          @book-profile-saved=${(e: CustomEvent<Profile>) => (this.profile = e.detail)}></book-profile-settings>`;
      case 'reviews':
        return html`<book-admin-reviews .profile=${profile}></book-admin-reviews>`;
      case 'calendar':
        return html`<book-calendar-connections .profile=${profile} origin=${this.origin}></book-calendar-connections>`;
      case 'emails':
        return html`<book-email-banner></book-email-banner><book-email-log></book-email-log>`;
      case 'embed':
        return html`<book-embed-generator .profile=${profile} origin=${this.origin}></book-embed-generator>`;
      case 'webhooks':
        return html`<book-webhooks time-zone=${profile.timeZone}></book-webhooks>`;
      case 'team':
        return html`<book-team .profile=${profile} @book-team-left=${() => location.assign('/')}></book-team>`;
      case 'api-keys':
        return html`<book-api-keys></book-api-keys>`;
    }
  }
}

define('book-admin-app', BookAdminApp);

declare global {
  interface HTMLElementTagNameMap {
    'book-admin-app': BookAdminApp;
  }
}
