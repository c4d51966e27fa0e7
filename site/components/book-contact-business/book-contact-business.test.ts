import { expect, fixture, html } from '@open-wc/testing';
import type { CustomerBooking } from '../../api/types.js';
import { $$, text } from '../../test/helpers.js';
import './book-contact-business.js';
import { type BookContactBusiness, pastCutoff } from './book-contact-business.js';

const booking: CustomerBooking = {
  id: 7,
  status: 'confirmed',
  start: '2030-01-10T09:00:00.000Z',
  end: '2030-01-10T10:00:00.000Z',
  sequence: 0,
  note: '',
  customerName: 'Ada',
  service: { id: 1, name: 'Cut', durationMinutes: 60 },
  provider: {
    slug: 'salon-mira',
    name: 'Salon Mira',
    address: '',
    timeZone: 'Europe/Berlin',
    phone: '+49 (30) 1234-56',
    email: 'hello@salon-mira.test',
  },
  policy: { cutoffHours: 24, text: '', changeableUntil: '2030-01-09T09:00:00.000Z' },
  cancelledBy: null,
};

describe('book-contact-business', () => {
  it('says why and offers the business’s phone and email as links, not a form', async () => {
    const el = await fixture<BookContactBusiness>(
      html`<book-contact-business .booking=${booking}></book-contact-business>`,
    );
    expect(text(el.shadowRoot!.querySelector('p'))).to.equal(
      'It is too late to cancel or reschedule online: Salon Mira takes changes online up to 1 day before the appointment. Please contact Salon Mira.',
    );
    expect($$<HTMLAnchorElement>(el, 'a').map((a) => [text(a), a.getAttribute('href')])).to.deep.equal([
      ['Call +49 (30) 1234-56', 'tel:+4930123456'],
      ['Email hello@salon-mira.test', 'mailto:hello@salon-mira.test'],
    ]);
    expect(el.shadowRoot!.querySelector('form, input, textarea')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('leaves out what the business has not given', async () => {
    const quiet = { ...booking, provider: { ...booking.provider, phone: '', email: null } };
    const el = await fixture<BookContactBusiness>(
      html`<book-contact-business .booking=${quiet}></book-contact-business>`,
    );
    expect($$(el, 'a')).to.have.length(0);
  });

  it('knows when the cut-off has passed', () => {
    const deadline = Date.parse(booking.policy!.changeableUntil!);
    expect(pastCutoff(booking, deadline - 1)).to.equal(false);
    expect(pastCutoff(booking, deadline)).to.equal(true);
    expect(pastCutoff({ ...booking, policy: { cutoffHours: 0, text: '', changeableUntil: null } }, deadline)).to.equal(
      false,
    );
  });
});
