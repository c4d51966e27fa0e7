import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Booking } from '../api/types.js';
import { formatDate, formatTime } from '../i18n/format.js';
import { resolveLocale } from '../i18n/messages.js';
import { localDate } from '../lib/dates.js';
import { define, emit } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { styles } from './book-confirmation.styles.js';

/**
 * @summary The success screen: what was booked, "add to calendar" (.ics and Google) and the manage link.
 *
 * @event book-restart - The customer wants to book another appointment.
 * @csspart calendar-link - The .ics and Google Calendar links.
 * @csspart manage-link - The link to manage or cancel the booking.
 * @slot - Shown below what was booked (the widget puts the business's policy there).
 *
 * @property booking - The booking the API returned.
 * @property service - The booked service's name.
 * @property timeZone - The IANA zone to show the time in.
 * @property locale - BCP 47 locale for the date and time.
 */
export class BookConfirmation extends LitElement {
  static override styles = [base, styles];

  @property({ attribute: false }) booking?: Booking;
  @property() service = '';
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
      <dl>
        ${this.service ? html`<dt>${msg.service}</dt><dd>${this.service}</dd>` : nothing}
        <dt>${msg.when}</dt>
        <dd>${formatDate(localDate(b.start, this.timeZone), locale)}, ${time(b.start)}–${time(b.end)}</dd>
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
