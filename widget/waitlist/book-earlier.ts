import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingApi } from '../api/client.js';
import type { Booking, Service, TeamMember, WaitlistEntry } from '../api/types.js';
import { define } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { inLine, text, waitEarlier } from './waitlist.js';

/**
 * @summary "Notify me if an earlier time frees up" on the confirmation of a one-to-one booking: one tap puts it on
 * the waitlist (any day, any time; for a team, anyone who performs the service), then it says the place in line.
 * Nothing for a class, or a booking without its manage link.
 *
 * @csspart waitlist - The button.
 *
 * @property client - The widget's API client.
 * @property booking - The booking just made (its manage link's token is the key).
 * @property service - The booked service.
 * @property team - The members who perform the service: with more than one, an earlier time of anyone will do.
 * @property locale - The widget's resolved locale.
 */
export class BookEarlier extends LitElement {
  static override styles = base;

  @property({ attribute: false }) client?: BookingApi;
  @property({ attribute: false }) booking?: Booking;
  @property({ attribute: false }) service?: Service;
  @property({ attribute: false }) team: TeamMember[] = [];
  @property() locale = '';

  @state() private entry?: WaitlistEntry | 'busy' | 'failed' | undefined;

  override render() {
    if ((this.service?.seats ?? 1) > 1 || !this.booking?.manageUrl.includes('token=')) return nothing;
    const t = text(this.locale);
    const w = this.entry;
    return html`<p role="status">${
      typeof w === 'object'
        ? `✓ ${t.waitEarlier} ${inLine(t, w)}`
        : html`<button class="link" part="waitlist" ?disabled=${w === 'busy'} @click=${this.tap}>${t.tellEarlier}</button>
          ${w === 'failed' ? t.failed : nothing}`
    }</p>`;
  }

  private async tap(): Promise<void> {
    this.entry = 'busy';
    this.entry = await waitEarlier(this.client!, this.booking!, this.team.length > 1).catch(() => 'failed' as const);
  }
}

define('book-earlier', BookEarlier);

declare global {
  interface HTMLElementTagNameMap {
    'book-earlier': BookEarlier;
  }
}
