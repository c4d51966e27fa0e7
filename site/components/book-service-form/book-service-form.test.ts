import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ServiceInput } from '../../api/types.js';
import { $, $$, choose, text } from '../../test/helpers.js';
import './book-service-form.js';
import { type BookServiceForm, defaultService } from './book-service-form.js';

const team = [
  { id: 1, name: 'Anna' },
  { id: 2, name: 'Mia' },
];

describe('book-service-form', () => {
  it('makes a class of a number of places, performed by every member unless unticked', async () => {
    const el = await fixture<BookServiceForm>(
      html`<book-service-form .service=${defaultService()} .members=${team}></book-service-form>`,
    );
    choose($<HTMLInputElement>(el, '#name'), 'Yoga flow');
    expect($<HTMLInputElement>(el, '#seats').value).to.equal('1');
    expect($$<HTMLInputElement>(el, 'fieldset input').map((i) => i.checked)).to.deep.equal([true, true]);
    choose($<HTMLInputElement>(el, '#seats'), '12');
    $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
    const { detail } = await oneEvent(el, 'book-service-submit');
    expect((detail as ServiceInput).seats).to.equal(12);
    expect((detail as ServiceInput).memberIds).to.deep.equal([2]);
  });

  it('refuses places out of 1–500, and asks no members of a business of one', async () => {
    const el = await fixture<BookServiceForm>(
      html`<book-service-form .service=${defaultService()}></book-service-form>`,
    );
    expect(el.shadowRoot!.querySelector('fieldset')).to.equal(null);
    choose($<HTMLInputElement>(el, '#name'), 'Cut');
    choose($<HTMLInputElement>(el, '#seats'), '0');
    let sent = false;
    el.addEventListener('book-service-submit', () => (sent = true));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(text($(el, '#seats-error'))).to.equal('Enter a number of places from 1 to 500.');
    expect(sent).to.equal(false);
  });

  describe('when customers may book it as a repeating series', () => {
    const submit = async (el: BookServiceForm): Promise<ServiceInput> => {
      setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
      return (await oneEvent(el, 'book-service-submit')).detail as ServiceInput;
    };
    const intervals = (el: BookServiceForm) => $$<HTMLInputElement>(el, 'input[name=every-weeks]');

    it('sends the most appointments and the intervals when on, and null when off', async () => {
      const el = await fixture<BookServiceForm>(
        html`<book-service-form .service=${{ ...defaultService(), name: 'Physio' }}></book-service-form>`,
      );
      expect($<HTMLInputElement>(el, '#repeat').checked).to.equal(false);
      expect((await submit(el)).repeat).to.equal(null);

      $<HTMLInputElement>(el, '#repeat').click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#repeat-max').value).to.equal('8');
      expect(intervals(el).map((i) => [text(i.parentElement), i.checked])).to.deep.equal([
        ['Every week', true],
        ['Every 2 weeks', false],
        ['Every 3 weeks', false],
        ['Every 4 weeks', false],
      ]);
      await expect(el).to.be.accessible();
      intervals(el)[1]!.click();
      choose($<HTMLInputElement>(el, '#repeat-max'), '12');
      expect((await submit(el)).repeat).to.deep.equal({ maxCount: 12, everyWeeks: [1, 2] });

      $<HTMLInputElement>(el, '#repeat').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#repeat-max')).to.equal(null);
      expect((await submit(el)).repeat).to.equal(null);
    });

    it('loads the current setting when editing', async () => {
      const service = { ...defaultService(), name: 'Physio', repeat: { maxCount: 20, everyWeeks: [2, 6] } };
      const el = await fixture<BookServiceForm>(html`<book-service-form .service=${service}></book-service-form>`);
      expect($<HTMLInputElement>(el, '#repeat').checked).to.equal(true);
      expect($<HTMLInputElement>(el, '#repeat-max').value).to.equal('20');
      // 6 weeks is beyond the four offered as checkboxes, and kept rather than dropped.
      expect(intervals(el).map((i) => [i.value, i.checked])).to.deep.equal([
        ['1', false],
        ['2', true],
        ['3', false],
        ['4', false],
        ['6', true],
      ]);
      expect((await submit(el)).repeat).to.deep.equal({ maxCount: 20, everyWeeks: [2, 6] });
    });

    it('refuses a count out of 2–52 and no interval at all', async () => {
      const el = await fixture<BookServiceForm>(
        html`<book-service-form .service=${{ ...defaultService(), name: 'Physio' }}></book-service-form>`,
      );
      $<HTMLInputElement>(el, '#repeat').click();
      await el.updateComplete;
      choose($<HTMLInputElement>(el, '#repeat-max'), '53');
      intervals(el)[0]!.click();
      let sent = false;
      el.addEventListener('book-service-submit', () => (sent = true));
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await el.updateComplete;
      expect(text($(el, '[id="repeat.maxCount-error"]'))).to.equal('Enter a number of appointments from 2 to 52.');
      expect(text($(el, '[id="repeat.everyWeeks-error"]'))).to.equal('Choose at least one interval.');
      expect(sent).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('is off for a class, says why, and sends null', async () => {
      const service = { ...defaultService(), name: 'Yoga', repeat: { maxCount: 8, everyWeeks: [1] } };
      const el = await fixture<BookServiceForm>(html`<book-service-form .service=${service}></book-service-form>`);
      choose($<HTMLInputElement>(el, '#seats'), '12');
      await el.updateComplete;
      const box = $<HTMLInputElement>(el, '#repeat');
      expect([box.checked, box.disabled]).to.deep.equal([false, true]);
      expect(text($(el, '#repeat-hint'))).to.contain('Only a one-to-one service (1 place) can repeat');
      expect(el.shadowRoot!.querySelector('#repeat-max')).to.equal(null);
      expect((await submit(el)).repeat).to.equal(null);
    });

    it('shows the server’s refusal of the setting on the field', async () => {
      const el = await fixture<BookServiceForm>(
        html`<book-service-form .service=${defaultService()} .errors=${{ repeat: 'not for a class (seats > 1)' }}></book-service-form>`,
      );
      expect(text($(el, '#repeat-error'))).to.equal('not for a class (seats > 1)');
      expect($(el, '#repeat').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#repeat').getAttribute('aria-describedby')).to.contain('repeat-error');
    });
  });
});
