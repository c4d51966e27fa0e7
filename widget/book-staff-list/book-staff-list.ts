import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { TeamMember } from '../api/types.js';
import { resolveLocale } from '../i18n/messages.js';
import { define, emit } from '../lib/define.js';
import { base, choiceList } from '../styles/shared.js';
import { styles } from './book-staff-list.styles.js';

/** The choice that leaves the member to the server: whoever is free at the picked time. */
export const ANY_STAFF = 'any';

/**
 * @summary Who should serve the customer: "Any available" first, then each member who performs the chosen service,
 * with their photo (or initials) and bio line; one click picks.
 *
 * @event book-staff-select - A choice was made; `detail` is a member's slug or `any`.
 * @csspart staff - Each choice's button.
 * @csspart avatar - A member's photo or initials.
 * @cssprop [--book-avatar-size=2.75rem] - The photo's width and height.
 *
 * @property members - The members to offer (those performing the service), in the business's order.
 * @property selected - The chosen member's slug, or `any`.
 * @property locale - BCP 47 locale for the "Any available" text.
 */
export class BookStaffList extends LitElement {
  static override styles = [base, choiceList, styles];

  @property({ attribute: false }) members: TeamMember[] = [];
  @property() selected: string = ANY_STAFF;
  @property() locale = '';

  override render() {
    const { msg } = resolveLocale(this.locale);
    return html`<ul>
      ${this.choice(ANY_STAFF, html`<span class="avatar" part="avatar" aria-hidden="true">✱</span>`, msg.anyStaff, msg.anyStaffHint)}
      ${this.members.map((m) =>
        this.choice(
          m.slug,
          m.photoUrl
            ? html`<img class="avatar" part="avatar" src=${m.photoUrl} alt="" width="44" height="44" loading="lazy" />`
            : html`<span class="avatar" part="avatar" aria-hidden="true">${m.initials}</span>`,
          m.name,
          m.bio,
        ),
      )}
    </ul>`;
  }

  private choice(slug: string, avatar: unknown, name: string, bio: string) {
    return html`<li>
      <button part="staff" aria-pressed=${slug === this.selected} @click=${() => emit(this, 'book-staff-select', slug)}>
        ${avatar}
        <span class="name">${name}</span>
        <span class="bio">${bio}</span>
      </button>
    </li>`;
  }
}

define('book-staff-list', BookStaffList);

declare global {
  interface HTMLElementTagNameMap {
    'book-staff-list': BookStaffList;
  }
}
