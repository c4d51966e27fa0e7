import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import type { ProfileImage } from '../../api/types.js';
import { emit } from '../../lib/events.js';
import { IMAGE_TYPES, imageProblem } from '../../lib/image-file.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary The business's logo and photos: upload, reorder and remove. The server resizes them and strips their
 * metadata; a file of the wrong type or too large is refused here before it is sent.
 *
 * @event book-image-upload - A file to upload; `detail` is `{ kind: 'logo' | 'photo', file: File }`.
 * @event book-image-remove - `detail` is the image's id.
 * @event book-image-reorder - The photos' ids in their new order.
 *
 * @property images - The logo and photos, as the server lists them.
 * @property busy - Set while a change is saved; the controls wait.
 */
export class BookProfileImages extends LitElement {
  static override styles = [
    siteBase,
    css`
      .logo-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1rem;
        margin-bottom: 1rem;
      }
      .logo {
        width: 5rem;
        height: 5rem;
        object-fit: contain;
        border-radius: var(--book-radius);
        background: var(--book-surface);
      }
      ol {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: 0.75rem;
      }
      li img {
        display: block;
        width: 100%;
        height: auto;
        aspect-ratio: 16 / 10;
        object-fit: cover;
        border-radius: var(--book-radius);
      }
      .photo-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
      }
      input[type='file'] {
        max-width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) images: ProfileImage[] = [];
  @property({ type: Boolean }) busy = false;
  @state() private problem = '';

  override render() {
    const logo = this.images.find((i) => i.kind === 'logo');
    const photos = this.images.filter((i) => i.kind === 'photo');
    return html`<h2>Logo and photos</h2>
      <p class="hint">JPEG, PNG or WebP up to 8 MB. Photos show on your page and the first one on your directory card.</p>
      <p class="error" role="alert" id="image-problem">${this.problem}</p>
      <div class="logo-row">
        ${logo ? html`<img class="logo" src=${logo.thumbUrl} alt="Your logo" />` : html`<p class="hint">No logo yet: your card shows your initial.</p>`}
        <div class="field">
          <label for="logo-file">${logo ? 'Replace the logo' : 'Upload a logo'}</label>
          <input id="logo-file" type="file" accept=${IMAGE_TYPES.join(',')} ?disabled=${this.busy} @change=${this.pickLogo} />
        </div>
        ${logo ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.removeImage(logo.id)}>Remove the logo</button>` : ''}
      </div>
      ${
        photos.length
          ? html`<ol aria-label="Photos, in the order they show">
            ${photos.map(
              (p, i) => html`<li>
                <img src=${p.thumbUrl} alt="Photo ${i + 1}" />
                <div class="photo-actions">
                  <button type="button" class="link" ?disabled=${this.busy || i === 0} @click=${() => this.move(photos, i, -1)}>Earlier<span class="sr-only"> (photo ${i + 1})</span></button>
                  <button type="button" class="link" ?disabled=${this.busy || i === photos.length - 1} @click=${() => this.move(photos, i, 1)}>Later<span class="sr-only"> (photo ${i + 1})</span></button>
                  <button type="button" class="link danger" ?disabled=${this.busy} @click=${() => this.removeImage(p.id)}>Remove<span class="sr-only"> photo ${i + 1}</span></button>
                </div>
              </li>`,
            )}
          </ol>`
          : ''
      }
      <div class="field">
        <label for="photo-file">Add a photo</label>
        <input id="photo-file" type="file" accept=${IMAGE_TYPES.join(',')} ?disabled=${this.busy} @change=${this.pickPhoto} />
      </div>`;
  }

  private pickLogo = (e: Event) => this.pick(e, 'logo');
  private pickPhoto = (e: Event) => this.pick(e, 'photo');

  private pick(e: Event, kind: 'logo' | 'photo'): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.problem = imageProblem(file);
    if (!this.problem) emit(this, 'book-image-upload', { kind, file });
  }

  private removeImage(id: number): void {
    this.problem = '';
    emit(this, 'book-image-remove', id);
  }

  private move(photos: ProfileImage[], index: number, by: -1 | 1): void {
    const ids = photos.map((p) => p.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    emit(this, 'book-image-reorder', ids);
  }
}

define('book-profile-images', BookProfileImages);

declare global {
  interface HTMLElementTagNameMap {
    'book-profile-images': BookProfileImages;
  }
}
