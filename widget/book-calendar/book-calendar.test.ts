import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { text } from '../test/fixtures.js';
import './book-calendar.js';
import type { BookCalendar } from './book-calendar.js';

const focused = (el: BookCalendar) => el.shadowRoot!.activeElement as HTMLElement | null;
const day = (el: BookCalendar, date: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)!;

async function calendar(attrs: { locale?: string; selected?: string } = {}) {
  return fixture<BookCalendar>(html`<book-calendar
    month="2030-01"
    today="2030-01-08"
    last="2030-06"
    locale=${attrs.locale ?? 'en-GB'}
    selected=${attrs.selected ?? ''}
    .available=${['2030-01-10', '2030-01-15', '2030-02-01']}
  ></book-calendar>`);
}

describe('book-calendar', () => {
  it('shows the month with free days highlighted and the rest marked as having no free times', async () => {
    const el = await calendar();
    expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('January 2030');
    expect(el.shadowRoot!.querySelectorAll('[data-date]')).to.have.length(31);
    expect(day(el, '2030-01-10').classList.contains('free')).to.equal(true);
    expect(day(el, '2030-01-10').getAttribute('aria-label')).to.equal('Thursday, 10 January 2030, free times');
    expect(day(el, '2030-01-11').getAttribute('aria-disabled')).to.equal('true');
    expect(day(el, '2030-01-08').getAttribute('aria-current')).to.equal('date');
    await expect(el).to.be.accessible();
  });

  it('marks the current booking’s day, by look and by name, when rescheduling', async () => {
    const el = await calendar({ selected: '2030-01-15' });
    el.marked = '2030-01-15';
    await el.updateComplete;
    const booked = day(el, '2030-01-15');
    expect(booked.classList.contains('booked')).to.equal(true);
    expect(booked.getAttribute('aria-label')).to.equal('Tuesday, 15 January 2030, free times, your current booking');
    expect(getComputedStyle(booked).boxShadow).not.to.equal('none');
    expect(getComputedStyle(day(el, '2030-01-10')).boxShadow).to.equal('none');
    expect(el.shadowRoot!.querySelectorAll('.booked')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('starts weeks on the locale’s first day', async () => {
    const gb = await calendar({ locale: 'en-GB' });
    expect(text(gb.shadowRoot!.querySelector('th'))).to.equal('Mon');
    const us = await calendar({ locale: 'en-US' });
    expect(text(us.shadowRoot!.querySelector('th'))).to.equal('Sun');
    // 1 January 2030 is a Tuesday: one empty cell before it on Monday-first weeks, two on Sunday-first.
    expect(us.shadowRoot!.querySelectorAll('tbody tr:first-child td:not(:has(button))')).to.have.length(2);
  });

  it('renders German month and weekday names', async () => {
    const el = await calendar({ locale: 'de' });
    expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('Januar 2030');
    expect(text(el.shadowRoot!.querySelector('th'))).to.equal('Mo');
    expect(day(el, '2030-01-10').getAttribute('aria-label')).to.equal('Donnerstag, 10. Januar 2030, freie Termine');
  });

  describe('when used with the keyboard', () => {
    it('has one tab stop: the selected day, else today', async () => {
      const el = await calendar();
      expect(
        [...el.shadowRoot!.querySelectorAll('[tabindex="0"]')].map((b) => b.getAttribute('data-date')),
      ).to.deep.equal(['2030-01-08']);
      const picked = await calendar({ selected: '2030-01-15' });
      expect(picked.shadowRoot!.querySelector('[tabindex="0"]')!.getAttribute('data-date')).to.equal('2030-01-15');
    });

    it('moves by day with left/right, by week with up/down, to the week’s ends with Home/End', async () => {
      const el = await calendar();
      day(el, '2030-01-08').focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)?.dataset.date).to.equal('2030-01-09');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)?.dataset.date).to.equal('2030-01-16');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el)?.dataset.date).to.equal('2030-01-08');
      await sendKeys({ press: 'End' });
      expect(focused(el)?.dataset.date).to.equal('2030-01-13'); // Sunday
      await sendKeys({ press: 'Home' });
      expect(focused(el)?.dataset.date).to.equal('2030-01-07'); // Monday
      expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]')).to.have.length(1);
    });

    it('crosses into the next month with the arrows and PageDown, telling the parent', async () => {
      const el = await calendar();
      day(el, '2030-01-08').focus();
      setTimeout(() => sendKeys({ press: 'PageDown' }));
      const event = await oneEvent(el, 'book-month-change');
      expect(event.detail).to.equal('2030-02');
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('February 2030');
      expect(focused(el)?.dataset.date).to.equal('2030-02-08');
      await sendKeys({ press: 'PageUp' });
      await el.updateComplete;
      await sendKeys({ press: 'ArrowUp' }); // 1 Jan, then back before today's month is refused
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el)?.dataset.date).to.equal('2030-01-01');
      expect(el.month).to.equal('2030-01');
    });

    it('picks a free day with Enter or Space and ignores days without free times', async () => {
      const el = await calendar();
      const picks: string[] = [];
      el.addEventListener('book-day-select', (e) => picks.push((e as CustomEvent<string>).detail));
      day(el, '2030-01-09').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowDown' }); // the 17th: no free times
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' }); // the 15th
      await sendKeys({ press: 'Space' });
      expect(picks).to.deep.equal(['2030-01-10', '2030-01-15']);
    });
  });

  it('disables moving before today’s month and after the last month', async () => {
    const el = await calendar();
    const [prev, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.nav');
    expect(prev!.disabled).to.equal(true);
    expect(prev!.getAttribute('aria-label')).to.equal('Previous month');
    el.month = '2030-06';
    await el.updateComplete;
    expect(next!.disabled).to.equal(true);
  });
});
