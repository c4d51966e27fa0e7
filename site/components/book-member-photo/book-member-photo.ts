import { css, html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { emit } from '../../lib/events.js';
import { IMAGE_TYPES, imageProblem } from '../../lib/image-file.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary A team member's photo controls: add or replace it (a file picker behind a button), or remove it. The
 * server crops it square and strips its metadata; a file of the wrong type or too large is refused here first.
 *
 * @event book-photo-upload - The picked file; `detail` is a `File`.
 * @event book-photo-remove - Remove the photo (initials show again).
 *
 * @property name - Whose photo: said to screen readers on each button.
 * @property photoUrl - Their photo now, or null (only then no "Remove").
 * @property busy - Set while a change is saved; the buttons wait.
 */
export class BookMemberPhoto extends LitElement {
  static override styles = [
    siteBase,
    css`
      :host {
        display: contents;
      }
      .error:empty {
        display: none;
      }
    `,
  ];

  @property() name = '';
  @property({ attribute: false }) photoUrl: string | null = null;
  @property({ type: Boolean }) busy = false;
  @state() private problem = '';
  @query('input') private input!: HTMLInputElement;

  override render() {
    return html`<button type="button" ?disabled=${this.busy} @click=${() => this.input.click()}>
        ${this.photoUrl ? 'Change photo' : 'Add a photo'}<span class="sr-only"> of ${this.name}</span>
      </button>
      <input type="file" hidden accept=${IMAGE_TYPES.join(',')} @change=${this.handlePick} />
      ${
        this.photoUrl
          ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${this.handleRemove}>Remove photo<span class="sr-only"> of ${this.name}</span></button>`
          : nothing
      }
      <p class="error" role="alert">${this.problem}</p>`;
  }

  private handlePick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.problem = imageProblem(file);
    if (!this.problem) emit(this, 'book-photo-upload', file);
  };

  private handleRemove = (): void => {
    this.problem = '';
    emit(this, 'book-photo-remove');
  };
}

define('book-member-photo', BookMemberPhoto);

declare global {
  interface HTMLElementTagNameMap {
    'book-member-photo': BookMemberPhoto;
  }
}
