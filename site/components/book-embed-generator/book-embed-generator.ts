import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../../../widget/book-services/book-services.js';
import { define } from '../../../widget/lib/define.js';
import { sideBySide } from '../../../widget/styles/shared.js';
import { light } from '../../../widget/styles/tokens.js';
import { api } from '../../api/site-api.js';
import type { AdminService, Profile } from '../../api/types.js';
import { embedSnippet } from '../../lib/embed.js';
import { styleProps } from '../../lib/style-props.js';
import { siteBase } from '../../styles/components.js';
import '../book-copy-button/book-copy-button.js';

type Theme = 'light' | 'dark' | 'auto';

/**
 * @summary The embed snippet generator: pick a service, theme, language, brand colour and corner radius; the
 * snippet updates as you go and the real widget previews it beside the controls.
 *
 * @csspart preview - The live preview's frame.
 *
 * @property profile - The provider's profile.
 * @property origin - The server's public origin (the snippet loads the widget from it).
 */
export class BookEmbedGenerator extends LitElement {
  static override styles = [
    siteBase,
    sideBySide('.layout', '@media (min-width: 64rem)', 'minmax(0, 1fr) minmax(0, 26rem)'),
    css`
      pre {
        background: var(--book-surface);
        padding: 0.75rem;
        border-radius: var(--book-radius);
        white-space: pre-wrap;
        word-break: break-all;
        font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
        font-size: 0.85rem;
      }
      .preview {
        border: 1px dashed var(--book-border);
        border-radius: var(--book-radius);
        padding: 1rem;
        background: #f7f3ee;
      }
      .preview.dark {
        background: #101114;
      }
      .preview > p {
        color: #5a4a3a;
        font-size: 0.85rem;
        margin-bottom: 0.5rem;
      }
      .preview.dark > p {
        color: #c9ccd3;
      }
      book-services {
        display: block;
        min-height: 28rem;
      }
    `,
  ];

  @property({ attribute: false }) profile!: Profile;
  @property() origin = location.origin;

  @state() private services: AdminService[] = [];
  @state() private service = '';
  @state() private theme: Theme = 'light';
  @state() private locale = '';
  @state() private accent: string = light.accent;
  @state() private radius = 8;

  override connectedCallback(): void {
    super.connectedCallback();
    void api
      .services()
      .then((r) => (this.services = r.services.filter((s) => s.active)))
      .catch(() => undefined);
  }

  override render() {
    const custom = [
      this.accent !== light.accent && `--book-accent: ${this.accent}`,
      this.radius !== 8 && `--book-radius: ${this.radius}px`,
    ]
      .filter(Boolean)
      .join('; ');
    const snippet = embedSnippet({
      origin: this.origin,
      provider: this.profile.slug,
      service: this.service,
      theme: this.theme,
      locale: this.locale,
      style: custom,
    });
    return html`<div class="layout">
      <div>
        <p>Paste these two lines where the booking widget should appear on your website. It fits any width from a phone up.</p>
        <div class="grid2">
          <div class="field">
            <label for="service">Service</label>
            <select id="service" @change=${(e: Event) => (this.service = (e.target as HTMLSelectElement).value)}>
              <option value="">Let customers choose</option>
              ${this.services.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="theme">Theme</label>
            <select id="theme" @change=${(e: Event) => (this.theme = (e.target as HTMLSelectElement).value as Theme)}>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
              <option value="auto">Follow the visitor's device</option>
            </select>
          </div>
          <div class="field">
            <label for="locale">Language</label>
            <select id="locale" @change=${(e: Event) => (this.locale = (e.target as HTMLSelectElement).value)}>
              <option value="">The visitor's browser language</option>
              <option value="en">English</option>
              <option value="de">Deutsch</option>
            </select>
          </div>
          <div class="field">
            <label for="accent">Brand colour</label>
            <div class="row">
              <input id="accent" type="color" .value=${this.accent} @input=${(e: Event) => (this.accent = (e.target as HTMLInputElement).value)} />
              <button type="button" class="link" @click=${() => (this.accent = light.accent)}>Reset</button>
            </div>
          </div>
          <div class="field">
            <label for="radius">Corner radius: ${this.radius}px</label>
            <input id="radius" type="range" min="0" max="20" .value=${String(this.radius)} @input=${(e: Event) => (this.radius = Number((e.target as HTMLInputElement).value))} />
          </div>
        </div>
        <h2>Your snippet</h2>
        <pre><code>${snippet}</code></pre>
        <p class="row"><book-copy-button value=${snippet} label="Copy snippet"></book-copy-button>
          <a href="/demo/embed" target="_blank">See the widget on a sample website ↗</a></p>
        <p class="hint">Prefer a link? <a href="${this.origin}/p/${this.profile.slug}/book${this.service ? `/${this.service}` : ''}">${this.origin}/p/${this.profile.slug}/book${this.service ? `/${this.service}` : ''}</a></p>
      </div>
      <div>
        <h2>Live preview</h2>
        <div class="preview ${this.theme === 'dark' ? 'dark' : ''}" part="preview">
          <p>Your website</p>
          <book-services provider=${this.profile.slug} service=${this.service || nothing} theme=${this.theme} locale=${this.locale || nothing}
            ${styleProps({ '--book-accent': this.accent, '--book-radius': `${this.radius}px` })}></book-services>
        </div>
      </div>
    </div>`;
  }
}

define('book-embed-generator', BookEmbedGenerator);

declare global {
  interface HTMLElementTagNameMap {
    'book-embed-generator': BookEmbedGenerator;
  }
}
