import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Booking } from '../api/types.js';
import { text } from '../test/fixtures.js';
import './book-confirmation.js';
import type { BookConfirmation } from './book-confirmation.js';

const booking: Booking = {
  id: 42,
  status: 'confirmed',
  start: '2030-01-10T00:00:00.000Z',
  end: '2030-01-10T01:00:00.000Z',
  manageUrl: 'http://booking.test/manage/42?token=abc',
  calendarLinks: {
    ics: 'http://booking.test/api/bookings/42/calendar.ics?token=abc',
    google: 'https://calendar.google.com/x',
  },
};

describe('book-confirmation', () => {
  it('shows what was booked in the customer’s zone with calendar and manage links', async () => {
    const el = await fixture<BookConfirmation>(
      html`<book-confirmation .booking=${booking} service="Haircut" email="ada@example.com"
        .price=${{ amountMinor: 2500, currency: 'EUR' }} address="Teststraße 1, Berlin"
        time-zone="Asia/Tokyo" locale="en-GB"></book-confirmation>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('.sent'))).to.equal('We emailed you at ada@example.com.');
    expect([...root.querySelectorAll('dt, dd')].map(text)).to.deep.equal([
      'Service',
      'Haircut',
      'When',
      'Thursday, 10 January 2030, 09:00–10:00',
      'Price',
      '€25.00',
      'Where',
      'Teststraße 1, Berlin',
    ]);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => [text(a), a.getAttribute('href')])).to.deep.equal([
      ['Add to Apple/Outlook calendar', booking.calendarLinks!.ics],
      ['Google Calendar', booking.calendarLinks!.google],
      ['Manage or cancel', booking.manageUrl],
    ]);
    await expect(el).to.be.accessible();
  });

  it('names the team member who serves it', async () => {
    const el = await fixture<BookConfirmation>(
      html`<book-confirmation .booking=${{ ...booking, staff: { slug: 'mia', name: 'Mia Rossi' } }} service="Haircut"
        time-zone="Asia/Tokyo" locale="en-GB"></book-confirmation>`,
    );
    expect([...el.shadowRoot!.querySelectorAll('dt, dd')].map(text).slice(0, 4)).to.deep.equal([
      'Service',
      'Haircut',
      'With',
      'Mia Rossi',
    ]);
    await expect(el).to.be.accessible();
  });

  it('renders in German and offers to book again', async () => {
    const el = await fixture<BookConfirmation>(
      html`<book-confirmation .booking=${booking} time-zone="Asia/Kolkata" locale="de"></book-confirmation>`,
    );
    expect(text(el.shadowRoot!.querySelector('dd'))).to.equal('Donnerstag, 10. Januar 2030, 05:30–06:30');
    setTimeout(() => el.shadowRoot!.querySelector('button')!.click());
    await oneEvent(el, 'book-restart');
  });
});
