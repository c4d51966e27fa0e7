import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { Profile } from '../../api/types.js';
import { browserZone } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';

const zones = (): string[] =>
  (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [browserZone()];

/** "Studio Anna (Berlin)" → "studio-anna-berlin": the page address suggested from the business name. */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export const defaultProfile = (): Profile => ({
  slug: '',
  name: '',
  category: '',
  description: '',
  city: '',
  address: '',
  phone: '',
  timeZone: browserZone(),
  bookingRules: { minNoticeMinutes: 60, maxDaysAhead: 60, slotStepMinutes: 30 },
});

/**
 * @summary The business profile: name, page address, category, place, contact, time zone and — in `full`
 * mode — reminder emails. Booking rules and the policy have their own form (`book-rules-form`).
 *
 * @event book-profile-submit - Valid form submitted; `detail` is the `Profile`.
 * @csspart form - The form.
 *
 * @property profile - The profile to edit (a new one when empty).
 * @property mode - `onboarding` (the essentials) or `full` (with notifications).
 * @property errors - Field errors from the server, keyed like `bookingRules.maxDaysAhead`.
 * @property busy - Disables the submit button while saving.
 * @property submitLabel - The submit button's text.
 * @property origin - The site's origin, to show the page address.
 */
export class BookProfileForm extends LitElement {
  static override styles = siteBase;

  @property({ attribute: false }) profile: Profile = defaultProfile();
  @property() mode: 'onboarding' | 'full' = 'full';
  @property({ attribute: false }) errors: Record<string, string> = {};
  @property({ type: Boolean }) busy = false;
  @property({ attribute: 'submit-label' }) submitLabel = 'Save';
  @property() origin = location.origin;

  @state() private draft: Profile = defaultProfile();
  /** Until the slug is typed by hand, it follows the name. */
  private slugTouched = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile')) {
      this.draft = structuredClone(this.profile);
      this.slugTouched = Boolean(this.profile.slug);
    }
  }

  override render() {
    const d = this.draft;
    const full = this.mode === 'full';
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      <div class="grid2">
        ${this.text('name', 'Business name', d.name, { required: true, autocomplete: 'organization' })}
        ${this.text('slug', 'Page address', d.slug, { hint: `${this.origin}/p/${d.slug || '…'}`, required: true })}
        ${this.text('category', 'Category', d.category, { hint: 'For example: Hair salon, Physiotherapy, Yoga' })}
        ${this.text('city', 'City', d.city, { autocomplete: 'address-level2' })}
        ${this.text('address', 'Address', d.address, { autocomplete: 'street-address' })}
        ${this.text('phone', 'Phone', d.phone, { type: 'tel', autocomplete: 'tel' })}
      </div>
      <div class="field">
        <label for="timeZone">Time zone</label>
        <select id="timeZone" @change=${(e: Event) => this.set({ timeZone: (e.target as HTMLSelectElement).value })}>
          ${[...new Set([d.timeZone, ...zones()])].map((z) => html`<option value=${z} ?selected=${z === d.timeZone}>${z.replace(/_/g, ' ')}</option>`)}
        </select>
        <span class="hint">Your opening hours are in this zone; customers see times in their own.</span>
      </div>
      <div class="field">
        <label for="description">Description</label>
        <textarea id="description" maxlength="4000" .value=${d.description}
          @input=${(e: Event) => this.set({ description: (e.target as HTMLTextAreaElement).value })}></textarea>
        ${this.error('description')}
      </div>
      ${full ? this.renderNotifications() : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
    </form>`;
  }

  private renderNotifications() {
    const notifications = this.draft.notifications;
    if (!notifications) return nothing;
    // Read at the change, not at the render: two changes may come before the next render.
    const notify = (patch: Partial<typeof notifications>) =>
      this.set({ notifications: { ...notifications, ...this.draft.notifications, ...patch } });
    return html`<h3>Emails to customers</h3>
      <div class="field">
        <label for="reminder">Reminder email to customers</label>
        <select id="reminder" @change=${(e: Event) => notify({ reminder: (e.target as HTMLSelectElement).value as 'off' })}>
          ${(['24h', '2h', 'off'] as const).map(
            (v) => html`<option value=${v} ?selected=${this.draft.notifications?.reminder === v}>
              ${v === 'off' ? 'No reminder' : `${v.replace('h', '')} hours before`}
            </option>`,
          )}
        </select>
      </div>
      ${
        notifications.ownerCopies === undefined
          ? nothing
          : html`<label class="check"><input id="owner-copies" type="checkbox" .checked=${notifications.ownerCopies}
              @change=${(e: Event) => notify({ ownerCopies: (e.target as HTMLInputElement).checked })} />
              Send me a copy of the emails about my team members' appointments</label>`
      }`;
  }

  private text(
    name: 'name' | 'slug' | 'category' | 'city' | 'address' | 'phone',
    label: string,
    value: string,
    options: { hint?: string; required?: boolean; type?: string; autocomplete?: string } = {},
  ) {
    const describedBy = [options.hint && `${name}-hint`, this.errors[name] && `${name}-error`]
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label for=${name}>${label}${options.required ? nothing : html` <span class="hint">(optional)</span>`}</label>
      <input id=${name} type=${options.type ?? 'text'} .value=${value} autocomplete=${options.autocomplete ?? 'off'}
        ?required=${options.required} aria-invalid=${Boolean(this.errors[name])} aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this.handleText(name, (e.target as HTMLInputElement).value)} />
      ${options.hint ? html`<span class="hint" id="${name}-hint">${options.hint}</span>` : nothing} ${this.error(name)}
    </div>`;
  }

  private error(name: string) {
    return this.errors[name] ? html`<p class="error" id="${name}-error">${this.errors[name]}</p>` : nothing;
  }

  private handleText(name: string, value: string): void {
    if (name === 'slug') this.slugTouched = true;
    const patch: Partial<Profile> = { [name]: value };
    if (name === 'name' && !this.slugTouched) patch.slug = slugify(value);
    this.set(patch);
  }

  private set(patch: Partial<Profile>): void {
    this.draft = { ...this.draft, ...patch };
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const d = { ...this.draft, slug: slugify(this.draft.slug) || slugify(this.draft.name) };
    const errors: Record<string, string> = {};
    if (!d.name.trim()) errors.name = 'Enter the name customers know you by.';
    if (d.slug.length < 3) errors.slug = 'Use at least 3 letters or digits.';
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.draft = d;
    this.dispatchEvent(new CustomEvent('book-profile-submit', { detail: d, bubbles: true, composed: true }));
  }
}

define('book-profile-form', BookProfileForm);

declare global {
  interface HTMLElementTagNameMap {
    'book-profile-form': BookProfileForm;
  }
}
