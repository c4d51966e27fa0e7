import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, text } from '../../test/helpers.js';
import './book-cancel-scope.js';
import type { BookCancelScope } from './book-cancel-scope.js';

const series = { id: 5, index: 2, count: 8, everyWeeks: 1 };

describe('book-cancel-scope', () => {
  it('starts on only this date and tells the choice of the following dates', async () => {
    const el = await fixture<BookCancelScope>(html`<book-cancel-scope .series=${series}></book-cancel-scope>`);
    expect($$<HTMLInputElement>(el, 'input').map((i) => [text(i.parentElement), i.checked])).to.deep.equal([
      ['Only this date', true],
      ['This and all following dates (appointments 3 to 8)', false],
    ]);
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLInputElement>(el, 'input[value=following]').click());
    const { detail } = await oneEvent(el, 'book-cancel-scope-change');
    expect(detail).to.equal('following');
    expect(el.value).to.equal('following');
    expect(el.getAttribute('value')).to.equal('following');
  });

  describe('when it is the last date of its series', () => {
    it('names no range of following dates', async () => {
      const el = await fixture<BookCancelScope>(
        html`<book-cancel-scope .series=${{ ...series, index: 7 }}></book-cancel-scope>`,
      );
      expect(text($$(el, 'label')[1])).to.equal('This and all following dates');
    });
  });
});
