import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Policy } from '../api/types.js';
import { formatHours } from '../i18n/format.js';
import { fill, resolveLocale } from '../i18n/messages.js';
import { define } from '../lib/define.js';
import { base } from '../styles/shared.js';

/**
 * @summary The business's cancellation policy, as the customer reads it before confirming and on the confirmation:
 * the cut-off as a sentence and the business's own text. Renders nothing when the business has no policy.
 *
 * @csspart policy - The policy box.
 *
 * @property policy - The provider's `policy` from the API.
 * @property locale - BCP 47 locale for the text.
 */
export class BookPolicy extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      div {
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
        border-radius: var(--book-radius);
        background: var(--book-surface);
        font-size: 0.9em;
      }
      h3 {
        font-size: 1em;
        margin: 0 0 0.25rem;
      }
      p {
        margin: 0;
        white-space: pre-line;
      }
    `,
  ];

  @property({ attribute: false }) policy?: Policy | undefined;
  @property() locale = '';

  override render() {
    const p = this.policy;
    if (!p || (!p.cutoffHours && !p.text)) return nothing;
    const { locale, msg } = resolveLocale(this.locale);
    return html`<div part="policy" role="note" aria-labelledby="policy-h">
      <h3 id="policy-h">${msg.policy}</h3>
      ${p.cutoffHours ? html`<p>${fill(msg.policyCutoff, { time: formatHours(p.cutoffHours, locale) })}</p>` : nothing}
      ${p.text ? html`<p data-text>${p.text}</p>` : nothing}
    </div>`;
  }
}

define('book-policy', BookPolicy);

declare global {
  interface HTMLElementTagNameMap {
    'book-policy': BookPolicy;
  }
}
