import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Slot } from '../api/types.js';
import { text } from '../test/fixtures.js';
import './book-times.js';
import type { BookTimes } from './book-times.js';

// 00:00 and 00:30 UTC on 10 January 2030: 09:00 and 09:30 in Tokyo, 05:30 and 06:00 in Kolkata.
const slots: Slot[] = [
  { start: '2030-01-10T00:00:00.000Z', end: '2030-01-10T01:00:00.000Z' },
  { start: '2030-01-10T00:30:00.000Z', end: '2030-01-10T01:30:00.000Z' },
];

const times = (el: BookTimes) => [...el.shadowRoot!.querySelectorAll('li button')].map(text);

describe('book-times', () => {
  it('shows the day’s times in the chosen zone and locale', async () => {
    const el = await fixture<BookTimes>(
      html`<book-times date="2030-01-10" .slots=${slots} time-zone="Asia/Kolkata" locale="en-US"></book-times>`,
    );
    expect(times(el)).to.deep.equal(['5:30 AM', '6:00 AM']);
    expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('Free times on Thursday, January 10, 2030');
    await expect(el).to.be.accessible();
  });

  it('uses 24-hour German times and labels', async () => {
    const el = await fixture<BookTimes>(
      html`<book-times date="2030-01-10" .slots=${slots} time-zone="Asia/Tokyo" locale="de-DE"></book-times>`,
    );
    expect(times(el)).to.deep.equal(['09:00', '09:30']);
    expect(text(el.shadowRoot!.querySelector('label'))).to.equal('Zeitzone');
  });

  it('offers the current and suggested zones first, with their offsets, and reports a change', async () => {
    const el = await fixture<BookTimes>(
      html`<book-times .slots=${slots} date="2030-01-10" time-zone="Asia/Tokyo" .zones=${['Asia/Kolkata', 'Asia/Tokyo']}></book-times>`,
    );
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.labels[0]?.textContent).to.equal('Time zone');
    expect(select.value).to.equal('Asia/Tokyo');
    expect([...select.options].slice(0, 2).map((o) => o.textContent)).to.deep.equal([
      'Asia/Tokyo (GMT+9)',
      'Asia/Kolkata (GMT+5:30)',
    ]);
    expect(select.options.length).to.be.greaterThan(300);
    select.value = 'Asia/Kolkata';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const event = await oneEvent(el, 'book-zone-change');
    expect(event.detail).to.equal('Asia/Kolkata');
    await el.updateComplete;
    expect(times(el)).to.deep.equal(['5:30 AM', '6:00 AM']);
  });

  it('emits book-time-select with the slot', async () => {
    const el = await fixture<BookTimes>(
      html`<book-times date="2030-01-10" .slots=${slots} time-zone="UTC"></book-times>`,
    );
    setTimeout(() => el.shadowRoot!.querySelectorAll<HTMLButtonElement>('li button')[1]!.click());
    const event = await oneEvent(el, 'book-time-select');
    expect(event.detail).to.equal(slots[1]);
  });

  it('says how many places a class time has left', async () => {
    const classTimes = [
      { ...slots[0]!, placesLeft: 5 },
      { ...slots[1]!, placesLeft: 1 },
    ];
    const el = await fixture<BookTimes>(
      html`<book-times date="2030-01-10" .slots=${classTimes} time-zone="Asia/Tokyo" locale="en-GB"></book-times>`,
    );
    expect(times(el)).to.deep.equal(['09:00 5 places left', '09:30 1 place left']);
    await expect(el).to.be.accessible();
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(times(el)).to.deep.equal(['09:00 Noch 5 Plätze frei', '09:30 Noch 1 Platz frei']);
  });

  it('says so when the day has no free times left', async () => {
    const el = await fixture<BookTimes>(html`<book-times date="2030-01-10" .slots=${[]} time-zone="UTC"></book-times>`);
    expect(text(el.shadowRoot!.querySelector('p'))).to.equal('No free times left on this day.');
    await expect(el).to.be.accessible();
  });
});

describe('book-times parts of the day', () => {
  // 09:00, 11:30, 12:00, 16:30, 17:00 and 21:00 in Tokyo (UTC+9).
  const day = ['00:00', '02:30', '03:00', '07:30', '08:00', '12:00'].map((t) => ({
    start: `2030-01-10T${t}:00.000Z`,
    end: `2030-01-10T${t}:00.000Z`,
  }));
  const groups = (el: BookTimes) =>
    [...el.shadowRoot!.querySelectorAll('[role=group]')].map((g): [string, string[]] => [
      text(g.querySelector('h4')),
      [...g.querySelectorAll('li button')].map(text),
    ]);

  it('groups the times into morning, afternoon and evening of the shown zone', async () => {
    const el = await fixture<BookTimes>(
      html`<book-times date="2030-01-10" .slots=${day} time-zone="Asia/Tokyo" locale="en-GB"></book-times>`,
    );
    expect(groups(el)).to.deep.equal([
      ['Morning', ['09:00', '11:30']],
      ['Afternoon', ['12:00', '16:30']],
      ['Evening', ['17:00', '21:00']],
    ]);
    await expect(el).to.be.accessible();
    // In Kolkata (UTC+5:30) the same instants are 05:30, 08:00, 08:30, 13:00, 13:30 and 17:30.
    el.timeZone = 'Asia/Kolkata';
    await el.updateComplete;
    expect(groups(el).map(([name, times]) => [name, times.length])).to.deep.equal([
      ['Morning', 3],
      ['Afternoon', 2],
      ['Evening', 1],
    ]);
  });

  it('leaves out empty parts and names them in German', async () => {
    const el = await fixture<BookTimes>(
      html`<book-times date="2030-01-10" .slots=${day.slice(2, 4)} time-zone="Asia/Tokyo" locale="de-DE"></book-times>`,
    );
    expect(groups(el)).to.deep.equal([['Nachmittag', ['12:00', '16:30']]]);
  });
});
