import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { AdminEmail, Email } from '../../api/types.js';
import { emailStatus, LOCALE } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';

const when = (iso: string) =>
  new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

/**
 * @summary A list of emails — a customer's mailbox, a booking's emails, or the provider's delivery log (`admin`:
 * recipient, status, attempts, last error and "retry" for failed ones). Each opens to its text, and its formatted
 * version in a sandboxed frame (the server serves it with a `sandbox` CSP).
 *
 * @event book-email-retry - "Retry" on a failed email (admin); `detail` is its id.
 * @csspart email - Each email.
 *
 * @property emails - The emails, newest first.
 * @property admin - Show delivery details and retry.
 * @property empty - What to say when there are none.
 */
export class BookMailbox extends LitElement {
  static override styles = [
    siteBase,
    css`
      summary {
        cursor: pointer;
        padding: 0.65rem 0.75rem;
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.15rem 0.75rem;
        min-height: 2.75rem;
      }
      summary .badge {
        align-self: start;
        justify-self: end;
        /* "Kept on site — not emailed" wraps on a phone rather than squeezing the subject. */
        white-space: normal;
        text-align: right;
      }
      summary .subject {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      summary .meta {
        font-size: 0.85rem;
        color: var(--book-muted);
        grid-column: 1;
      }
      .body {
        padding: 0 0.75rem 0.75rem;
      }
      iframe {
        width: 100%;
        height: 26rem;
        border: 1px solid var(--book-surface);
        border-radius: var(--book-radius);
        background: #fff;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-family: inherit;
        background: var(--book-surface);
        padding: 0.75rem;
        border-radius: var(--book-radius);
      }
      .error-text {
        color: var(--book-danger);
      }
    `,
  ];

  @property({ attribute: false }) emails: (Email | AdminEmail)[] = [];
  @property({ type: Boolean }) admin = false;
  @property() empty = 'No emails yet.';

  override render() {
    if (!this.emails.length) return html`<p class="muted">${this.empty}</p>`;
    return html`<ul class="cards">
      ${this.emails.map((e) => html`<li part="email">${this.renderEmail(e)}</li>`)}
    </ul>`;
  }

  private renderEmail(e: Email | AdminEmail) {
    const admin = this.admin && 'attempts' in e ? e : undefined;
    const status = emailStatus(e);
    return html`<details class="card">
      <summary>
        <span class="subject">${e.subject}</span>
        <span class="badge ${status.tone}">${status.label}</span>
        <span class="meta">${admin ? html`To ${admin.toRole === 'provider' ? 'you' : e.to} · ` : nothing}${when(e.sentAt ?? e.createdAt)}${
          e.hasInvitation ? ' · calendar invitation' : ''
        }</span>
      </summary>
      <div class="body">
        ${
          admin
            ? html`<p class="muted">
              ${admin.attempts} attempt${admin.attempts === 1 ? '' : 's'}${admin.transport === 'smtp' ? ' · via SMTP' : ''}
              ${admin.nextAttemptAt ? ` · next try ${when(admin.nextAttemptAt)}` : ''}
            </p>
            ${admin.lastError ? html`<p class="error-text">Last error: ${admin.lastError}</p>` : nothing}
            ${
              e.status === 'failed'
                ? html`<p><button @click=${() => this.dispatchEvent(new CustomEvent('book-email-retry', { detail: e.id, bubbles: true, composed: true }))}>Retry sending</button></p>`
                : nothing
            }`
            : nothing
        }
        <iframe title="Email: ${e.subject}" src=${e.htmlUrl} sandbox="allow-popups allow-popups-to-escape-sandbox" loading="lazy"></iframe>
        <details class="card">
          <summary>Plain text</summary>
          <pre>${e.text}</pre>
        </details>
      </div>
    </details>`;
  }
}

define('book-mailbox', BookMailbox);

declare global {
  interface HTMLElementTagNameMap {
    'book-mailbox': BookMailbox;
  }
}
