import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Profile, ServiceInput, WeeklyInterval } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { embedSnippet } from '../../lib/embed.js';
import { emit } from '../../lib/events.js';
import { siteBase } from '../../styles/components.js';
import '../book-copy-button/book-copy-button.js';
import '../book-profile-form/book-profile-form.js';
import { defaultProfile } from '../book-profile-form/book-profile-form.js';
import '../book-rules-form/book-rules-form.js';
import { defaultRules, type RulesInput } from '../book-rules-form/book-rules-form.js';
import '../book-service-form/book-service-form.js';
import { defaultService } from '../book-service-form/book-service-form.js';
import '../book-week-editor/book-week-editor.js';
import { styles } from './book-onboarding.styles.js';

type Step = 'profile' | 'service' | 'hours' | 'rules' | 'done';
const STEPS: { step: Step; label: string }[] = [
  { step: 'profile', label: 'Profile' },
  { step: 'service', label: 'First service' },
  { step: 'hours', label: 'Weekly hours' },
  { step: 'rules', label: 'Booking rules' },
  { step: 'done', label: 'Done' },
];
/** Made once: a new object each render would reset what the owner typed. */
const ONBOARDING_RULES = defaultRules();
const WEEKDAYS_9_TO_5: WeeklyInterval[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

/**
 * @summary The provider's first-run wizard: profile → first service → weekly hours → booking rules and
 * cancellation policy (sensible defaults: 1 hour notice, 60 days ahead, cancel online until 24 hours before) → done, with the booking link
 * and the embed snippet. Each step is saved as it is completed, so leaving half-way loses nothing.
 *
 * @event book-onboarded - The wizard reached its end; `detail` is the saved `Profile`.
 * @csspart steps - The step indicator.
 *
 * @property profile - The profile, when one exists already (the wizard then starts from it).
 * @property origin - The site's public origin, for the links it shows.
 * @property emailVerified - The owner confirmed their email address; until then the directory does not list the business.
 */
export class BookOnboarding extends LitElement {
  static override styles = [siteBase, styles];

  @property({ attribute: false }) profile: Profile | null = null;
  @property() origin = location.origin;
  @property({ type: Boolean, attribute: 'email-verified' }) emailVerified = false;

  @state() private step: Step = 'profile';
  private action = new ActionController(this, { fieldsProblem: 'Please check the highlighted fields.' });
  @state() private service: ServiceInput = defaultService();
  @state() private saved?: Profile;

  override render() {
    const index = STEPS.findIndex((s) => s.step === this.step);
    return html`<ol class="steps" part="steps" aria-label="Progress">
        ${STEPS.map(
          (s, i) => html`<li class=${i < index ? 'done' : ''} aria-current=${i === index ? 'step' : nothing}>
            ${s.label}${i < index ? html`<span class="sr-only"> (done)</span>` : nothing}
          </li>`,
        )}
      </ol>
      <p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <div class="panel">${this.renderStep()}</div>`;
  }

  private renderStep() {
    switch (this.step) {
      case 'profile':
        return html`<h2 tabindex="-1">Tell customers about your business</h2>
          <p class="muted" data-directory-note>Your business appears in the directory once you have confirmed your email
            address with the link we sent you. Your booking link and widget work right away.</p>
          <book-profile-form mode="onboarding" submit-label="Save and continue" origin=${this.origin}
            .profile=${this.saved ?? this.profile ?? defaultProfile()} .errors=${this.action.errors} ?busy=${this.action.busy}
            @book-profile-submit=${(e: CustomEvent<Profile>) => this.saveProfile(e.detail)}></book-profile-form>`;
      case 'service':
        return html`<h2 tabindex="-1">Add your first service</h2>
          <p class="muted">What can customers book? You can add more services later.</p>
          <book-service-form compact submit-label="Save and continue" .service=${this.service} .errors=${this.action.errors} ?busy=${this.action.busy}
            @book-service-submit=${(e: CustomEvent<ServiceInput>) => this.saveService(e.detail)}></book-service-form>`;
      case 'hours':
        return html`<h2 tabindex="-1">When are you open?</h2>
          <p class="muted">Customers can book inside these hours (${this.saved?.timeZone.replace(/_/g, ' ')}). Add breaks as separate intervals.</p>
          <book-week-editor submit-label="Save and continue" .intervals=${WEEKDAYS_9_TO_5} ?busy=${this.action.busy}
            @book-week-submit=${(e: CustomEvent<WeeklyInterval[]>) => this.saveHours(e.detail)}></book-week-editor>`;
      case 'rules':
        return html`<h2 tabindex="-1">How customers book and cancel</h2>
          <p class="muted">These defaults suit most businesses; change them now or later under Profile &amp; rules.</p>
          <book-rules-form submit-label="Save and finish" .value=${ONBOARDING_RULES} .errors=${this.action.errors} ?busy=${this.action.busy}
            @book-rules-submit=${(e: CustomEvent<RulesInput>) => this.saveRules(e.detail)}></book-rules-form>`;
      case 'done':
        return this.renderDone();
    }
  }

  private renderDone() {
    const slug = this.saved!.slug;
    const link = `${this.origin}/p/${slug}`;
    const snippet = embedSnippet({ origin: this.origin, provider: slug });
    return html`<h2 tabindex="-1">You're ready to take bookings</h2>
      <p>Share your booking link, or put the booking widget on your own website.</p>
      ${
        this.emailVerified
          ? nothing
          : html`<p class="notice" data-directory-note>To be listed in the directory, confirm your email address: open the link
            we sent you.</p>`
      }
      <dl class="done-links">
        <dt>Your booking link</dt>
        <dd class="link-row"><a href=${link} data-booking-link>${link}</a> <book-copy-button value=${link} label="Copy link"></book-copy-button></dd>
        <dt>Direct link to book</dt>
        <dd class="link-row"><a href="${link}/book">${link}/book</a> <book-copy-button value="${link}/book" label="Copy link"></book-copy-button></dd>
        <dt>Embed on your website</dt>
        <dd><pre><code>${snippet}</code></pre><book-copy-button value=${snippet} label="Copy snippet"></book-copy-button>
          <a href="/admin/embed">Customise the widget</a></dd>
      </dl>
      <a class="button primary" href="/admin">Go to your dashboard</a>`;
  }

  private go(step: Step): void {
    this.step = step;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  private saveProfile(profile: Profile): Promise<void> {
    return this.action.run(async () => {
      const { profile: saved } = await api.saveProfile({ ...(this.profile ?? {}), ...profile });
      this.saved = saved;
      this.go('service');
    });
  }

  private saveService(service: ServiceInput): Promise<void> {
    this.service = service;
    return this.action.run(async () => {
      await api.createService(service);
      this.go('hours');
    });
  }

  private saveHours(intervals: WeeklyInterval[]): Promise<void> {
    return this.action.run(async () => {
      await api.saveWeekly(intervals);
      this.go('rules');
    });
  }

  private saveRules(rules: RulesInput): Promise<void> {
    return this.action.run(async () => {
      this.saved = (await api.saveProfile({ ...this.saved!, ...rules })).profile;
      this.go('done');
      emit(this, 'book-onboarded', this.saved);
    });
  }
}

define('book-onboarding', BookOnboarding);

declare global {
  interface HTMLElementTagNameMap {
    'book-onboarding': BookOnboarding;
  }
}
