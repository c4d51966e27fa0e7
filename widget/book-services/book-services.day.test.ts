import { expect, fixture, html } from '@open-wc/testing';
import type { BookCalendar } from '../book-calendar/book-calendar.js';
import { createProvider, type TestProvider, waitFor } from '../test/fixtures.js';
import { calendarReady, nextMonth, shadow, times, waitForHeading } from '../test/flow.js';
import type { BookServices } from './book-services.js';

/** `day`: a directory card's "next available" link opens the booking on that day, its times shown. */
describe('book-services with a day to open on', () => {
  let provider: TestProvider;

  before(async () => {
    provider = await createProvider();
  });

  it('opens on that day’s times, the calendar on its month with the day selected', async () => {
    const day = `${nextMonth('Asia/Tokyo')}-10`;
    const el = await fixture<BookServices>(html`<book-services
      provider=${provider.slug}
      api=${provider.api}
      service=${provider.serviceId}
      day=${day}
      locale="en-US"
      time-zone="Asia/Tokyo"
    ></book-services>`);
    await waitForHeading(el, 'Choose a time');
    await waitFor(() => times(el).length > 0, 'no times shown');
    expect(shadow(el, 'book-times')!.getAttribute('date')).to.equal(day);
    await calendarReady(el);
    const cal = shadow(el, 'book-calendar') as BookCalendar;
    expect(cal.month).to.equal(day.slice(0, 7));
    expect(cal.selected).to.equal(day);
    await expect(el).to.be.accessible();
  });

  it('ignores a value that is not a date, and opens on the first free day instead', async () => {
    const el = await fixture<BookServices>(html`<book-services
      provider=${provider.slug}
      api=${provider.api}
      service=${provider.serviceId}
      day="soon"
      locale="en-US"
      time-zone="Asia/Tokyo"
    ></book-services>`);
    await waitForHeading(el, 'Choose a time');
    await waitFor(() => times(el).length > 0, 'no times shown');
    expect(shadow(el, 'book-times')!.getAttribute('date')).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });
});
