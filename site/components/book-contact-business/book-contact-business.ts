import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { formatHours } from '../../../widget/i18n/format.js';
import { define } from '../../../widget/lib/define.js';
import type { CustomerBooking } from '../../api/types.js';
import { LOCALE } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';

/** Past the business's cut-off, the customer can no longer cancel or move the booking online (the API refuses). */
export const pastCutoff = (b: CustomerBooking, now = Date.now()): boolean =>
  Boolean(b.policy?.changeableUntil && Date.parse(b.policy.changeableUntil) <= now);

/**
 * @summary What a customer sees instead of "Reschedule" and "Cancel" once the business's cut-off has passed: why,
 * and the business's phone and email to call or write (links, not a form).
 *
 * @csspart contact - The box.
 *
 * @property booking - The customer's booking, with its provider's phone and email and the policy.
 */
export class BookContactBusiness extends LitElement {
  static override styles = siteBase;

  @property({ attribute: false }) booking!: CustomerBooking;

  override render() {
    const { provider: p, policy } = this.booking;
    const cutoff = policy ? formatHours(policy.cutoffHours, LOCALE) : '';
    return html`<div class="notice" part="contact" data-contact>
      <p>It is too late to cancel or reschedule online: ${p.name} takes changes online up to ${cutoff} before the
        appointment. Please contact ${p.name}.</p>
      <p class="row">
        ${p.phone ? html`<a class="button" href="tel:${p.phone.replace(/[^\d+]/g, '')}">Call ${p.phone}</a>` : nothing}
        ${p.email ? html`<a class="button" href="mailto:${p.email}">Email ${p.email}</a>` : nothing}
      </p>
    </div>`;
  }
}

define('book-contact-business', BookContactBusiness);

declare global {
  interface HTMLElementTagNameMap {
    'book-contact-business': BookContactBusiness;
  }
}
