import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CustomerBooking, WaitlistEntry } from '../../api/types.js';
import { $, $$, choose, fakeServer, json, sampleAppointment, text, until } from '../../test/helpers.js';
import type { BookWaitlistForm } from '../book-waitlist-form/book-waitlist-form.js';
import '../book-waitlist-form/book-waitlist-form.js';
import './book-waitlist.js';
import type { BookWaitlist } from './book-waitlist.js';

const start = new Date(Date.now() + 5 * 86_400_000).toISOString();
const end = new Date(Date.parse(start) + 3_600_000).toISOString();
const { customer: _, ...booking }: CustomerBooking & { customer: unknown } = sampleAppointment(start, end, {
  id: 7,
  staff: { slug: 'mia', name: 'Mia Rossi' },
});
const team = [
  { slug: 'mia', name: 'Mia Rossi', initials: 'MR', bio: '', photoUrl: null, serviceIds: [1] },
  { slug: 'noah', name: 'Noah Berg', initials: 'NB', bio: '', photoUrl: null, serviceIds: [1] },
];
const entry = (over: Partial<WaitlistEntry> = {}): WaitlistEntry => ({
  id: 3,
  kind: 'earlier',
  status: 'waiting',
  member: 'any',
  days: [1, 3],
  from: '09:00',
  to: '12:00',
  position: 2,
  createdAt: start,
  ...over,
});

const button = (el: BookWaitlist, label: string) => {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
};

describe('book-waitlist', () => {
  let fake: ReturnType<typeof fakeServer>;
  afterEach(() => fake.restore());

  describe('when the appointment waits for nothing yet', () => {
    it('asks with the manage token, then shows the place in line', async () => {
      fake = fakeServer((path, init) => {
        if (path.includes('/api/providers/')) return json(200, { provider: {}, services: [], team });
        if (init?.method === 'PUT') return json(200, { waitlist: entry({ days: [1], from: null, to: null }) });
        return json(200, { waitlist: null });
      });
      const el = await fixture<BookWaitlist>(html`<book-waitlist .booking=${booking} token="tok"></book-waitlist>`);
      await until(() => !button(el, 'Tell me if an earlier time frees up').disabled, 'the entry');
      expect(fake.sent.map((s) => s.path)).to.include('/api/bookings/7/waitlist?token=tok');
      await expect(el).to.be.accessible();

      button(el, 'Tell me if an earlier time frees up').click();
      await el.updateComplete;
      const form = $<BookWaitlistForm>(el, 'book-waitlist-form');
      // A colleague performs the service too: "anyone on the team" is offered.
      await until(() => !!form.shadowRoot!.querySelector('input[value=any]'), 'the member choice');
      form.shadowRoot!.querySelector<HTMLInputElement>('input[value=any]')!.click();
      form.shadowRoot!.querySelector<HTMLInputElement>('input[name=days][value="1"]')!.click();
      const changed = oneEvent(el, 'book-waitlist-change');
      form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      expect((await changed).detail).to.include({ position: 2 });

      expect(fake.sent.find((s) => s.path === '/api/bookings/7/waitlist')).to.deep.equal({
        path: '/api/bookings/7/waitlist',
        body: { member: 'any', days: [1], token: 'tok' },
      });
      await until(() => text($(el, '[role=status]')) !== '', 'the status');
      expect(text($(el, '[role=status]'))).to.equal(
        'Done: we will email you if an earlier time frees up. You are #2 in line.',
      );
      expect(text($(el, '[data-waiting]'))).to.equal(
        'You are #2 in line for an earlier time: with anyone on the team, on Mon, any time.',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('when it is in line already', () => {
    it('shows what it waits for and stops it', async () => {
      fake = fakeServer((_, init) =>
        init?.method === 'DELETE' ? json(200, { waitlist: null }) : json(200, { provider: {}, services: [], team: [] }),
      );
      const el = await fixture<BookWaitlist>(
        html`<book-waitlist .booking=${{ ...booking, staff: null }} .entry=${entry({ member: 'same' })}></book-waitlist>`,
      );
      // The entry came with the appointment ("My appointments"): nothing to ask.
      expect(fake.sent).to.deep.equal([]);
      expect(text($(el, '[data-waiting]'))).to.equal(
        'You are #2 in line for an earlier time: on Mon, Wed, 09:00–12:00 (Berlin time).',
      );
      const changed = oneEvent(el, 'book-waitlist-change');
      button(el, 'Stop').click();
      expect((await changed).detail).to.equal(null);
      expect(fake.sent).to.deep.equal([{ path: '/api/bookings/7/waitlist', body: {} }]);
      await until(() => text($(el, '[role=status]')) !== '', 'the status');
      expect(text($(el, '[role=status]'))).to.equal(
        'You left the waitlist: we will not email you about earlier times.',
      );
      expect(button(el, 'Tell me if an earlier time frees up')).to.exist;
    });

    it('changes it from its current choices', async () => {
      fake = fakeServer(() => json(200, { waitlist: entry({ days: null, from: '14:00', to: '18:00' }) }));
      const el = await fixture<BookWaitlist>(
        html`<book-waitlist .booking=${{ ...booking, staff: null }} .entry=${entry()}></book-waitlist>`,
      );
      button(el, 'Change').click();
      await el.updateComplete;
      const form = $<BookWaitlistForm>(el, 'book-waitlist-form');
      await form.updateComplete;
      form.shadowRoot!.querySelector<HTMLInputElement>('input[name=days][value="1"]')!.click();
      form.shadowRoot!.querySelector<HTMLInputElement>('input[name=days][value="3"]')!.click();
      choose(form.shadowRoot!.querySelector<HTMLInputElement>('input[name=from]')!, '14:00');
      choose(form.shadowRoot!.querySelector<HTMLInputElement>('input[name=to]')!, '18:00');
      form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => !!el.shadowRoot!.querySelector('[data-waiting]'), 'the changed entry');
      expect(fake.sent[0]!.body).to.deep.equal({ from: '14:00', to: '18:00' });
      expect(text($(el, '[data-waiting]'))).to.contain('any day, 14:00–18:00 (Berlin time)');
    });

    it('says when an earlier time is on offer', async () => {
      fake = fakeServer(() => json(200, {}));
      const el = await fixture<BookWaitlist>(
        html`<book-waitlist .booking=${{ ...booking, staff: null }} .entry=${entry({ status: 'offered' })}></book-waitlist>`,
      );
      expect(text($(el, '[data-waiting] strong'))).to.equal('An earlier time is offered to you: see your email.');
    });
  });

  it('shows the server’s refusal', async () => {
    fake = fakeServer((_, init) =>
      init?.method === 'PUT'
        ? json(409, {
            error: { code: 'not_waitlistable', message: 'This appointment cannot wait for an earlier time' },
          })
        : json(200, { waitlist: null }),
    );
    const el = await fixture<BookWaitlist>(
      html`<book-waitlist .booking=${{ ...booking, staff: null }}></book-waitlist>`,
    );
    await until(() => !button(el, 'Tell me if an earlier time frees up').disabled, 'the entry');
    button(el, 'Tell me if an earlier time frees up').click();
    await el.updateComplete;
    const form = $<BookWaitlistForm>(el, 'book-waitlist-form');
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => text($(el, '[role=alert]')) !== '', 'the refusal');
    expect(text($(el, '[role=alert]'))).to.equal('This appointment cannot wait for an earlier time');
  });
});
