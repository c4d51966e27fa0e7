import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Profile } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { emit } from '../../lib/events.js';
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

  private action = new ActionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // The page data may predate a change made in another tab.
    void api.profile().then((r) => (this.profile = r.profile)).catch(() => undefined);
  }

  override render() {
    return html`<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      <div class="panel">
        <book-profile-form mode="full" submit-label="Save profile" origin=${this.origin} .profile=${this.profile}
          .errors=${this.action.errors} ?busy=${this.action.busy} @book-profile-submit=${(e: CustomEvent<Profile>) => this.save(e.detail)}></book-profile-form>
      </div>`;
  }

  private save(profile: Profile): Promise<void> {
    return this.action.run(async () => {
      this.profile = (await api.saveProfile(profile)).profile;
      emit(this, 'book-profile-saved', this.profile);
      return 'Profile saved.';
    });
  }
}

define('book-profile-settings', BookProfileSettings);

declare global {
  interface HTMLElementTagNameMap {
    'book-profile-settings': BookProfileSettings;
  }
}
