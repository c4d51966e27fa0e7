import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { $, $$, choose, fakeServer, json, text } from '../../test/helpers.js';
import './book-block-time.js';
import type { BookBlockTime } from './book-block-time.js';

describe('book-block-time', () => {
  let server: ReturnType<typeof fakeServer>;
  afterEach(() => server.restore());

  const form = async (reply: () => Response) => {
    server = fakeServer(reply);
    return fixture<BookBlockTime>(
      html`<book-block-time time-zone="Europe/Berlin" date="2026-12-08"></book-block-time>`,
    );
  };

  it('blocks a lunch hour: local date and times, with a label', async () => {
    const blocked = { id: 4, start: '2026-12-08T11:00:00.000Z', end: '2026-12-08T12:00:00.000Z', label: 'Lunch' };
    const el = await form(() => json(201, { blockedTime: blocked }));
    await expect(el).to.be.accessible();
    choose($<HTMLInputElement>(el, '#block-from'), '12:00');
    choose($<HTMLInputElement>(el, '#block-to'), '13:00');
    choose($<HTMLInputElement>(el, '#block-label'), ' Lunch ');
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
    const { detail } = await oneEvent(el, 'book-time-blocked');
    expect(detail).to.deep.equal(blocked);
    expect(server.sent).to.deep.equal([
      { path: '/api/admin/blocked-times', body: { date: '2026-12-08', from: '12:00', to: '13:00', label: 'Lunch' } },
    ]);
  });

  it('refuses an end before the start without asking the server', async () => {
    const el = await form(() => json(201, {}));
    choose($<HTMLInputElement>(el, '#block-from'), '13:00');
    choose($<HTMLInputElement>(el, '#block-to'), '12:00');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.error'));
    expect($$(el, '.error').map(text)).to.deep.equal(['The end must be after the start.']);
    expect(server.sent).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it("blocks a team member's time when given one", async () => {
    server = fakeServer(() => json(201, { blockedTime: {} }));
    const el = await fixture<BookBlockTime>(
      html`<book-block-time time-zone="Europe/Berlin" date="2026-12-08" member="2" member-name="Mia"></book-block-time>`,
    );
    expect(text($(el, 'h2'))).to.equal('Block time of Mia');
    choose($<HTMLInputElement>(el, '#block-from'), '12:00');
    choose($<HTMLInputElement>(el, '#block-to'), '13:00');
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
    await oneEvent(el, 'book-time-blocked');
    expect(server.sent[0]!.path).to.equal('/api/admin/blocked-times?member=2');
  });
});
