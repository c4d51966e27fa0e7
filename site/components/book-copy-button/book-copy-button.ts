import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary A button that copies a text (a booking link, a feed URL, a snippet) and says so.
 *
 * @event book-copied - The text is on the clipboard; `detail` is the text.
 * @csspart button - The button.
 *
 * @property value - The text to copy.
 * @property label - The button's label (default "Copy").
 */
export class BookCopyButton extends LitElement {
  static override styles = [
    siteBase,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];

  @property() value = '';
  @property() label = 'Copy';
  @state() private status = '';

  override render() {
    return html`<button part="button" type="button" @click=${this.handleClick}>${this.status || this.label}</button>
      <span class="sr-only" role="status">${this.status}</span>`;
  }

  private async handleClick(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value);
      this.status = 'Copied';
      this.dispatchEvent(new CustomEvent('book-copied', { detail: this.value, bubbles: true, composed: true }));
    } catch {
      this.status = 'Select and copy';
    }
    setTimeout(() => (this.status = ''), 2500);
  }
}

define('book-copy-button', BookCopyButton);

declare global {
  interface HTMLElementTagNameMap {
    'book-copy-button': BookCopyButton;
  }
}
