import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { fieldsets, siteBase } from '../../styles/components.js';

export const MAX_REVIEW = 2000;

/**
 * @summary A review: 1–5 stars (a radio group, so arrow keys work) and a text of up to 2,000 characters.
 *
 * @event book-review-submit - Submitted with a rating; `detail` is `{ rating, body }`.
 * @event book-review-cancel - Closed without saving.
 * @csspart form - The form.
 *
 * @property rating - The stars to start from (0: none chosen).
 * @property body - The text to start from.
 * @property busy - Disables the buttons while saving.
 * @property error - A message from the server.
 * @property submitLabel - The submit button's text.
 */
export class BookReviewForm extends LitElement {
  static override styles = [
    siteBase,
    fieldsets,
    css`
      .stars {
        display: inline-flex;
        gap: 0.1rem;
      }
      .stars input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .stars label {
        font-size: 2rem;
        line-height: 1;
        cursor: pointer;
        color: var(--book-border);
        padding: 0.1rem;
        border-radius: 4px;
      }
      .stars label.on {
        color: var(--book-star-color, #a15c00);
      }
      .stars input:focus-visible + label {
        outline: 3px solid var(--book-focus);
      }
      .count {
        text-align: right;
      }
    `,
  ];

  @property({ type: Number }) rating = 0;
  @property() body = '';
  @property({ type: Boolean }) busy = false;
  @property() error = '';
  @property({ attribute: 'submit-label' }) submitLabel = 'Publish review';

  @state() private missing = false;
  /** The star under the pointer, previewed before it is clicked. */
  @state() private hover = 0;

  override render() {
    return html`<form part="form" @submit=${this.handleSubmit}>
      <p class="notice bad" role="alert">${this.error}</p>
      <fieldset aria-describedby=${this.missing ? 'rating-error' : nothing}>
        <legend>Your rating</legend>
        <div class="stars" @mouseleave=${() => (this.hover = 0)}>
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<input type="radio" id="star-${n}" name="rating" value=${n} .checked=${this.rating === n}
                @change=${() => {
                  this.rating = n;
                  this.missing = false;
                }} /><label for="star-${n}" title="${n} star${n > 1 ? 's' : ''}"
                class=${n <= (this.hover || this.rating) ? 'on' : ''} @mouseenter=${() => (this.hover = n)}
                ><span aria-hidden="true">★</span><span class="sr-only">${n} star${n > 1 ? 's' : ''}</span></label
              >`,
          )}
        </div>
        ${this.missing ? html`<p class="error" id="rating-error">Choose from 1 to 5 stars.</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="body">Your review <span class="hint">(optional)</span></label>
        <textarea id="body" maxlength=${MAX_REVIEW} .value=${this.body} aria-describedby="count"
          @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}></textarea>
        <span class="hint count" id="count">${this.body.length} / ${MAX_REVIEW}</span>
        <span class="hint">Shown on the business's page with your first name and initial.</span>
      </div>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('book-review-cancel', { bubbles: true, composed: true }))}>Cancel</button>
      </div>
    </form>`;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.rating) {
      this.missing = true;
      this.renderRoot.querySelector<HTMLInputElement>('#star-1')?.focus();
      return;
    }
    this.dispatchEvent(
      new CustomEvent('book-review-submit', {
        detail: { rating: this.rating, body: this.body.trim() },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

define('book-review-form', BookReviewForm);

declare global {
  interface HTMLElementTagNameMap {
    'book-review-form': BookReviewForm;
  }
}
