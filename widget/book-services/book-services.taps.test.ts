/** Issue 14, "booking in fewer taps": the widget against the real server on the shifted clock. */
import { expect, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { NextAvailable } from '../api/types.js';
import type { BookCalendar } from '../book-calendar/book-calendar.js';
import { addMonths, localDate } from '../lib/dates.js';
import { createProvider, type TestProvider, text, waitFor } from '../test/fixtures.js';
import {
  fillDetails,
  inner,
  mount,
  nextMonth,
  openTimes,
  shadow,
  shownDay,
  times,
  waitForHeading,
} from '../test/flow.js';
import type { BookServices } from './book-services.js';

const firstFree = async (p: TestProvider, tz: string): Promise<NextAvailable> =>
  (await fetch(`${p.api}/api/providers/${p.slug}/next-available?service=${p.serviceId}&tz=${tz}`)).json();

/** Waits until the widget shows a day's times, and returns the day. */
async function dayShown(el: BookServices): Promise<string> {
  await waitFor(() => shownDay(el) && inner(el, 'book-times')?.querySelector('li button'), 'no day’s times shown');
  return shownDay(el);
}

async function toDetails(el: BookServices): Promise<void> {
  await openTimes(el);
  inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
  await waitForHeading(el, 'Your details');
}

describe('booking in fewer taps', () => {
  let provider: TestProvider;

  before(async () => {
    provider = await createProvider();
  });

  describe('when a service is chosen', () => {
    it('opens on the month and the day of the first free time, its times grouped by part of the day', async () => {
      const el = await mount(provider);
      inner(el, 'book-service-list')!.querySelector('button')!.click();
      const day = await dayShown(el);
      const { date, slot } = await firstFree(provider, 'Asia/Tokyo');
      expect(day).to.equal(date);
      const cal = shadow(el, 'book-calendar') as BookCalendar;
      expect(cal.month).to.equal(date!.slice(0, 7));
      expect(cal.shadowRoot!.querySelector('[aria-selected=true] button')!.getAttribute('data-date')).to.equal(date);
      // The first time offered is the server's first free slot.
      const first = new Date(slot!.start).toLocaleTimeString('en-US', { timeZone: 'Asia/Tokyo', timeStyle: 'short' });
      expect(times(el)[0]).to.equal(first);
      const parts = [...inner(el, 'book-times')!.querySelectorAll('[role=group] h4')].map(text);
      expect(parts.length).to.be.greaterThan(0);
      expect(['Morning', 'Afternoon', 'Evening']).to.include.members(parts);
      await expect(el).to.be.accessible();
    });

    it('opens on next month’s first free day when this month has none, asking once instead of month by month', async () => {
      const closed = await createProvider({ hours: 'next-month' });
      const month = nextMonth('UTC');
      performance.clearResourceTimings();
      const el = await mount(closed, { service: closed.serviceId, timeZone: 'UTC' });
      expect(await dayShown(el)).to.equal(`${month}-03`);
      expect((shadow(el, 'book-calendar') as BookCalendar).month).to.equal(month);
      const asked = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.pathname.startsWith(`/api/providers/${closed.slug}/`));
      expect(asked.filter((u) => u.pathname.endsWith('/next-available'))).to.have.length(1);
      const months = asked
        .filter((u) => u.pathname.endsWith('/slots'))
        .map((u) => u.searchParams.get('from')!.slice(0, 7));
      const thisMonth = localDate(Date.now(), 'UTC').slice(0, 7);
      // This month (asked alongside) and the first free day's; at most the one after (prefetched), nothing further.
      expect(months).to.include.members([thisMonth, month]);
      expect([thisMonth, month, addMonths(month, 1)]).to.include.members(months);
    });
  });

  describe('where there is room', () => {
    it('puts the calendar and the times side by side, and stacks them in a narrow embed', async () => {
      const box = document.createElement('div');
      box.style.width = '760px';
      document.body.append(box);
      const el = await mount(provider, { service: provider.serviceId });
      box.append(el);
      await openTimes(el);
      const cal = shadow(el, 'book-calendar')!.getBoundingClientRect();
      let list = shadow(el, 'book-times')!.getBoundingClientRect();
      expect(list.left).to.be.at.least(cal.right);
      expect(Math.abs(list.top - cal.top)).to.be.below(2);
      box.style.width = '340px';
      await new Promise(requestAnimationFrame);
      const narrow = shadow(el, 'book-calendar')!.getBoundingClientRect();
      list = shadow(el, 'book-times')!.getBoundingClientRect();
      expect(list.top).to.be.at.least(narrow.bottom);
      expect(el.scrollWidth).to.be.at.most(340);
      box.remove();
    });
  });

  describe('at phone width', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('keeps the confirm button in reach after a time is picked', async () => {
      await setViewport({ width: 360, height: 640 });
      const header = document.createElement('div');
      header.style.height = '240px'; // the page above the widget: a site header, a title
      document.body.append(header);
      const el = await mount(provider, { service: provider.serviceId });
      header.after(el);
      await toDetails(el);
      window.scrollTo(0, 0);
      await new Promise(requestAnimationFrame);
      const details = inner(el, 'book-details')!;
      const button = details.querySelector<HTMLElement>('[part=confirm]')!;
      const rect = button.getBoundingClientRect();
      // The form runs past the bottom of the screen, yet the button sits inside it and nothing covers it.
      expect(details.querySelector('form')!.getBoundingClientRect().bottom).to.be.above(innerHeight);
      expect(rect.bottom).to.be.at.most(innerHeight);
      expect(rect.top).to.be.at.least(0);
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const hit =
        el.shadowRoot!.elementFromPoint(x, y) === shadow(el, 'book-details') && details.elementFromPoint(x, y);
      expect(hit).to.equal(button);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      header.remove();
      el.remove();
    });
  });

  describe('when the details are wrong', () => {
    it('marks every invalid field at once with its message and focuses the first', async () => {
      const el = await mount(provider, { service: provider.serviceId });
      await toDetails(el);
      await fillDetails(el, { name: '', email: 'not an address', phone: 'call me' });
      const form = inner(el, 'book-details')!;
      await waitFor(() => form.querySelector('#name-error'), 'no errors shown');
      expect(['name', 'email', 'phone'].map((f) => text(form.querySelector(`#${f}-error`)))).to.deep.equal([
        'Please enter your name.',
        'Please enter a valid email address.',
        'Please enter a valid phone number.',
      ]);
      expect([...form.querySelectorAll('[aria-invalid=true]')].map((i) => i.id)).to.deep.equal([
        'name',
        'email',
        'phone',
      ]);
      expect(form.activeElement).to.equal(form.querySelector('#name'));
      await expect(el).to.be.accessible();
    });

    it('shows every field the server refused at once', async () => {
      const el = await mount(provider, { service: provider.serviceId });
      await toDetails(el);
      const error = oneEvent(el, 'book-error');
      // Set by script, past the inputs' maxlength: the form's own check passes, the server's limits do not.
      await fillDetails(el, { name: 'A'.repeat(101), email: 'ada@example.com', note: 'x'.repeat(1001) });
      const { detail } = await error;
      expect(detail).to.include({ code: 'invalid_request', status: 400 });
      const form = inner(el, 'book-details')!;
      await waitFor(() => form.querySelector('#note-error'), 'no server errors shown');
      expect(form.querySelector('#name-error')).to.exist;
      expect(form.activeElement).to.equal(form.querySelector('#name'));
    });
  });

  describe('when booked', () => {
    it('says where it emailed, shows price and address, and the Google event carries the manage link', async () => {
      const el = await mount(provider, { service: provider.serviceId });
      await toDetails(el);
      const booked = oneEvent(el, 'book-booked');
      await fillDetails(el, { name: 'Ada Lovelace', email: 'ada@example.com' });
      const { manageUrl } = (await booked).detail as { manageUrl: string };
      await waitForHeading(el, 'You’re booked!');
      const done = inner(el, 'book-confirmation')!;
      expect(text(done.querySelector('.sent'))).to.equal('We emailed you at ada@example.com.');
      const facts = Object.fromEntries(
        [...done.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]),
      );
      expect(facts).to.include({ Service: 'Haircut', Price: '€50.00', Where: 'Teststraße 1, Berlin' });
      expect(text(done.querySelector('a[download]'))).to.equal('Add to Apple/Outlook calendar');
      const google = new URL(done.querySelector<HTMLAnchorElement>('a[href^="https://calendar.google.com"]')!.href);
      expect(google.searchParams.get('details')).to.contain(manageUrl);
      expect(done.querySelector('[part=manage-link]')!.getAttribute('href')).to.equal(manageUrl);
      await expect(el).to.be.accessible();
    });
  });
});
