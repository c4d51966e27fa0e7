import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Service } from '../api/types.js';
import { text } from '../test/fixtures.js';
import './book-service-list.js';
import type { BookServiceList } from './book-service-list.js';

const services: Service[] = [
  {
    id: 1,
    name: 'Haircut',
    description: 'Wash, cut and blow-dry.',
    durationMinutes: 45,
    price: { amountMinor: 4500, currency: 'EUR' },
  },
  { id: 2, name: 'Beard trim', description: '', durationMinutes: 20, price: { amountMinor: 1850, currency: 'EUR' } },
];

describe('book-service-list', () => {
  it('lists each service with duration and price in the locale', async () => {
    const el = await fixture<BookServiceList>(
      html`<book-service-list .services=${services} locale="de-DE"></book-service-list>`,
    );
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    expect(buttons).to.have.length(2);
    expect(text(buttons[0])).to.contain('Haircut').and.contain('45 Min.').and.contain('45,00 €');
    expect(text(buttons[1])).to.contain('18,50 €');
    await expect(el).to.be.accessible();
  });

  it('formats prices in English too', async () => {
    const el = await fixture<BookServiceList>(
      html`<book-service-list .services=${services} locale="en-US"></book-service-list>`,
    );
    expect(text(el.shadowRoot!.querySelector('button')))
      .to.contain('€45.00')
      .and.contain('45 min');
  });

  it('emits book-service-select with the service on click and marks the selected one', async () => {
    const el = await fixture<BookServiceList>(
      html`<book-service-list .services=${services} selected="2"></book-service-list>`,
    );
    const buttons = el.shadowRoot!.querySelectorAll('button');
    expect(buttons[1]!.getAttribute('aria-pressed')).to.equal('true');
    setTimeout(() => buttons[0]!.click());
    const event = await oneEvent(el, 'book-service-select');
    expect(event.detail).to.equal(services[0]);
    expect(event.composed).to.equal(false);
  });
});
