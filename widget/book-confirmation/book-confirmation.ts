import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Booking, Money } from '../api/types.js';
import { formatDate, formatPrice, formatTime } from '../i18n/format.js';
import { fill, resolveLocale } from '../i18n/messages.js';
import { localDate } from '../lib/dates.js';
import { define, emit } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { styles } from './book-confirmation.styles.js';

/**
 * @summary The success screen: where the confirmation was emailed, what was booked (with whom, when, price, where), "add to
 * calendar" (.ics for Apple and Outlook, and Google) and the manage link.
 *
 * @event book-restart - The customer wants to book another appointment.
 * @csspart calendar-link - The .ics and Google Calendar links.
 * @csspart manage-link - The link to manage or cancel the booking.
 * @slot - Shown below what was booked (the widget puts the business's policy there).
 *
 * @property booking - The booking the API returned.
 * @property service - The booked service's name.
 * @property email - The address the confirmation went to (the one the customer typed).
 * @property price - The service's price.
 * @property address - The business's (public) address.
 * @property timeZone - The IANA zone to show the time in.
 * @property locale - BCP 47 locale for the date and time.
 */
export class BookConfirmation extends LitElement {
  static override styles = [base, styles];

  @property({ attribute: false }) booking?: Booking;
  @property() service = '';
  @property() email = '';
  @property({ attribute: false }) price?: Money;
  @property() address = '';
  @property({ attribute: 'time-zone' }) timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  @property() locale = '';

  override render() {
    const b = this.booking;
    if (!b) return nothing;
    const { locale, msg } = resolveLocale(this.locale);
    const time = (iso: string) => formatTime(iso, locale, this.timeZone);
    const links = b.calendarLinks;
    return html`
      <p class="ok">✓ ${msg.confirmed}</p>
      ${this.email ? html`<p class="sent">${fill(msg.emailed, { email: this.email })}</p>` : nothing}
      <dl>
        ${this.service ? html`<dt>${msg.service}</dt><dd>${this.service}</dd>` : nothing}
        ${b.staff ? html`<dt>${msg.staff}</dt><dd>${b.staff.name}</dd>` : nothing}
        <dt>${msg.when}</dt>
        <dd>${formatDate(localDate(b.start, this.timeZone), locale)}, ${time(b.start)}–${time(b.end)}</dd>
        ${this.price ? html`<dt>${msg.price}</dt><dd>${formatPrice(this.price, locale)}</dd>` : nothing}
        ${this.address ? html`<dt>${msg.where}</dt><dd>${this.address}</dd>` : nothing}
      </dl>
      <slot></slot>
      ${
        links
          ? html`<h3>${msg.addToCalendar}</h3>
            <div class="links">
              <a part="calendar-link" href=${links.ics} download>${msg.ics}</a>
              <a part="calendar-link" href=${links.google} target="_blank" rel="noopener">${msg.google}</a>
            </div>`
          : nothing
      }
      <a class="manage" part="manage-link" href=${b.manageUrl} target="_blank" rel="noopener">${msg.manage}</a>
      <button class="link" @click=${() => emit(this, 'book-restart')}>${msg.again}</button>
    `;
  }
}

define('book-confirmation', BookConfirmation);

declare global {
  interface HTMLElementTagNameMap {
    'book-confirmation': BookConfirmation;
  }
}
