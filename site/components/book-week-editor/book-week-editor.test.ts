import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { WeeklyInterval } from '../../api/types.js';
import { $, $$, choose, text } from '../../test/helpers.js';
import './book-week-editor.js';
import type { BookWeekEditor } from './book-week-editor.js';

const mondayWithBreak: WeeklyInterval[] = [
  { weekday: 1, start: '09:00', end: '12:00' },
  { weekday: 1, start: '13:00', end: '17:00' },
];

const day = (el: BookWeekEditor, n: number) => $$(el, '[part=day]')[n - 1]!;

describe('book-week-editor', () => {
  it('shows each day open with its intervals or closed, and is accessible', async () => {
    const el = await fixture<BookWeekEditor>(html`<book-week-editor .intervals=${mondayWithBreak}></book-week-editor>`);
    expect($$(el, '[part=day]')).to.have.length(7);
    expect(text(day(el, 1).querySelector('.name'))).to.equal('Monday');
    expect(day(el, 1).querySelectorAll('.interval')).to.have.length(2);
    expect(text(day(el, 2))).to.contain('Closed');
    await expect(el).to.be.accessible();
  });

  it('opens a day at 09:00–17:00, adds and removes intervals', async () => {
    const el = await fixture<BookWeekEditor>(html`<book-week-editor .intervals=${[]}></book-week-editor>`);
    const changed = oneEvent(el, 'book-week-change');
    day(el, 3).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    expect((await changed).detail).to.deep.equal([{ weekday: 3, start: '09:00', end: '17:00' }]);
    await el.updateComplete;
    [...day(el, 3).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === '+ Add hours')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal([
      { weekday: 3, start: '09:00', end: '17:00' },
      { weekday: 3, start: '17:00', end: '19:00' },
    ]);
    day(el, 3).querySelector<HTMLButtonElement>('[aria-label="Remove Wednesday 09:00–17:00"]')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal([{ weekday: 3, start: '17:00', end: '19:00' }]);
  });

  it('copies a day to the other days chosen', async () => {
    const el = await fixture<BookWeekEditor>(html`<book-week-editor .intervals=${mondayWithBreak}></book-week-editor>`);
    [...day(el, 1).querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => text(b) === 'Copy to other days')!
      .click();
    await el.updateComplete;
    // Weekdays are ticked by default; add Saturday, drop Friday.
    const box = (weekday: number) => $<HTMLInputElement>(el, `input[name=copy][value="${weekday}"]`);
    expect([2, 3, 4, 5].every((d) => box(d).checked)).to.equal(true);
    expect(box(6).checked).to.equal(false);
    box(6).click();
    box(5).click();
    [...day(el, 1).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Copy')!.click();
    await el.updateComplete;
    const days = new Set(el.value.map((i) => i.weekday));
    expect([...days]).to.deep.equal([1, 2, 3, 4, 6]);
    expect(el.value.filter((i) => i.weekday === 6)).to.deep.equal([
      { weekday: 6, start: '09:00', end: '12:00' },
      { weekday: 6, start: '13:00', end: '17:00' },
    ]);
  });

  describe('when an interval overlaps another', () => {
    it('says which, on that day, and does not submit', async () => {
      const el = await fixture<BookWeekEditor>(
        html`<book-week-editor .intervals=${mondayWithBreak}></book-week-editor>`,
      );
      const selects = day(el, 1).querySelectorAll<HTMLSelectElement>('select');
      choose(selects[1]!, '14:00'); // first interval now 09:00–14:00, overlapping 13:00–17:00
      await el.updateComplete;
      let submitted = false;
      el.addEventListener('book-week-submit', () => (submitted = true));
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await el.updateComplete;
      expect(submitted).to.equal(false);
      expect(text(day(el, 1).querySelector('.error'))).to.equal('09:00–14:00 overlaps 13:00–17:00.');
      await expect(el).to.be.accessible();
    });
  });

  it('submits the whole week', async () => {
    const el = await fixture<BookWeekEditor>(html`<book-week-editor .intervals=${mondayWithBreak}></book-week-editor>`);
    const submitted = oneEvent(el, 'book-week-submit');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await submitted).detail).to.deep.equal(mondayWithBreak);
  });
});
