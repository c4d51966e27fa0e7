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
});
