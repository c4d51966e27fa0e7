import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { text } from '../test/fixtures.js';
import './book-details.js';
import type { BookDetails } from './book-details.js';

const field = (el: BookDetails, id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
const errorOf = (el: BookDetails, id: string) => el.shadowRoot!.querySelector(`#${id}-error`);

async function type(el: BookDetails, id: string, value: string) {
  field(el, id).focus();
  await sendKeys({ type: value });
}

describe('book-details', () => {
  it('labels every field and marks phone and note optional', async () => {
    const el = await fixture<BookDetails>(html`<book-details locale="en"></book-details>`);
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map(text);
    expect(labels).to.deep.equal(['Name', 'Email', 'Phone (optional)', 'Note (optional)']);
    expect(field(el, 'email').autocomplete).to.equal('email');
    await expect(el).to.be.accessible();
  });

  describe('when submitted empty', () => {
    it('shows inline errors, focuses the first bad field and does not submit', async () => {
      const el = await fixture<BookDetails>(html`<book-details></book-details>`);
      let submitted = false;
      el.addEventListener('book-details-submit', () => (submitted = true));
      el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(submitted).to.equal(false);
      expect(text(errorOf(el, 'name'))).to.equal('Please enter your name.');
      expect(text(errorOf(el, 'email'))).to.equal('Please enter a valid email address.');
      expect(errorOf(el, 'phone')).to.equal(null);
      expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
      expect(field(el, 'name').getAttribute('aria-describedby')).to.equal('name-error');
      expect(el.shadowRoot!.activeElement).to.equal(field(el, 'name'));
      await expect(el).to.be.accessible();
    });
  });

  it('validates a field when leaving it and clears the error once fixed', async () => {
    const el = await fixture<BookDetails>(html`<book-details></book-details>`);
    await type(el, 'email', 'not-an-email');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(text(errorOf(el, 'email'))).to.equal('Please enter a valid email address.');
    await type(el, 'email', '@example.com');
    await el.updateComplete;
    expect(errorOf(el, 'email')).to.equal(null);
  });

  it('submits trimmed details, leaving out empty optional fields', async () => {
    const el = await fixture<BookDetails>(html`<book-details></book-details>`);
    await type(el, 'name', '  Ada Lovelace ');
    await type(el, 'email', 'ada@example.com');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'book-details-submit');
    expect(event.detail).to.deep.equal({ customer: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  });

  it('shows the server’s field errors next to their fields', async () => {
    const el = await fixture<BookDetails>(
      html`<book-details .errors=${{ 'customer.email': 'This address bounces' }}></book-details>`,
    );
    expect(text(errorOf(el, 'email'))).to.equal('This address bounces');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'email'));
  });

  it('says it is booking while busy and ignores further submits', async () => {
    const el = await fixture<BookDetails>(
      html`<book-details busy .values=${{ name: 'A', email: 'a@b.de', phone: '', note: '' }}></book-details>`,
    );
    const button = el.shadowRoot!.querySelector('button')!;
    expect(text(button)).to.equal('Booking…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    let submitted = false;
    el.addEventListener('book-details-submit', () => (submitted = true));
    button.click();
    expect(submitted).to.equal(false);
  });

  it('speaks German', async () => {
    const el = await fixture<BookDetails>(html`<book-details locale="de"></book-details>`);
    expect(text(el.shadowRoot!.querySelector('button'))).to.equal('Verbindlich buchen');
    expect(text(el.shadowRoot!.querySelector('label[for=email]'))).to.equal('E-Mail');
  });
});
