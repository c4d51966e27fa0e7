import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ProfileImage } from '../../api/types.js';
import { $, $$, pickFile, text } from '../../test/helpers.js';
import './book-profile-images.js';
import type { BookProfileImages } from './book-profile-images.js';

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
const image = (id: number, kind: ProfileImage['kind']): ProfileImage => ({
  id,
  kind,
  url: PIXEL,
  thumbUrl: PIXEL,
  width: 1,
  height: 1,
});

describe('book-profile-images', () => {
  describe('when the business has no pictures', () => {
    it('says the card shows its initial, and offers a logo and a photo upload, accessibly', async () => {
      const el = await fixture<BookProfileImages>(html`<book-profile-images></book-profile-images>`);
      expect(text($(el, '.logo-row'))).to.contain('No logo yet');
      expect(text($(el, 'label[for=logo-file]'))).to.equal('Upload a logo');
      expect($$(el, 'ol')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the owner picks a file', () => {
    it('sends a JPEG, PNG or WebP on with its kind', async () => {
      const el = await fixture<BookProfileImages>(html`<book-profile-images></book-profile-images>`);
      const file = new File([new Uint8Array(10)], 'shop.png', { type: 'image/png' });
      const upload = oneEvent(el, 'book-image-upload');
      pickFile($<HTMLInputElement>(el, '#photo-file'), file);
      const { detail } = await upload;
      expect(detail.kind).to.equal('photo');
      expect(detail.file.name).to.equal('shop.png');
    });

    it('refuses another type or a file over 8 MB before sending it, and says why', async () => {
      const el = await fixture<BookProfileImages>(html`<book-profile-images></book-profile-images>`);
      let sent = 0;
      el.addEventListener('book-image-upload', () => sent++);
      pickFile($<HTMLInputElement>(el, '#logo-file'), new File(['%PDF'], 'menu.pdf', { type: 'application/pdf' }));
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.equal('“menu.pdf” is not a JPEG, PNG or WebP image.');
      const big = new File([new Uint8Array(8 * 1024 * 1024 + 1)], 'huge.jpg', { type: 'image/jpeg' });
      pickFile($<HTMLInputElement>(el, '#photo-file'), big);
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.equal('“huge.jpg” is larger than 8 MB.');
      expect(sent).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the business has a logo and photos', () => {
    it('shows them, and asks to remove or move a photo by id', async () => {
      const el = await fixture<BookProfileImages>(
        html`<book-profile-images .images=${[image(1, 'logo'), image(2, 'photo'), image(3, 'photo'), image(4, 'photo')]}></book-profile-images>`,
      );
      expect($(el, 'img.logo')).to.exist;
      expect(text($(el, 'label[for=logo-file]'))).to.equal('Replace the logo');
      const items = $$(el, 'ol li');
      expect(items).to.have.length(3);
      // The first cannot move earlier, the last not later.
      expect(items[0]!.querySelector<HTMLButtonElement>('button')!.disabled).to.equal(true);
      expect(items[2]!.querySelectorAll<HTMLButtonElement>('button')[1]!.disabled).to.equal(true);
      await expect(el).to.be.accessible();

      const reorder = oneEvent(el, 'book-image-reorder');
      items[1]!.querySelector<HTMLButtonElement>('button')!.click(); // photo 2 earlier
      expect((await reorder).detail).to.deep.equal([3, 2, 4]);

      const removal = oneEvent(el, 'book-image-remove');
      items[2]!.querySelector<HTMLButtonElement>('button.danger')!.click();
      expect((await removal).detail).to.equal(4);

      const logoRemoval = oneEvent(el, 'book-image-remove');
      $<HTMLButtonElement>(el, '.logo-row button.danger').click();
      expect((await logoRemoval).detail).to.equal(1);
    });

    it('disables every control while a change is saved', async () => {
      const el = await fixture<BookProfileImages>(
        html`<book-profile-images busy .images=${[image(1, 'logo'), image(2, 'photo')]}></book-profile-images>`,
      );
      expect($$<HTMLButtonElement | HTMLInputElement>(el, 'button, input').every((c) => c.disabled)).to.equal(true);
    });
  });
});
