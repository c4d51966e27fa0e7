import { expect, fixture, html } from '@open-wc/testing';
import type { AdminAppointment } from '../../api/types.js';
import { $$, text } from '../../test/helpers.js';
import './book-week-view.js';
import type { BookWeekView } from './book-week-view.js';

const appointment = (
  id: number,
  start: string,
  end: string,
  status: AdminAppointment['status'] = 'confirmed',
): AdminAppointment => ({
  id,
  status,
  start,
  end,
  sequence: 0,
  note: '',
  customerName: 'Ada L',
  customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: null, timeZone: null },
  service: { id: 1, name: 'Haircut', durationMinutes: 60 },
  provider: { slug: 's', name: 'S', address: '', timeZone: 'Europe/Berlin' },
  cancelledBy: null,
  createdAt: start,
  updatedAt: start,
});

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
    expect(text(first)).to.equal('09:30–10:30, Ada Lovelace,Haircut, Confirmed');
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
});
