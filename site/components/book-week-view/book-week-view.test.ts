import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AdminAppointment, BlockedTime, Closure, DateOverride, WeeklyInterval } from '../../api/types.js';
import { $, $$, sampleAppointment, text } from '../../test/helpers.js';
import './book-week-view.js';
import type { BookWeekView, WeekLane } from './book-week-view.js';

const appointment = (
  id: number,
  start: string,
  end: string,
  status: AdminAppointment['status'] = 'confirmed',
): AdminAppointment => sampleAppointment(start, end, { id, status });

describe('book-week-view', () => {
  it('places each appointment on its day at its time in the provider’s zone, as a link', async () => {
    // Monday 2026-12-07; 09:30–10:30 in Berlin is 08:30Z; Wednesday 14:00 is 13:00Z.
    const list = [
      appointment(1, '2026-12-07T08:30:00.000Z', '2026-12-07T09:30:00.000Z'),
      appointment(2, '2026-12-09T13:00:00.000Z', '2026-12-09T13:45:00.000Z', 'cancelled'),
    ];
    const el = await fixture<BookWeekView>(
      html`<book-week-view .appointments=${list} start="2026-12-07" time-zone="Europe/Berlin"></book-week-view>`,
    );
    expect($$(el, '.dayhead').map(text)).to.deep.equal([
      'Mon 7 Dec',
      'Tue 8 Dec',
      'Wed 9 Dec',
      'Thu 10 Dec',
      'Fri 11 Dec',
      'Sat 12 Dec',
      'Sun 13 Dec',
    ]);
    const days = $$(el, '.day');
    const first = days[0]!.querySelector<HTMLAnchorElement>('a.event')!;
    expect(first.getAttribute('href')).to.equal('/admin/appointments/1');
    expect(text(first)).to.equal('09:30–10:30, Haircut,Ada Lovelace, Confirmed');
    // 8:00 is the top; 9:30 is 1.5 hours down at 3rem an hour. Set through the CSSOM: no style attribute markup.
    expect(first.style.top).to.equal('4.5rem');
    expect(days[2]!.querySelector('a.event')!.classList.contains('cancelled')).to.equal(true);
    expect(days[1]!.querySelector('a.event')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('stretches the hours to fit an early appointment', async () => {
    const el = await fixture<BookWeekView>(
      html`<book-week-view .appointments=${[appointment(1, '2026-12-08T05:00:00.000Z', '2026-12-08T06:00:00.000Z')]} start="2026-12-07" time-zone="Europe/Berlin"></book-week-view>`,
    );
    expect(text(el.shadowRoot!.querySelector('.hours .hour'))).to.equal('06:00');
  });

  describe('with opening hours and blocked times', () => {
    // Mon–Fri 10:00–18:00 but Tuesday 07:30–12:00; Wednesday closed by an override; a holiday from Friday; weekends closed.
    const weekly: WeeklyInterval[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '10:00', end: '18:00' }));
    const overrides: DateOverride[] = [
      { date: '2026-12-08', intervals: [{ start: '07:30', end: '12:00' }] },
      { date: '2026-12-09', intervals: [] },
    ];
    const closures: Closure[] = [{ id: 1, from: '2026-12-11', to: '2026-12-20', label: 'Holiday' }];
    const lunch: BlockedTime = {
      id: 7,
      start: '2026-12-10T11:00:00.000Z',
      end: '2026-12-10T12:00:00.000Z',
      label: 'Lunch',
    };
    // Sunday 2026-12-06 noon in Berlin: the whole week lies ahead.
    const NOW = Date.parse('2026-12-06T11:00:00.000Z');
    const week = (list: AdminAppointment[] = []) =>
      fixture<BookWeekView>(
        html`<book-week-view .appointments=${list} .weeklyHours=${weekly} .overrides=${overrides} .closures=${closures} .blockedTimes=${[lunch]}
          .now=${NOW} start="2026-12-07" time-zone="Europe/Berlin"></book-week-view>`,
      );
    /** A grey block's [top, bottom] in hours after the grid's first hour (3rem an hour). */
    const greyed = (day: HTMLElement) =>
      [...day.querySelectorAll<HTMLElement>('.closed-time')].map((c) => [
        Number.parseFloat(c.style.top) / 3,
        (Number.parseFloat(c.style.top) + Number.parseFloat(c.style.height)) / 3,
      ]);

    it('starts at the earliest opening of the week, ends at the latest closing, greys the rest', async () => {
      const el = await week();
      // The grid runs 07:00 (Tuesday's 07:30, to the hour) to 18:00.
      const hours = $$(el, '.hours .hour').map(text);
      expect(hours[0]).to.equal('07:00');
      expect(hours.at(-1)).to.equal('17:00');
      const days = $$(el, '.day');
      expect(greyed(days[0]!)).to.deep.equal([[0, 3]]); // Monday: 07:00–10:00
      expect(greyed(days[1]!)).to.deep.equal([
        [0, 0.5],
        [5, 11],
      ]); // Tuesday: 07:00–07:30 and 12:00–18:00
      expect(greyed(days[2]!)).to.deep.equal([[0, 11]]); // Wednesday: closed all day
      expect(greyed(days[4]!)).to.deep.equal([[0, 11]]); // Friday: in the holiday
      expect(greyed(days[6]!)).to.deep.equal([[0, 11]]);
      expect($$(el, '.dayhead.closed').map(text)).to.deep.equal([
        'Wed 9 Dec, closed',
        'Fri 11 Dec, closed',
        'Sat 12 Dec, closed',
        'Sun 13 Dec, closed',
      ]);
      await expect(el).to.be.accessible();
    });

    it('still shows an appointment outside the opening hours', async () => {
      const el = await week([appointment(1, '2026-12-12T17:00:00.000Z', '2026-12-12T18:00:00.000Z')]);
      expect($$(el, '.hours .hour').map(text).at(-1)).to.equal('18:00'); // 18:00–19:00 Berlin on a closed Saturday
      expect(text($$(el, '.day')[5]!.querySelector('a.event'))).to.contain('Haircut');
    });

    it('names the service on a short appointment, on the line with its time', async () => {
      const el = await week([appointment(1, '2026-12-07T09:00:00.000Z', '2026-12-07T09:30:00.000Z')]);
      const event = $(el, 'a.event');
      expect(event.classList.contains('short')).to.equal(true);
      expect(getComputedStyle(event.querySelector('br')!).display).to.equal('none');
      expect(text(event.querySelector('.service'))).to.equal('Haircut');
    });

    it('draws a blocked time as its own block that can be removed', async () => {
      const el = await week();
      const block = $$(el, '.day')[3]!.querySelector<HTMLElement>('.blocked')!;
      expect(text(block)).to.contain('Blocked 12:00–13:00 Lunch');
      expect(block.style.top).to.equal('15rem'); // 12:00 is 5 hours below 07:00
      const remove = block.querySelector<HTMLButtonElement>('button.remove')!;
      expect(remove.getAttribute('aria-label')).to.equal('Remove blocked time 12:00–13:00 Lunch');
      setTimeout(() => remove.click());
      const { detail } = await oneEvent(el, 'book-blocked-remove');
      expect(detail).to.deep.equal(lunch);
    });

    it('offers the open time, and only that, to book by a click', async () => {
      const el = await week();
      const free = (day: number) => [...$$(el, '.day')[day]!.querySelectorAll<HTMLButtonElement>('button.free')];
      expect(free(0).map((b) => b.getAttribute('aria-label'))[0]).to.equal('New appointment, Mon 7 Dec 10:00');
      expect(free(0)).to.have.length(16); // 10:00–18:00 in half hours
      expect(free(1)).to.have.length(9); // 07:30–12:00
      expect(free(2)).to.have.length(0);
      setTimeout(() => free(1)[3]!.click());
      const { detail } = await oneEvent(el, 'book-slot-pick');
      expect(detail).to.deep.equal({ date: '2026-12-08', time: '09:00' });
    });

    it('offers no time that has passed', async () => {
      const el = await fixture<BookWeekView>(
        html`<book-week-view .weeklyHours=${weekly} .now=${Date.parse('2026-12-07T12:10:00.000Z')} start="2026-12-07"
          time-zone="Europe/Berlin"></book-week-view>`,
      );
      const monday = [...$$(el, '.day')[0]!.querySelectorAll('button.free')].map((b) => b.getAttribute('aria-label'));
      expect(monday[0]).to.equal('New appointment, Mon 7 Dec 13:30'); // 13:10 Berlin now
    });
  });

  describe('with a team', () => {
    // Anna works Mon–Fri 09:00–17:00, Mia only Monday 12:00–18:00 with lunch blocked 13:00–14:00 Berlin.
    const lanes: WeekLane[] = [
      {
        member: { id: 1, name: 'Anna' },
        weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        overrides: [],
        blockedTimes: [],
      },
      {
        member: { id: 2, name: 'Mia' },
        weeklyHours: [{ weekday: 1, start: '12:00', end: '18:00' }],
        overrides: [],
        blockedTimes: [{ id: 3, start: '2026-12-07T12:00:00.000Z', end: '2026-12-07T13:00:00.000Z', label: 'Lunch' }],
      },
    ];
    const NOW = Date.parse('2026-12-06T11:00:00.000Z');
    const list = [
      sampleAppointment('2026-12-07T08:00:00.000Z', '2026-12-07T09:00:00.000Z', {
        id: 1,
        member: { id: 1, name: 'Anna' },
      }),
      sampleAppointment('2026-12-07T14:00:00.000Z', '2026-12-07T15:00:00.000Z', {
        id: 2,
        member: { id: 2, name: 'Mia' },
      }),
    ];
    const week = () =>
      fixture<BookWeekView>(
        html`<book-week-view .appointments=${list} .lanes=${lanes} .now=${NOW} start="2026-12-07" time-zone="Europe/Berlin"></book-week-view>`,
      );

    it('gives each member a column in every day, with their own appointments, hours and blocked times', async () => {
      const el = await week();
      expect($$(el, '.lanehead').slice(1).map(text)[0]).to.equal('AnnaMia');
      const monday = [...$$(el, '.day')[0]!.querySelectorAll<HTMLElement>('.lane')];
      expect(monday.map((l) => [l.style.left, l.style.width])).to.deep.equal([
        ['0%', '50%'],
        ['50%', '50%'],
      ]);
      expect(text(monday[0]!.querySelector('a.event'))).to.equal(
        '09:00–10:00, Haircut,Ada Lovelace, with Anna, Confirmed',
      );
      expect(text(monday[1]!.querySelector('a.event'))).to.contain('with Mia');
      expect(monday[0]!.querySelectorAll('a.event')).to.have.length(1);
      expect(text(monday[1]!.querySelector('.blocked'))).to.contain('Lunch');
      expect(monday[0]!.querySelector('.blocked')).to.equal(null);
      // Tuesday: Anna is open, Mia is not — the day is not closed, only Mia's column is grey all day.
      const tuesday = [...$$(el, '.day')[1]!.querySelectorAll<HTMLElement>('.lane')];
      expect(tuesday[1]!.querySelectorAll('button.free')).to.have.length(0);
      expect(tuesday[0]!.querySelectorAll('button.free')).to.have.length(16);
      expect($$(el, '.dayhead.closed').map(text)).to.deep.equal(['Sat 12 Dec, closed', 'Sun 13 Dec, closed']);
      await expect(el).to.be.accessible();
    });

    it("books the open time of a member's column with that member", async () => {
      const el = await week();
      const mia = $$(el, '.day')[0]!.querySelectorAll<HTMLElement>('.lane')[1]!;
      const cell = mia.querySelector<HTMLButtonElement>('button.free')!;
      expect(cell.getAttribute('aria-label')).to.equal('New appointment with Mia, Mon 7 Dec 12:00');
      setTimeout(() => cell.click());
      const { detail } = await oneEvent(el, 'book-slot-pick');
      expect(detail).to.deep.equal({ date: '2026-12-07', time: '12:00', memberId: 2 });
    });
  });
});
