import { expect, fixture, html } from '@open-wc/testing';
import type { CustomerBooking } from '../../api/types.js';
import { $, fakeServer, json, sampleAppointment, text, until } from '../../test/helpers.js';
import './book-manage.js';
import type { BookManage } from './book-manage.js';

const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const at = (hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const { customer: _, ...booking } = sampleAppointment(at(10), at(11), {
  id: 7,
  staff: { slug: 'mia', name: 'Mia Rossi' },
});
const team = [
  { slug: 'mia', name: 'Mia Rossi', initials: 'MR', bio: '', photoUrl: null, serviceIds: [1] },
  { slug: 'noah', name: 'Noah Berg', initials: 'NB', bio: '', photoUrl: null, serviceIds: [1] },
];

/** The manage page's answers: the booking, its emails, the business's team and free times; a move goes to Noah. */
const server = () =>
  fakeServer((path) => {
    if (path.endsWith('/reschedule')) {
      const moved: CustomerBooking = {
        ...booking,
        start: at(12),
        end: at(13),
        staff: { slug: 'noah', name: 'Noah Berg' },
      };
      return json(200, { booking: moved });
    }
    if (path.includes('/emails')) return json(200, { emails: [] });
    if (path.includes('/slots?')) return json(200, { timeZone: 'UTC', slots: [{ start: at(12), end: at(13) }] });
    if (path.includes('/api/providers/')) return json(200, { provider: {}, services: [], team });
    return json(200, { booking });
  });

describe('book-manage with a team', () => {
  it('names the member and moves the booking to another member’s time when asked', async () => {
    const fake = server();
    try {
      const el = await fixture<BookManage>(html`<book-manage booking-id="7"></book-manage>`);
      await until(() => !!el.shadowRoot!.querySelector('dl'), 'the booking');
      const rows = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);
      expect(rows).to.deep.include(['With', 'Mia Rossi']);
      await expect(el).to.be.accessible();

      [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Reschedule')!.click();
      await el.updateComplete;
      const picker = $(el, 'book-reschedule');
      await until(() => !!picker.shadowRoot!.querySelector('.others input'), 'the other-members option');
      picker.shadowRoot!.querySelector<HTMLInputElement>('.others input')!.click();
      const times = () =>
        picker.shadowRoot!.querySelector('book-times')?.shadowRoot?.querySelector<HTMLButtonElement>('li button');
      await until(() => !!times(), 'the times');
      times()!.click();
      await until(() => !!picker.shadowRoot!.querySelector('button.primary'), 'the move button');
      picker.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
      await until(() => text($(el, '[role=status]')).startsWith('Moved to'), 'the moved status');

      expect(fake.sent.find((s) => s.path.endsWith('/reschedule'))).to.deep.equal({
        path: '/api/bookings/7/reschedule',
        body: { start: at(12), staff: 'any' },
      });
      expect(text($(el, '[role=status]'))).to.contain('with Noah Berg');
    } finally {
      fake.restore();
    }
  });
});

describe('book-manage for an occurrence of a recurring series', () => {
  const series = { id: 5, index: 2, count: 8, everyWeeks: 1 };
  const occurrence: CustomerBooking = { ...booking, series };
  const seriesServer = () =>
    fakeServer((path, init) => {
      // As the server: the following dates too only when asked.
      const following = JSON.parse(String(init?.body ?? '{}')).scope === 'following';
      if (path.endsWith('/cancel')) return json(200, { booking: occurrence, cancelled: following ? 6 : 1 });
      if (path.includes('/emails')) return json(200, { emails: [] });
      if (path.includes('/series')) return json(200, { series, occurrences: [] });
      return json(200, { booking: occurrence });
    });

  const openCancel = async (el: BookManage) => {
    await until(() => !!el.shadowRoot!.querySelector('dl'), 'the booking');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Cancel booking')!.click();
    await el.updateComplete;
    return $(el, '[role=alertdialog] book-cancel-scope');
  };
  const confirm = (el: BookManage) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=alertdialog] button')]
      .find((b) => text(b) === 'Yes, cancel')!
      .click();

  it('says which appointment of the series it is, and cancels only this date by default', async () => {
    const fake = seriesServer();
    try {
      const el = await fixture<BookManage>(html`<book-manage booking-id="7"></book-manage>`);
      await until(() => !!el.shadowRoot!.querySelector('[data-series]'), 'the series line');
      expect(text($(el, '[data-series]'))).to.equal('Appointment 3 of 8 · every week');
      const scope = await openCancel(el);
      const radios = [...scope.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
      expect(radios.map((r) => [text(r.parentElement), r.checked])).to.deep.equal([
        ['Only this date', true],
        ['This and all following dates (appointments 3 to 8)', false],
      ]);
      await expect(el).to.be.accessible();
      confirm(el);
      await until(() => text($(el, '[role=status]')) === 'Your booking is cancelled.', 'the cancelled status');
      expect(fake.sent.find((s) => s.path.endsWith('/cancel'))).to.deep.equal({
        path: '/api/bookings/7/cancel',
        body: { scope: 'one' },
      });
    } finally {
      fake.restore();
    }
  });

  it('cancels this and all following dates when chosen, and says how many', async () => {
    const fake = seriesServer();
    try {
      const el = await fixture<BookManage>(html`<book-manage booking-id="7"></book-manage>`);
      const scope = await openCancel(el);
      scope.shadowRoot!.querySelector<HTMLInputElement>('input[value=following]')!.click();
      await el.updateComplete;
      confirm(el);
      await until(() => text($(el, '[role=status]')) !== '', 'the cancelled status');
      expect(fake.sent.find((s) => s.path.endsWith('/cancel'))!.body).to.deep.equal({ scope: 'following' });
      expect(text($(el, '[role=status]'))).to.equal('6 appointments are cancelled: this date and the following ones.');
    } finally {
      fake.restore();
    }
  });

  it('lists every date of the series, this one marked and the others linked, and lists them anew after a cancel', async () => {
    const dates = (statuses: string[]) =>
      statuses.map((status, index) => ({ id: 5 + index, index, start: at(10 + index), end: at(11 + index), status }));
    let cancelled = false;
    const fake = fakeServer((path) => {
      if (path.endsWith('/cancel')) {
        cancelled = true;
        return json(200, { booking: occurrence, cancelled: 2 });
      }
      if (path.includes('/emails')) return json(200, { emails: [] });
      if (path.startsWith('/api/bookings/7/series')) {
        const after = ['confirmed', 'confirmed', 'cancelled', 'cancelled'];
        return json(200, { series, occurrences: dates(cancelled ? after : Array(4).fill('confirmed')) });
      }
      return json(200, { booking: occurrence });
    });
    history.replaceState(null, '', '?token=tok-1');
    try {
      const el = await fixture<BookManage>(html`<book-manage booking-id="7"></book-manage>`);
      await until(() => !!el.shadowRoot!.querySelector('book-series-dates'), 'the series dates');
      expect(fake.sent.some((s) => s.path === '/api/bookings/7/series?token=tok-1')).to.equal(true);
      expect(text($(el, '#series-h'))).to.equal('All dates in this series');
      const list = $(el, 'book-series-dates');
      await (list as unknown as { updateComplete: Promise<boolean> }).updateComplete;
      const hrefs = [...list.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal(['/manage/5?token=tok-1', '/manage/6?token=tok-1', '/manage/8?token=tok-1']);
      expect(text(list.shadowRoot!.querySelector('[aria-current]'))).to.contain('(this page)');
      await expect(el).to.be.accessible();

      const scope = await openCancel(el);
      scope.shadowRoot!.querySelector<HTMLInputElement>('input[value=following]')!.click();
      await el.updateComplete;
      confirm(el);
      const badges = () => [...list.shadowRoot!.querySelectorAll('.badge')].map((b) => text(b));
      await until(() => badges().join() === 'Confirmed,Confirmed,Cancelled,Cancelled', 'the dates anew');
    } finally {
      history.replaceState(null, '', location.pathname);
      fake.restore();
    }
  });

  it('asks nothing of a single booking and sends no scope', async () => {
    const fake = fakeServer((path) =>
      path.includes('/emails') ? json(200, { emails: [] }) : json(200, { booking: { ...booking, series: null } }),
    );
    try {
      const el = await fixture<BookManage>(html`<book-manage booking-id="7"></book-manage>`);
      await until(() => !!el.shadowRoot!.querySelector('dl'), 'the booking');
      expect(el.shadowRoot!.querySelector('[data-series]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('book-series-dates')).to.equal(null);
      expect(fake.sent.some((s) => s.path.includes('/series'))).to.equal(false);
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Cancel booking')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('book-cancel-scope')).to.equal(null);
      confirm(el);
      await until(() => text($(el, '[role=status]')) !== '', 'the cancelled status');
      expect(fake.sent.find((s) => s.path.endsWith('/cancel'))!.body).to.deep.equal({});
      expect(text($(el, '[role=status]'))).to.equal('Your booking is cancelled.');
    } finally {
      fake.restore();
    }
  });
});
