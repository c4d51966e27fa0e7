import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import type { SeriesOccurrence } from '../../api/types.js';
import { formatSpan } from '../../lib/format.js';
import { $, $$, text } from '../../test/helpers.js';
import './book-series-dates.js';
import type { BookSeriesDates } from './book-series-dates.js';

const DAY = 86_400_000;
/** A weekly series around now: the first date is over, the rest ahead (as the manage page would show today). */
const weekly = (offsetDays: number) => {
  const start = new Date(Date.now() + offsetDays * DAY);
  start.setUTCHours(9, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
};
const occurrences: SeriesOccurrence[] = [
  { id: 11, index: 0, ...weekly(-7), status: 'completed' },
  { id: 12, index: 1, ...weekly(7), status: 'confirmed' },
  // Index 2 was skipped when booking: the numbers still say which appointment of the series each is.
  { id: 14, index: 3, ...weekly(21), status: 'cancelled' },
  { id: 15, index: 4, ...weekly(28), status: 'confirmed' },
];

const render = (token: string | null = 'tok/en+1') =>
  fixture<BookSeriesDates>(
    html`<book-series-dates .occurrences=${occurrences} current="12" token=${token ?? nothing} time-zone="Europe/Berlin"></book-series-dates>`,
  );

describe('book-series-dates', () => {
  it('lists every date in order with its time, number and status, the current one marked', async () => {
    const el = await render();
    const items = $$<HTMLLIElement>(el, 'li');
    expect(items.map((li) => [li.value, text(li)])).to.deep.equal([
      [1, `${formatSpan(occurrences[0]!.start, occurrences[0]!.end, 'Europe/Berlin')} Done`],
      [2, `${formatSpan(occurrences[1]!.start, occurrences[1]!.end, 'Europe/Berlin')} Confirmed (this page)`],
      [4, `${formatSpan(occurrences[2]!.start, occurrences[2]!.end, 'Europe/Berlin')} Cancelled`],
      [5, `${formatSpan(occurrences[3]!.start, occurrences[3]!.end, 'Europe/Berlin')} Confirmed`],
    ]);
    expect(items.map((li) => li.getAttribute('aria-current'))).to.deep.equal([null, 'true', null, null]);
    expect(text($(el, '[part~=current]'))).to.contain('(this page)');
    await expect(el).to.be.accessible();
  });

  it('links every other date to its own manage page with the same token, and not the current one', async () => {
    const el = await render();
    const links = $$<HTMLAnchorElement>(el, 'a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '/manage/11?token=tok%2Fen%2B1',
      '/manage/14?token=tok%2Fen%2B1',
      '/manage/15?token=tok%2Fen%2B1',
    ]);
    expect($(el, '[aria-current]').querySelector('a')).to.equal(null);
  });

  describe('when the page was opened signed in, without a token', () => {
    it('links the plain manage pages', async () => {
      const el = await render(null);
      expect($$<HTMLAnchorElement>(el, 'a').map((a) => a.getAttribute('href'))).to.deep.equal([
        '/manage/11',
        '/manage/14',
        '/manage/15',
      ]);
    });
  });

  describe('on a 360 px phone', () => {
    it('fits without scrolling sideways', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 328px"><book-series-dates .occurrences=${occurrences} current="12" token="t"
          time-zone="America/Argentina/Buenos_Aires"></book-series-dates></div>`,
      );
      const el = wrapper.querySelector('book-series-dates')!;
      await el.updateComplete;
      expect(el.scrollWidth).to.be.at.most(328);
      for (const li of $$(el, 'li')) expect(li.scrollWidth).to.be.at.most(li.clientWidth + 1);
    });
  });
});
