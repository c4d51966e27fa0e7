import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CustomerBooking, WaitlistOffer } from '../../api/types.js';
import { $, $$, fakeServer, json, sampleAppointment, text, until } from '../../test/helpers.js';
import './book-waitlist-offer.js';
import type { BookWaitlistOffer } from './book-waitlist-offer.js';

const offer: WaitlistOffer = {
  id: 5,
  status: 'open',
  start: '2030-01-10T09:00:00.000Z',
  end: '2030-01-10T10:00:00.000Z',
  expiresAt: '2030-01-08T08:15:00.000Z',
  serviceName: 'Haircut',
  providerName: 'Studio Anna',
  providerSlug: 'studio-anna',
  memberName: 'Mia Rossi',
  currentStart: '2030-01-14T13:00:00.000Z',
  timeZone: 'Europe/Berlin',
};
const { customer: _, ...moved }: CustomerBooking & { customer: unknown } = sampleAppointment(offer.start, offer.end, {
  id: 7,
  manageUrl: 'http://booking.test/manage/7?token=m',
});

describe('book-waitlist-offer', () => {
  let fake: ReturnType<typeof fakeServer>;
  const address = location.href;
  beforeEach(() => history.replaceState(null, '', '?token=offer-token'));
  afterEach(() => {
    fake.restore();
    history.replaceState(null, '', address);
  });

  const open = async () => {
    const el = await fixture<BookWaitlistOffer>(html`<book-waitlist-offer offer-id="5"></book-waitlist-offer>`);
    await until(() => !!el.shadowRoot!.querySelector('dl'), 'the offer');
    expect(fake.sent[0]).to.deep.equal({ path: '/api/waitlist/offers/5?token=offer-token', body: undefined });
    return el;
  };

  it('shows the offered time, the current one and the hold in the customer’s zone; opening it changes nothing', async () => {
    fake = fakeServer(() => json(200, { offer }));
    const el = await open();
    expect($$(el, 'dt, dd').map(text)).to.deep.equal([
      'Earlier time',
      'Thu, 10 Jan 2030, 10:00–11:00',
      'Your time now',
      'Mon, 14 Jan 2030, 14:00',
      'Held for you until',
      'Tue, 8 Jan 2030, 09:15',
    ]);
    expect(text($(el, '.panel p'))).to.equal('Haircut at Studio Anna with Mia Rossi');
    expect(text($(el, '[part=take]'))).to.equal('Move my appointment to Thu, 10 Jan 2030, 10:00');
    expect(fake.sent).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('takes it with one click and links the booking', async () => {
    fake = fakeServer((path) =>
      path.endsWith('/take')
        ? json(200, { offer: { ...offer, status: 'taken' }, booking: moved })
        : json(200, { offer }),
    );
    const el = await open();
    const taken = oneEvent(el, 'book-offer-taken');
    $<HTMLButtonElement>(el, '[part=take]').click();
    expect((await taken).detail).to.include({ id: 7 });
    expect(fake.sent[1]).to.deep.equal({ path: '/api/waitlist/offers/5/take', body: { token: 'offer-token' } });
    await el.updateComplete;
    expect(text($(el, '.outcome'))).to.equal(
      'Done: your appointment is moved to Thu, 10 Jan 2030, 10:00–11:00. We emailed you the details.',
    );
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.outcome'));
    expect($(el, 'a.button').getAttribute('href')).to.equal(moved.manageUrl);
    expect(el.shadowRoot!.querySelector('[part=take]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('when someone else was quicker', () => {
    it('says so, keeps the place in line and lists the other earlier times', async () => {
      fake = fakeServer((path) =>
        path.endsWith('/take')
          ? json(409, {
              error: { code: 'offer_taken', message: 'Someone else took this time' },
              next: ['2030-01-11T08:00:00.000Z', '2030-01-12T15:30:00.000Z'],
            })
          : json(200, { offer }),
      );
      const el = await open();
      $<HTMLButtonElement>(el, '[part=take]').click();
      await until(() => !!el.shadowRoot!.querySelector('.outcome'), 'the outcome');
      expect(text($(el, '.outcome'))).to.equal(
        'Someone else was quicker: this time is taken. You keep your place in line; we will email you if another earlier time frees up.',
      );
      expect($$(el, '[data-next] li').map(text)).to.deep.equal(['Fri, 11 Jan 2030, 09:00', 'Sat, 12 Jan 2030, 16:30']);
      expect(text($(el, '[role=alert]'))).to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  it('offers a class’s place as "Book this place", and says when an offer has expired', async () => {
    fake = fakeServer(() => json(200, { offer: { ...offer, currentStart: null } }));
    let el = await open();
    expect(text($(el, 'dt'))).to.equal('Free place');
    expect(text($(el, '[part=take]'))).to.equal('Book this place');
    fake.restore();

    fake = fakeServer(() => json(200, { offer: { ...offer, status: 'expired' } }));
    el = await open();
    expect(el.shadowRoot!.querySelector('[part=take]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[data-held]')).to.equal(null);
    expect(text($(el, '[role=status]'))).to.contain('This offer has expired');
  });

  it('says when the link is wrong', async () => {
    fake = fakeServer(() => json(404, { error: { code: 'not_found', message: 'Offer not found' } }));
    const el = await fixture<BookWaitlistOffer>(html`<book-waitlist-offer offer-id="5"></book-waitlist-offer>`);
    await until(() => text(el.shadowRoot!.querySelector('[role=alert]')) !== '', 'the problem');
    expect(text($(el, '[role=alert]'))).to.equal('We could not find this offer.');
    await expect(el).to.be.accessible();
  });
});
