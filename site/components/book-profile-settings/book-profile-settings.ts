import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Profile, ProfileImage } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { emit } from '../../lib/events.js';
import { siteBase } from '../../styles/components.js';
import '../book-profile-form/book-profile-form.js';
import '../book-profile-images/book-profile-images.js';
import '../book-rules-form/book-rules-form.js';
import { defaultRules, type RulesInput } from '../book-rules-form/book-rules-form.js';

/** The profile's rules and policy as the rules form edits them (a server without policies: none). */
export const rulesOf = (p: Profile): RulesInput => ({
  bookingRules: p.bookingRules,
  policy: p.policy ?? { ...defaultRules().policy, cutoffHours: 0 },
});

/**
 * @summary The business profile with booking rules and reminder emails, saved to the server; the logo and photos; and "Close business"
 * (the slug typed again confirms it): upcoming customers are told, the directory drops it, its data goes 30 days later.
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

  @state() private images: ProfileImage[] = [];

  private action = new ActionController(this);
  /** Made once per profile, so a re-render (say, while saving) does not reset what the owner typed. */
  private rules?: RulesInput;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile')) this.rules = rulesOf(this.profile);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The page data may predate a change made in another tab.
    void api
      .profile()
      .then((r) => (this.profile = r.profile))
      .catch(() => undefined);
    void api
      .images()
      .then((r) => (this.images = r.images))
      .catch(() => undefined);
  }

  override render() {
    return html`<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      <div class="panel">
        <book-profile-form mode="full" submit-label="Save profile" origin=${this.origin} .profile=${this.profile}
          .errors=${this.action.errors} ?busy=${this.action.busy} @book-profile-submit=${(e: CustomEvent<Profile>) => this.save(e.detail)}></book-profile-form>
      </div>
      <section class="panel" aria-labelledby="rules-h" id="rules">
        <h2 id="rules-h">Booking rules and cancellation policy</h2>
        <book-rules-form .value=${this.rules} .errors=${this.action.errors} ?busy=${this.action.busy}
          @book-rules-submit=${(e: CustomEvent<RulesInput>) => this.save({ ...this.profile, ...e.detail }, 'Booking rules saved.')}></book-rules-form>
      </section>
      <div class="panel">
        <book-profile-images .images=${this.images} ?busy=${this.action.busy}
          @book-image-upload=${(e: CustomEvent<{ kind: ProfileImage['kind']; file: File }>) => this.changeImages(() => api.uploadImage(e.detail.kind, e.detail.file), 'Image saved.')}
          @book-image-remove=${(e: CustomEvent<number>) => this.changeImages(() => api.removeImage(e.detail), 'Image removed.')}
          @book-image-reorder=${(e: CustomEvent<number[]>) => this.changeImages(() => api.reorderPhotos(e.detail), 'Photos reordered.')}></book-profile-images>
      </div>
      ${this.renderClose()}`;
  }

  private renderClose() {
    const closedAt = this.profile.closedAt;
    if (closedAt) {
      const purge = new Date(Date.parse(closedAt) + 30 * 86_400_000).toLocaleDateString();
      return html`<section class="panel" aria-labelledby="close-h" data-closed>
        <h2 id="close-h">Business closed</h2>
        <p>Your business is closed: it is out of the directory and takes no bookings. Its data is deleted on ${purge}.</p>
      </section>`;
    }
    return html`<section class="panel" aria-labelledby="close-h">
      <h2 id="close-h">Close business</h2>
      <p>Your page and the directory entry go at once and nobody can book. Customers with upcoming appointments get a
        cancellation email. After 30 days, your appointments, customers' details, reviews and account are deleted.</p>
      <form @submit=${this.close} data-close>
        <div class="field"><label for="close-confirm">Type <strong>${this.profile.slug}</strong> to confirm</label>
          <input id="close-confirm" name="confirm" autocomplete="off" required /></div>
        <button class="danger" type="submit" ?disabled=${this.action.busy}>Close business</button>
      </form>
    </section>`;
  }

  private close = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const confirm = String(new FormData(event.target as HTMLFormElement).get('confirm') ?? '');
    return this.action.run(async () => {
      await api.closeBusiness(confirm);
      this.profile = (await api.profile()).profile;
      emit(this, 'book-profile-saved', this.profile);
      return 'Your business is closed. Customers with upcoming appointments are being told by email.';
    });
  };

  /** Any change to the pictures, then the list as the server now has it. */
  private changeImages(change: () => Promise<unknown>, done: string): Promise<void> {
    return this.action.run(async () => {
      await change();
      this.images = (await api.images()).images;
      return done;
    });
  }

  private save(profile: Profile, done = 'Profile saved.'): Promise<void> {
    return this.action.run(async () => {
      this.profile = (await api.saveProfile(profile)).profile;
      emit(this, 'book-profile-saved', this.profile);
      return done;
    });
  }
}

define('book-profile-settings', BookProfileSettings);

declare global {
  interface HTMLElementTagNameMap {
    'book-profile-settings': BookProfileSettings;
  }
}
