import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { AdminService } from '../../api/types.js';
import { $, $$, choose, fakeServer, json, text } from '../../test/helpers.js';
import './book-new-appointment.js';
import type { BookNewAppointment } from './book-new-appointment.js';

const service = (id: number, name: string, active = true): AdminService => ({
  id,
  name,
  description: '',
  durationMinutes: 60,
  price: { amountMinor: 3000, currency: 'EUR' },
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  active,
});
const services = [service(1, 'Haircut'), service(2, 'Old service', false), service(3, 'Colour')];
// Tuesday 2026-12-08 in Berlin (UTC+1): free at 09:00 and 09:30.
const slots = [
  { start: '2026-12-08T08:00:00.000Z', end: '2026-12-08T09:00:00.000Z' },
  { start: '2026-12-08T08:30:00.000Z', end: '2026-12-08T09:30:00.000Z' },
];

describe('book-new-appointment', () => {
  let server: ReturnType<typeof fakeServer>;
  afterEach(() => server.restore());

  const form = async (reply: (path: string, init?: RequestInit) => Response, time = '') => {
    server = fakeServer(reply);
    const el = await fixture<BookNewAppointment>(
      html`<book-new-appointment .services=${services} time-zone="Europe/Berlin" date="2026-12-08" time=${time}></book-new-appointment>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.times'), 'free times shown');
    return el;
  };
  const answer = (created: (body: unknown) => Response) => (path: string, init?: RequestInit) =>
    path.startsWith('/api/admin/appointments/slots')
      ? json(200, { timeZone: 'Europe/Berlin', slots })
      : created(JSON.parse(String(init?.body)));

  it('offers the active services and the day’s free times, prefilled with the clicked time', async () => {
    const el = await form(
      answer(() => json(500, {})),
      '09:30',
    );
    expect($$<HTMLOptionElement>(el, '#service option').map((o) => o.textContent)).to.deep.equal(['Haircut', 'Colour']);
    expect(server.sent[0]!.path).to.equal('/api/admin/appointments/slots?service=1&date=2026-12-08');
    const times = $$(el, '.times button');
    expect(times.map(text)).to.deep.equal(['09:00', '09:30']);
    expect(times.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    times[0]!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#time').value).to.equal('09:00');
    await expect(el).to.be.accessible();
  });

  it('books a walk-in without an email: the time in the business’s zone, only what was filled in', async () => {
    const el = await form(answer((body) => json(201, { appointment: { id: 9, ...(body as object) } })));
    $$(el, '.times button')[1]!.click();
    choose($<HTMLInputElement>(el, '#name'), '  Walter Walk-in ');
    choose($<HTMLInputElement>(el, '#phone'), '+49 170 1234567');
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
    const { detail } = await oneEvent(el, 'book-appointment-created');
    expect(detail.id).to.equal(9);
    expect(server.sent.at(-1)).to.deep.equal({
      path: '/api/admin/appointments',
      body: {
        service: 1,
        start: '2026-12-08T08:30:00.000Z',
        customer: { name: 'Walter Walk-in', phone: '+49 170 1234567' },
      },
    });
  });

  it('takes another time typed in, and an email', async () => {
    const el = await form(answer(() => json(201, { appointment: { id: 1 } })));
    choose($<HTMLSelectElement>(el, '#service'), '3');
    choose($<HTMLInputElement>(el, '#time'), '14:10');
    choose($<HTMLInputElement>(el, '#name'), 'Ada Caller');
    choose($<HTMLInputElement>(el, '#email'), 'ada@example.com');
    choose($<HTMLTextAreaElement>(el, '#note'), 'Phoned in');
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
    await oneEvent(el, 'book-appointment-created');
    expect(server.sent.at(-1)!.body).to.deep.equal({
      service: 3,
      start: '2026-12-08T13:10:00.000Z',
      customer: { name: 'Ada Caller', email: 'ada@example.com' },
      note: 'Phoned in',
    });
  });

  it('shows every missing field at once, and sends nothing', async () => {
    const el = await form(answer(() => json(201, {})));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.error'));
    expect($$(el, '.error').map(text)).to.deep.equal([
      'Pick a free time or type one, such as 14:30.',
      'Enter the customer’s name.',
    ]);
    expect(el.shadowRoot!.activeElement?.id).to.equal('time');
    expect(server.sent.filter((s) => s.path === '/api/admin/appointments')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says so when the time was taken meanwhile', async () => {
    const el = await form(
      answer(() =>
        json(409, { error: { code: 'slot_taken', message: 'This time was just taken; please pick another' } }),
      ),
    );
    $$(el, '.times button')[0]!.click();
    choose($<HTMLInputElement>(el, '#name'), 'Walter');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('[role=alert]')));
    expect(text($(el, '[role=alert]'))).to.equal('This time was just taken; please pick another');
  });

  describe('with a team', () => {
    const team = [
      { id: 1, name: 'Anna', serviceIds: [1, 3] },
      { id: 2, name: 'Mia', serviceIds: [1] },
      { id: 3, name: 'Leo', serviceIds: [3] },
    ];

    it('offers the members who perform the service, starts with the one given, and books with the one chosen', async () => {
      server = fakeServer(answer(() => json(201, { appointment: { id: 4 } })));
      const el = await fixture<BookNewAppointment>(
        html`<book-new-appointment .services=${services} .members=${team} member-id="2" time-zone="Europe/Berlin" date="2026-12-08"></book-new-appointment>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('.times'), 'free times shown');
      const options = () => $$<HTMLOptionElement>(el, '#member option').map((o) => [o.textContent, o.selected]);
      expect(options()).to.deep.equal([
        ['Anna', false],
        ['Mia', true],
      ]);
      // Mia's free times, then Leo's once the colour is chosen (Mia does not colour).
      expect(server.sent[0]!.path).to.equal('/api/admin/appointments/slots?service=1&date=2026-12-08&member=2');
      choose($<HTMLSelectElement>(el, '#service'), '3');
      await el.updateComplete;
      expect(options()).to.deep.equal([
        ['Anna', true],
        ['Leo', false],
      ]);
      choose($<HTMLSelectElement>(el, '#member'), '3');
      await waitUntil(
        () => server.sent.some((s) => s.path.endsWith('service=3&date=2026-12-08&member=3')),
        'Leo’s times',
      );
      await waitUntil(() => el.shadowRoot!.querySelector('.times'), 'free times shown');
      $$(el, '.times button')[0]!.click();
      choose($<HTMLInputElement>(el, '#name'), 'Walter');
      await expect(el).to.be.accessible();
      setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
      await oneEvent(el, 'book-appointment-created');
      expect(server.sent.at(-1)!.body).to.deep.include({ service: 3, memberId: 3 });
    });

    it('offers no choice to one member (staff book for themselves)', async () => {
      const el = await form(answer(() => json(201, {})));
      expect(el.shadowRoot!.querySelector('#member')).to.equal(null);
    });
  });
});
