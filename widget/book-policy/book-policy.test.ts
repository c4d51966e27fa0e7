import { expect, fixture, html } from '@open-wc/testing';
import { text } from '../test/fixtures.js';
import './book-policy.js';
import type { BookPolicy } from './book-policy.js';

const paragraphs = (el: BookPolicy) => [...el.shadowRoot!.querySelectorAll('p')].map(text);

describe('book-policy', () => {
  it('states the cut-off and the business’s own text', async () => {
    const el = await fixture<BookPolicy>(
      html`<book-policy .policy=${{ cutoffHours: 24, text: 'Late cancellations:\nhalf the price.' }} locale="en"></book-policy>`,
    );
    expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('Cancellation policy');
    expect(paragraphs(el)).to.deep.equal([
      'You can cancel or reschedule online up to 1 day before the appointment.',
      'Late cancellations: half the price.',
    ]);
    // Line breaks the business typed stay line breaks.
    expect(getComputedStyle(el.shadowRoot!.querySelector('[data-text]')!).whiteSpace).to.equal('pre-line');
    await expect(el).to.be.accessible();
  });

  it('says hours that are not whole days as hours, in the customer’s language', async () => {
    const el = await fixture<BookPolicy>(
      html`<book-policy .policy=${{ cutoffHours: 36, text: '' }} locale="de"></book-policy>`,
    );
    expect(paragraphs(el)).to.deep.equal(['Sie können bis 36 Stunden vor dem Termin online absagen oder verschieben.']);
  });

  describe('when the business has no policy', () => {
    it('renders nothing', async () => {
      for (const policy of [undefined, { cutoffHours: 0, text: '' }]) {
        const el = await fixture<BookPolicy>(html`<book-policy .policy=${policy}></book-policy>`);
        expect(el.shadowRoot!.querySelector('[part=policy]')).to.equal(null);
      }
    });

    it('shows the text alone when there is no cut-off', async () => {
      const el = await fixture<BookPolicy>(
        html`<book-policy .policy=${{ cutoffHours: 0, text: 'Please come on time.' }}></book-policy>`,
      );
      expect(paragraphs(el)).to.deep.equal(['Please come on time.']);
    });
  });
});
