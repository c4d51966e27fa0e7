import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BookCalendar } from '../book-calendar/book-calendar.js';
import { createProvider, type TestProvider, text, waitFor } from '../test/fixtures.js';
import {
  calendarReady,
  heading,
  inner,
  mount,
  nextMonth,
  notice,
  openTimes,
  shadow,
  shownDay,
  waitForHeading,
} from '../test/flow.js';
import type { BookServices } from './book-services.js';

describe('book-services', () => {
  let provider: TestProvider;

  before(async () => {
    provider = await createProvider();
  });

  describe('when it loads', () => {
    it('shows a designed loading state, then the services, and fires book-ready', async () => {
      const el = document.createElement('book-services');
      el.setAttribute('provider', provider.slug);
      el.setAttribute('api', provider.api);
      const ready = oneEvent(el, 'book-ready');
      document.body.append(el);
      await el.updateComplete;
      expect(heading(el)).to.equal('Loading…');
      expect(shadow(el, '[part=loading]')).to.exist;
      const event = await ready;
      expect(event.detail).to.deep.equal({ provider: provider.slug, services: 2 });
      expect(event.composed && event.bubbles).to.equal(true);
      await waitForHeading(el, 'Choose a service');
      expect(text(shadow(el, 'header'))).to.equal(provider.name);
      const services = [...inner(el, 'book-service-list')!.querySelectorAll('button')].map(text);
      expect(services).to.deep.equal(['Haircut €50.00 60 min', 'Beard trim €10.00 30 min']);
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('keeps the loading states accessible while the server is slow', async () => {
      // The harness holds answers to `/__held/api/…` while its gate is shut.
      const gate = (state: 'shut' | 'open') => fetch(`/__gate/${state}`);
      await gate('shut');
      const el = document.createElement('book-services');
      el.setAttribute('provider', provider.slug);
      el.setAttribute('api', `${location.origin}/__held`);
      document.body.append(el);
      await el.updateComplete;
      expect(text(shadow(el, '[part=loading]'))).to.equal('Loading…');
      await expect(el).to.be.accessible();
      await gate('open');
      await waitForHeading(el, 'Choose a service');
      await gate('shut');
      inner(el, 'book-service-list')!.querySelector('button')!.click();
      await el.updateComplete;
      const cal = shadow(el, 'book-calendar') as BookCalendar;
      await cal.updateComplete;
      expect(cal.loading).to.equal(true);
      expect(inner(el, 'book-calendar')!.querySelector('table')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(shadow(el, '[part=loading]'))).to.equal('Loading…');
      await expect(el).to.be.accessible();
      await gate('open');
      await calendarReady(el);
      el.remove();
    });

    it('skips the service step when a service is preset', async () => {
      const el = await mount(provider, { service: provider.secondServiceId });
      expect(heading(el)).to.equal('Choose a time');
      expect(text(shadow(el, '.summary'))).to.contain('Beard trim');
      expect(shadow(el, '[part=back]')).to.equal(null);
    });
  });

  describe('when choosing a day', () => {
    it('highlights only days with free slots, per the slots API', async () => {
      const el = await mount(provider, { service: provider.serviceId });
      const cal = await calendarReady(el);
      cal.querySelector<HTMLButtonElement>('[aria-label="Next month"]')!.click();
      const month = nextMonth('Asia/Tokyo');
      const grid = await calendarReady(el);
      const res = await fetch(
        `${provider.api}/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=${month}-01&to=${month}-28&tz=Asia/Tokyo`,
      );
      const { slots } = (await res.json()) as { slots: { start: string }[] };
      const freeDays = new Set(
        slots.map((s) => new Date(s.start).toLocaleDateString('sv', { timeZone: 'Asia/Tokyo' })),
      );
      expect(freeDays.size).to.equal(28); // open every day
      const highlighted = [...grid.querySelectorAll<HTMLElement>('button.free')].map((b) => b.dataset.date!);
      expect(highlighted.filter((d) => d <= `${month}-28`)).to.deep.equal([...freeDays].sort());
      await expect(el).to.be.accessible();
    });

    it('tells the customer when a month is empty and jumps to the next available day', async () => {
      const closed = await createProvider({ hours: 'next-month' });
      const el = await mount(closed, { service: closed.serviceId, timeZone: 'UTC' });
      // It opens on the first free day, next month; this month is one step back.
      (await calendarReady(el)).querySelector<HTMLButtonElement>('[aria-label="Previous month"]')!.click();
      await calendarReady(el);
      const empty = shadow(el, '[part=empty]')!;
      await waitFor(() => empty.querySelector('button'), 'no next-available link');
      const month = nextMonth('UTC');
      const expected = new Date(`${month}-03T00:00:00Z`).toLocaleDateString('en-US', {
        timeZone: 'UTC',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      });
      expect(text(empty)).to.equal(`No free times in this month. Next available: ${expected}`);
      await expect(el).to.be.accessible();
      empty.querySelector('button')!.click();
      const grid = await calendarReady(el);
      expect((shadow(el, 'book-calendar') as HTMLElement & { month: string }).month).to.equal(month);
      expect(grid.querySelector('button.free')!.getAttribute('data-date')).to.equal(`${month}-03`);
      // The day is picked too: its times are there without another tap.
      expect(grid.querySelector('[aria-selected=true] button')!.getAttribute('data-date')).to.equal(`${month}-03`);
      expect(shownDay(el)).to.equal(`${month}-03`);
      expect(inner(el, 'book-times')!.querySelector('li button')).to.exist;
    });

    it('says so when nothing is free in the coming months', async () => {
      const closed = await createProvider({ hours: 'closed' });
      const el = await mount(closed, { service: closed.serviceId });
      await calendarReady(el);
      await waitFor(() => !shadow(el, '[part=empty] .spinner'), 'lookahead did not finish');
      expect(text(shadow(el, '[part=empty]'))).to.equal(
        'No free times in this month. No free times in the coming months.',
      );
    });
  });

  describe('when used with the keyboard only', () => {
    it('moves focus to each new step’s heading and announces it', async () => {
      const el = await mount(provider);
      inner(el, 'book-service-list')!.querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitForHeading(el, 'Choose a time');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(shadow(el, 'h2'));
      expect(text(shadow(el, '[role=status]'))).to.equal('Step 2 of 3: Choose a time');
      const grid = await calendarReady(el);
      (grid.querySelector('[tabindex="0"]') as HTMLElement).focus();
      await sendKeys({ press: 'PageDown' });
      await calendarReady(el);
      const cal = inner(el, 'book-calendar')!;
      await waitFor(
        () => (cal.activeElement as HTMLElement | null)?.dataset.date?.startsWith(nextMonth('Asia/Tokyo')),
        'focus did not move',
      );
      const day = (cal.activeElement as HTMLElement).dataset.date!;
      await sendKeys({ press: 'Space' });
      // The times show beside the calendar: focus stays on the day, the live region names it.
      await waitFor(() => shownDay(el) === day, 'the day’s times did not show');
      expect(cal.activeElement).to.equal(cal.querySelector(`[data-date="${day}"]`));
      expect(text(shadow(el, '[role=status]'))).to.match(/^Free times on /);
      await sendKeys({ press: 'Tab' }); // on to the zone and the times
      await sendKeys({ press: 'Tab' });
      expect(text(inner(el, 'book-times')!.activeElement)).to.equal('9:00 AM');
      await sendKeys({ press: 'Enter' });
      await waitForHeading(el, 'Your details');
      await sendKeys({ down: 'Shift' }); // from the heading back to the back button
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await waitForHeading(el, 'Choose a time');
    });
  });

  describe('when the server cannot be reached', () => {
    it('shows an offline state with a retry and fires book-error', async () => {
      const el = document.createElement('book-services');
      el.setAttribute('provider', provider.slug);
      el.setAttribute('api', 'http://127.0.0.1:9');
      const error = oneEvent(el, 'book-error');
      document.body.append(el);
      expect((await error).detail).to.include({ code: 'offline', status: 0 });
      await el.updateComplete;
      expect(notice(el)).to.equal('You seem to be offline. Check your connection and try again.');
      expect(text(shadow(el, 'button.primary'))).to.equal('Try again');
      await expect(el).to.be.accessible();
      // The retry works once the server is reachable again.
      el.setAttribute('api', provider.api);
      await waitForHeading(el as BookServices, 'Choose a service');
      expect(notice(el)).to.equal('');
      el.remove();
    });
  });

  it('says when the provider does not exist, without offering a retry', async () => {
    const el = await mount({ slug: 'no-such-provider', api: provider.api });
    expect(notice(el)).to.equal('This booking page could not be found.');
    expect(heading(el)).to.equal('Booking unavailable');
    expect(shadow(el, 'button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('when the page styles it', () => {
    it('takes tokens and ::part() rules but no inherited page CSS', async () => {
      const style = document.createElement('style');
      style.textContent = `.themed { --book-radius: 3px; --book-accent-soft: rgb(1, 2, 3); }
        .themed::part(heading) { color: rgb(200, 0, 0); }
        .page { text-transform: uppercase; letter-spacing: 4px; }`;
      document.head.append(style);
      const wrapper = document.createElement('div');
      wrapper.className = 'page';
      document.body.append(wrapper);
      const el = await mount(provider, { service: provider.serviceId });
      wrapper.append(el);
      el.classList.add('themed');
      (await calendarReady(el)).querySelector<HTMLButtonElement>('[aria-label="Next month"]')!.click();
      const grid = await calendarReady(el);
      expect(getComputedStyle(shadow(el, 'h2')!).color).to.equal('rgb(200, 0, 0)');
      expect(getComputedStyle(shadow(el, 'h2')!).textTransform).to.equal('none');
      expect(getComputedStyle(shadow(el, 'h2')!).letterSpacing).to.equal('normal');
      expect(getComputedStyle(grid.querySelector('button.free')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(el).borderTopLeftRadius).to.equal('3px');
      wrapper.remove();
      style.remove();
    });

    it('passes the accessibility checks in the dark theme', async () => {
      const el = await mount(provider, { theme: 'dark' });
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 24, 29)');
      await expect(el).to.be.accessible();
      await openTimes(el);
      await expect(el).to.be.accessible();
    });
  });

  it('runs several widgets on one page independently', async () => {
    const other = await createProvider({ name: 'Second Studio' });
    const [a, b] = await Promise.all([mount(provider), mount(other, { locale: 'de' })]);
    expect(text(shadow(a, '.provider'))).to.equal(provider.name);
    expect(text(shadow(b, '.provider'))).to.equal('Second Studio');
    await openTimes(a);
    expect(heading(a)).to.equal('Choose a time');
    expect(heading(b)).to.equal('Leistung wählen');
    await aTimeout(0);
  });
});
