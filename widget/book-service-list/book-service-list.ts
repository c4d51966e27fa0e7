import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Service } from '../api/types.js';
import { formatDuration, formatPrice } from '../i18n/format.js';
import { resolveLocale } from '../i18n/messages.js';
import { define, emit } from '../lib/define.js';
import { base, choiceList } from '../styles/shared.js';
import { styles } from './book-service-list.styles.js';

/**
 * @summary The services a provider offers, each with duration and price; one click picks it.
 *
 * @event book-service-select - A service was picked; `detail` is the `Service`.
 * @csspart service - Each service button.
 *
 * @property services - The services to list.
 * @property selected - The id of the currently chosen service, if any.
 * @property locale - BCP 47 locale for prices and durations.
 */
export class BookServiceList extends LitElement {
  static override styles = [base, choiceList, styles];

  @property({ attribute: false }) services: Service[] = [];
  @property({ type: Number }) selected?: number;
  @property() locale = '';

  override render() {
    const { locale } = resolveLocale(this.locale);
    return html`<ul>
      ${this.services.map(
        (s) => html`<li>
          <button part="service" aria-pressed=${s.id === this.selected} @click=${() => emit(this, 'book-service-select', s)}>
            <span class="name">${s.name}</span>
            <span class="price">${formatPrice(s.price, locale)}</span>
            <span class="meta">${formatDuration(s.durationMinutes, locale)}${s.description ? ` · ${s.description}` : ''}</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }
}

define('book-service-list', BookServiceList);

declare global {
  interface HTMLElementTagNameMap {
    'book-service-list': BookServiceList;
  }
}
