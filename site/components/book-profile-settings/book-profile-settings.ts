import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Profile } from '../../api/types.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { siteBase } from '../../styles/components.js';
import '../book-profile-form/book-profile-form.js';

/**
 * @summary The business profile with booking rules and reminder emails, saved to the server.
 *
 * @event book-profile-saved - Saved; `detail` is the stored `Profile`.
 *
 * @property profile - The current profile.
 * @property origin - The site's public origin (shown with the page address).
 */
export class BookProfileSettings extends LitElement {
  static override styles = siteBase;

  @property({ attribute: false }) profile!: Profile;
  @property() origin = location.origin;

  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private problem = '';
  @state() private status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // The page data may predate a change made in another tab.
    void api.profile().then((r) => (this.profile = r.profile)).catch(() => undefined);
  }

  override render() {
    return html`<p class="notice bad" role="alert" tabindex="-1">${this.problem}</p>
      <p class="notice" role="status">${this.status}</p>
      <div class="panel">
        <book-profile-form mode="full" submit-label="Save profile" origin=${this.origin} .profile=${this.profile}
          .errors=${this.errors} ?busy=${this.busy} @book-profile-submit=${(e: CustomEvent<Profile>) => this.save(e.detail)}></book-profile-form>
      </div>`;
  }

  private async save(profile: Profile): Promise<void> {
    this.busy = true;
    this.problem = '';
    this.status = '';
    try {
      this.profile = (await api.saveProfile(profile)).profile;
      this.errors = {};
      this.status = 'Profile saved.';
      this.dispatchEvent(new CustomEvent('book-profile-saved', { detail: this.profile, bubbles: true, composed: true }));
    } catch (e) {
      this.errors = fieldErrors(e);
      this.problem = errorText(e);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="alert"]')?.focus();
    } finally {
      this.busy = false;
    }
  }
}

define('book-profile-settings', BookProfileSettings);

declare global {
  interface HTMLElementTagNameMap {
    'book-profile-settings': BookProfileSettings;
  }
}
