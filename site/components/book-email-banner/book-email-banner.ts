import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary Tells the owner, when the server sends no email (no SMTP_URL), that emails are only kept on the site
 * and what to ask for. Renders nothing when email works, or when the server could not be asked (the log and
 * dashboard report their own errors).
 */
export class BookEmailBanner extends LitElement {
  static override styles = siteBase;

  @state() private sendsEmail = true;
  private asked: Promise<unknown> = Promise.resolve();

  override connectedCallback(): void {
    super.connectedCallback();
    this.asked = api
      .emailDelivery()
      .then((r) => (this.sendsEmail = r.delivery.sendsEmail))
      .catch(() => undefined);
  }

  /** `updateComplete` waits for the server's answer too, so whoever awaits it sees the final state. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.asked;
    return super.getUpdateComplete();
  }

  override render() {
    if (this.sendsEmail) return nothing;
    return html`<div class="notice" role="status">
      <p><strong>Emails are not being sent.</strong> Confirmations and reminders are kept on this site only: you see
        them in the Email log, customers with an account under My emails, but nobody gets them by email.</p>
      <p>To send them, ask whoever runs this server to set <code>SMTP_URL</code> to your mail provider’s SMTP address
        and restart it.</p>
    </div>`;
  }
}

define('book-email-banner', BookEmailBanner);

declare global {
  interface HTMLElementTagNameMap {
    'book-email-banner': BookEmailBanner;
  }
}
