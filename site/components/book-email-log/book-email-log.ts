import { html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { AdminEmail, EmailStatus } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { statusLabel } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';
import '../book-mailbox/book-mailbox.js';

/**
 * @summary The provider's email log: every email about their appointments, to them and their customers, with
 * delivery status, attempts and errors; failed ones can be sent again.
 */
export class BookEmailLog extends LitElement {
  static override styles = siteBase;

  @state() private emails: AdminEmail[] = [];
  @state() private status: EmailStatus | '' = '';
  @state() private loading = true;
  private action = new ActionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const counts = new Map<string, number>();
    for (const e of this.emails) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
    return html`<div class="row">
        <div class="field">
          <label for="status">Status</label>
          <select id="status" @change=${(e: Event) => {
            this.status = (e.target as HTMLSelectElement).value as EmailStatus;
            void this.load();
          }}>
            <option value="">All</option>
            ${(['sent', 'pending', 'sending', 'failed'] as const).map((s) => html`<option value=${s} ?selected=${s === this.status}>${statusLabel[s]}</option>`)}
          </select>
        </div>
        <button @click=${() => this.load()}>Refresh</button>
      </div>
      <p class="notice bad" role="alert">${this.action.problem}</p>
      ${
        this.loading
          ? html`<p class="loading" role="status">Loading emails…</p>`
          : html`<p class="muted" role="status">${this.emails.length} email${this.emails.length === 1 ? '' : 's'}${
              counts.get('failed') ? `, ${counts.get('failed')} failed` : ''
            }</p>
            <book-mailbox admin .emails=${this.emails} empty="No emails match." @book-email-retry=${(e: CustomEvent<number>) => this.retry(e.detail)}></book-mailbox>`
      }`;
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      this.emails = (await api.adminEmails(this.status ? { status: this.status } : {})).emails;
      this.action.report('');
    } catch (e) {
      this.action.report(errorText(e));
    } finally {
      this.loading = false;
    }
  }

  private retry(id: number): Promise<void> {
    return this.action.run(async () => {
      this.emails = await api.retryEmailIn(this.emails, id);
    });
  }
}

define('book-email-log', BookEmailLog);

declare global {
  interface HTMLElementTagNameMap {
    'book-email-log': BookEmailLog;
  }
}
