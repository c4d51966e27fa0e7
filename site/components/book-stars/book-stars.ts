import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';

/**
 * @summary A rating shown as five stars, read out as "4 out of 5 stars".
 *
 * @csspart stars - The star glyphs.
 * @cssprop --book-star-color - Colour of the filled stars.
 *
 * @property value - The rating, 0–5 (rounded to whole stars for display).
 */
export class BookStars extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      color: var(--book-star-color, #a15c00);
      letter-spacing: 0.05em;
      white-space: nowrap;
    }
  `;

  @property({ type: Number }) value = 0;

  override render() {
    const full = Math.max(0, Math.min(5, Math.round(this.value)));
    return html`<span part="stars" role="img" aria-label="${this.value} out of 5 stars">${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span>`;
  }
}

define('book-stars', BookStars);

declare global {
  interface HTMLElementTagNameMap {
    'book-stars': BookStars;
  }
}
