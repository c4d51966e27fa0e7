import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, choose, text } from '../../test/helpers.js';
import './book-review-form.js';
import type { BookReviewForm } from './book-review-form.js';

describe('book-review-form', () => {
  it('is five radio buttons and a text box, accessible', async () => {
    const el = await fixture<BookReviewForm>(html`<book-review-form></book-review-form>`);
    expect($$<HTMLInputElement>(el, 'input[type=radio]').map((r) => r.value)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(text($(el, 'label[for=star-4]'))).to.equal('★4 stars');
    await expect(el).to.be.accessible();
  });

  describe('when no rating is chosen', () => {
    it('asks for one and does not submit', async () => {
      const el = await fixture<BookReviewForm>(html`<book-review-form></book-review-form>`);
      let submitted = false;
      el.addEventListener('book-review-submit', () => (submitted = true));
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await el.updateComplete;
      expect(submitted).to.equal(false);
      expect(text($(el, '#rating-error'))).to.equal('Choose from 1 to 5 stars.');
      expect(el.shadowRoot!.activeElement?.id).to.equal('star-1');
    });
  });

  it('submits the rating and the trimmed text, counting characters on the way', async () => {
    const el = await fixture<BookReviewForm>(html`<book-review-form></book-review-form>`);
    $<HTMLLabelElement>(el, 'label[for=star-4]').click();
    choose($<HTMLTextAreaElement>(el, 'textarea'), '  Lovely cut.  ');
    await el.updateComplete;
    expect(text($(el, '#count'))).to.equal('15 / 2000');
    expect($$(el, 'label.on')).to.have.length(4);
    const submitted = oneEvent(el, 'book-review-submit');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await submitted).detail).to.deep.equal({ rating: 4, body: 'Lovely cut.' });
  });

  it('starts from an existing review when editing', async () => {
    const el = await fixture<BookReviewForm>(
      html`<book-review-form rating="2" body="Was late" submit-label="Save changes"></book-review-form>`,
    );
    expect($<HTMLInputElement>(el, '#star-2').checked).to.equal(true);
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Was late');
    expect(text($(el, 'button[type=submit]'))).to.equal('Save changes');
  });
});
