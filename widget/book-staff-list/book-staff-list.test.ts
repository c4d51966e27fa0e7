import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { text } from '../test/fixtures.js';
import { mia, noah } from '../test/team-api.js';
import './book-staff-list.js';
import type { BookStaffList } from './book-staff-list.js';

const buttons = (el: BookStaffList) => [...el.shadowRoot!.querySelectorAll('button')];

describe('book-staff-list', () => {
  it('offers "Any available" first and chosen, then each member with photo or initials and bio', async () => {
    const el = await fixture<BookStaffList>(
      html`<book-staff-list .members=${[mia, noah]} locale="en-US"></book-staff-list>`,
    );
    expect(buttons(el).map(text)).to.deep.equal([
      '✱ Any available Whoever is free at the time you pick',
      'MR Mia Rossi Colour and long hair',
      'Noah Berg Short cuts and beards',
    ]);
    expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
    const photo = buttons(el)[2]!.querySelector('img')!;
    expect(photo.getAttribute('src')).to.equal(noah.photoUrl);
    expect(photo.getAttribute('alt')).to.equal(''); // the name beside it says who it is
    await expect(el).to.be.accessible();
  });

  it('speaks German', async () => {
    const el = await fixture<BookStaffList>(html`<book-staff-list .members=${[mia]} locale="de"></book-staff-list>`);
    expect(text(buttons(el)[0])).to.contain('Beliebig');
  });

  it('marks the selected member and emits book-staff-select with a slug from the keyboard', async () => {
    const el = await fixture<BookStaffList>(
      html`<book-staff-list .members=${[mia, noah]} selected="noah"></book-staff-list>`,
    );
    expect(buttons(el)[2]!.getAttribute('aria-pressed')).to.equal('true');
    buttons(el)[1]!.focus();
    const picked = oneEvent(el, 'book-staff-select');
    await sendKeys({ press: 'Enter' });
    const event = await picked;
    expect(event.detail).to.equal('mia');
    expect(event.composed).to.equal(false);
  });

  it('fits a 360 px phone with a long name and bio', async () => {
    const long = { ...mia, name: 'Maria-Antonietta Rossi-Bianchi', bio: 'Colour, balayage and long hair '.repeat(4) };
    const el = await fixture<BookStaffList>(
      html`<div style="width: 320px"><book-staff-list .members=${[long]}></book-staff-list></div>`,
    );
    const list = el.querySelector('book-staff-list')!;
    for (const b of list.shadowRoot!.querySelectorAll('button')) expect(b.scrollWidth).to.be.at.most(b.clientWidth + 2);
    expect(list.scrollWidth).to.be.at.most(320);
  });
});
