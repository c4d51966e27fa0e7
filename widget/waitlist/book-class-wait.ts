import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type BookingApi } from '../api/client.js';
import type { Slot, WaitlistEntry } from '../api/types.js';
import '../book-details/book-details.js';
import type { BookDetails, Details } from '../book-details/book-details.js';
import { fill } from '../i18n/messages.js';
import { define } from '../lib/define.js';
import { base } from '../styles/shared.js';
import { inLine, joinClass, text } from './waitlist.js';

/**
 * @summary The details step for a full class time: the widget's details form, whose button says "Join the
 * waitlist", then the place in line and where the email goes. No booking is made.
 *
 * @property client - The widget's API client.
 * @property time - The full class time (from `withFull`).
 * @property provider - The provider's slug.
 * @property service - The class's service id.
 * @property member - The member chosen in the widget (`any`, a slug, or empty).
 * @property timeZone - The customer's zone.
 * @property values - The details typed so far (the widget's draft).
 * @property locale - The widget's resolved locale.
 */
export class BookClassWait extends LitElement {
  static override styles = base;

  @property({ attribute: false }) client?: BookingApi;
  @property({ attribute: false }) time?: Slot;
  @property() provider = '';
  @property({ type: Number }) service = 0;
  @property() member = '';
  @property({ attribute: 'time-zone' }) timeZone = '';
  @property({ attribute: false }) values?: BookDetails['values'];
  @property() locale = '';

  @state() private entry?: WaitlistEntry;
  @state() private busy = false;
  @state() private problem = '';
  @state() private errors: Record<string, string> = {};

  override render() {
    const t = text(this.locale);
    const e = this.entry;
    if (e) {
      return html`<p role="status"><strong>✓ ${t.waiting}</strong> ${inLine(t, e)}<br />
        ${fill(t.waitEmail, { email: this.values?.email ?? '' })}</p>`;
    }
    return html`<p role="alert">${this.problem || nothing}</p>
      <book-details exportparts="form, confirm" .values=${this.values} .errors=${this.errors} ?busy=${this.busy}
          .label=${t.joinWaitlist} locale=${this.locale} @book-details-submit=${this.join}></book-details>`;
  }

  private async join(e: CustomEvent<Details>): Promise<void> {
    const t = text(this.locale);
    this.values = (e.currentTarget as BookDetails).values;
    this.busy = true;
    this.problem = '';
    try {
      const { provider, service, member, timeZone } = this;
      this.entry = await joinClass(this.client!, {
        provider,
        service,
        slot: this.time!,
        member,
        customer: e.detail.customer,
        timeZone,
      });
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      this.errors = err instanceof ApiError ? err.fields : {};
      this.problem = code === 'class_not_full' ? t.placeFree : Object.keys(this.errors).length ? '' : t.failed;
    } finally {
      this.busy = false;
    }
  }
}

define('book-class-wait', BookClassWait);

declare global {
  interface HTMLElementTagNameMap {
    'book-class-wait': BookClassWait;
  }
}
