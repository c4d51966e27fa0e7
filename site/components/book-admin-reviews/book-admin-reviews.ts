import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Profile, PublicReview } from '../../api/types.js';
import { errorText } from '../../lib/errors.js';
import { formatDay } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';
import '../book-stars/book-stars.js';

/**
 * @summary The provider's reviews, newest first, with one public reply each.
 *
 * @csspart review - Each review.
 *
 * @property profile - The provider's profile (link to the public page).
 */
export class BookAdminReviews extends LitElement {
  static override styles = [
    siteBase,
    css`
      .reply {
        border-left: 3px solid var(--book-accent-soft);
        padding-left: 0.75rem;
        white-space: pre-line;
      }
      .body {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) profile!: Profile;

  @state() private reviews: PublicReview[] = [];
  @state() private page = 1;
  @state() private more = false;
  @state() private loading = true;
  @state() private replying = 0;
  @state() private problem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(1);
  }

  override render() {
    if (this.loading && !this.reviews.length) return html`<p class="loading" role="status">Loading reviews…</p>`;
    return html`<p class="notice bad" role="alert">${this.problem}</p>
      ${
        this.reviews.length
          ? html`<ul class="panels">
            ${this.reviews.map((r) => html`<li class="panel" part="review">${this.renderReview(r)}</li>`)}
          </ul>`
          : html`<p class="muted">No reviews yet. Customers can review an appointment after you mark it completed.</p>`
      }
      <div class="row">
        ${this.page > 1 ? html`<button @click=${() => this.load(this.page - 1)}>← Newer</button>` : nothing}
        ${this.more ? html`<button @click=${() => this.load(this.page + 1)}>Older →</button>` : nothing}
        <a href="/p/${this.profile.slug}#reviews" target="_blank">See them on your page ↗</a>
      </div>`;
  }

  private renderReview(r: PublicReview) {
    return html`<p><book-stars value=${r.rating}></book-stars> <strong>${r.author}</strong>
        <span class="muted">· ${r.service} · ${formatDay(r.createdAt, this.profile.timeZone)}</span></p>
      ${r.body ? html`<p class="body">${r.body}</p>` : nothing}
      ${
        r.reply
          ? html`<p class="reply"><strong>Your reply</strong><br />${r.reply}</p>`
          : this.replying === r.id
            ? html`<form @submit=${(e: SubmitEvent) => this.reply(e, r.id)}>
              <div class="field">
                <label for="reply-${r.id}">Your public reply</label>
                <textarea id="reply-${r.id}" name="reply" maxlength="2000" required></textarea>
                <span class="hint">Shown under the review on your page. You can reply once.</span>
              </div>
              <div class="row"><button class="primary" type="submit">Publish reply</button><button type="button" @click=${() => (this.replying = 0)}>Cancel</button></div>
            </form>`
            : html`<button @click=${() => this.openReply(r.id)}>Reply<span class="sr-only"> to ${r.author}</span></button>`
      }`;
  }

  private openReply(id: number): void {
    this.replying = id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#reply-${id}`)?.focus());
  }

  private async load(page: number): Promise<void> {
    this.loading = true;
    try {
      const r = await api.adminReviews(page);
      this.reviews = r.reviews;
      this.page = r.page;
      this.more = r.reviews.length === r.pageSize;
    } catch (e) {
      this.problem = errorText(e);
    } finally {
      this.loading = false;
    }
  }

  private async reply(event: SubmitEvent, id: number): Promise<void> {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('reply') ?? '').trim();
    if (!text) return;
    try {
      const { review } = await api.replyToReview(id, text);
      this.reviews = this.reviews.map((r) => (r.id === id ? { ...r, reply: review.reply } : r));
      this.replying = 0;
    } catch (e) {
      this.problem = errorText(e);
    }
  }
}

define('book-admin-reviews', BookAdminReviews);

declare global {
  interface HTMLElementTagNameMap {
    'book-admin-reviews': BookAdminReviews;
  }
}
