import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { WaitlistRequest } from '../../api/types.js';
import { $, $$, choose, text } from '../../test/helpers.js';
import './book-waitlist-form.js';
import type { BookWaitlistForm } from './book-waitlist-form.js';

const submit = (el: BookWaitlistForm) => $<HTMLButtonElement>(el, 'button[type=submit]').click();

describe('book-waitlist-form', () => {
  it('asks for days and a time window in the business’s zone, and for a team who may serve', async () => {
    const el = await fixture<BookWaitlistForm>(
      html`<book-waitlist-form member-name="Mia Rossi" time-zone="Europe/Berlin"></book-waitlist-form>`,
    );
    expect($$(el, 'legend').map(text)).to.deep.equal([
      'With',
      'On (none ticked: any day)',
      'Between (Berlin time; empty: any time)',
    ]);
    expect($$(el, 'input[name=member]').map((r) => r.parentElement!.textContent!.trim())).to.deep.equal([
      'Only Mia Rossi',
      'Anyone on the team',
    ]);
    expect($$(el, 'input[name=days]')).to.have.length(7);
    await expect(el).to.be.accessible();
  });

  it('submits the member, the ticked days and the window, leaving out what stays open', async () => {
    const el = await fixture<BookWaitlistForm>(
      html`<book-waitlist-form member-name="Mia Rossi" time-zone="Europe/Berlin"></book-waitlist-form>`,
    );
    $<HTMLInputElement>(el, 'input[name=member][value=any]').click();
    $<HTMLInputElement>(el, 'input[name=days][value="1"]').click();
    $<HTMLInputElement>(el, 'input[name=days][value="3"]').click();
    choose($<HTMLInputElement>(el, 'input[name=from]'), '09:00');
    choose($<HTMLInputElement>(el, 'input[name=to]'), '12:30');
    const submitted = oneEvent(el, 'book-waitlist-submit');
    submit(el);
    expect((await submitted).detail).to.deep.equal({ member: 'any', days: [1, 3], from: '09:00', to: '12:30' });
  });

  it('asks for nothing of a solo business’s customer but a time: an empty form means any day, any time', async () => {
    const el = await fixture<BookWaitlistForm>(html`<book-waitlist-form time-zone="UTC"></book-waitlist-form>`);
    expect($$(el, 'input[name=member]')).to.have.length(0);
    const submitted = oneEvent(el, 'book-waitlist-submit');
    submit(el);
    expect((await submitted).detail).to.deep.equal({});
  });

  it('starts from the current entry when changing it', async () => {
    const value: WaitlistRequest = { member: 'any', days: [5], from: '08:00', to: '10:00' };
    const el = await fixture<BookWaitlistForm>(
      html`<book-waitlist-form member-name="Mia" .value=${value} time-zone="UTC"></book-waitlist-form>`,
    );
    const submitted = oneEvent(el, 'book-waitlist-submit');
    submit(el);
    expect((await submitted).detail).to.deep.equal(value);
  });

  describe('when the window is half given or backwards', () => {
    it('says what is wrong and does not submit', async () => {
      const el = await fixture<BookWaitlistForm>(html`<book-waitlist-form time-zone="UTC"></book-waitlist-form>`);
      let submitted = false;
      el.addEventListener('book-waitlist-submit', () => (submitted = true));
      choose($<HTMLInputElement>(el, 'input[name=from]'), '10:00');
      submit(el);
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.equal('Give both times, or neither.');
      choose($<HTMLInputElement>(el, 'input[name=to]'), '09:00');
      submit(el);
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.equal('The end must be after the start.');
      expect(submitted).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  it('closes without asking', async () => {
    const el = await fixture<BookWaitlistForm>(html`<book-waitlist-form></book-waitlist-form>`);
    setTimeout(() =>
      $$<HTMLButtonElement>(el, 'button')
        .find((b) => text(b) === 'Not now')!
        .click(),
    );
    await oneEvent(el, 'book-waitlist-cancel');
  });
});
