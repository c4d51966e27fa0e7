import { expect, fixture, html } from '@open-wc/testing';
import { fakeServer, json, sampleAppointment, text, until } from '../../test/helpers.js';
import './book-my-appointments.js';
import type { BookMyAppointments } from './book-my-appointments.js';

const start = new Date(Date.now() + 3 * 86_400_000).toISOString();
const end = new Date(Date.parse(start) + 3_600_000).toISOString();

describe('book-my-appointments with a team', () => {
  it('names the member who serves each appointment, and nobody before teams', async () => {
    const withMia = sampleAppointment(start, end, { id: 1, staff: { slug: 'mia', name: 'Mia Rossi' } });
    const before = sampleAppointment(start, end, { id: 2 });
    const server = fakeServer((path) =>
      path.startsWith('/api/me/appointments')
        ? json(200, { appointments: [withMia, before] })
        : json(200, { reviews: [] }),
    );
    try {
      const el = await fixture<BookMyAppointments>(html`<book-my-appointments></book-my-appointments>`);
      await until(() => el.shadowRoot!.querySelectorAll('[data-appointment]').length === 2, 'the appointments');
      const line = (id: number) => text(el.shadowRoot!.querySelector(`[data-appointment="${id}"] p.muted`));
      expect(line(1)).to.equal('With Mia Rossi · S');
      expect(line(2)).to.equal('S');
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });
});

describe('book-my-appointments with a recurring series', () => {
  it('badges each occurrence with its place in the series, and nothing else', async () => {
    const third = sampleAppointment(start, end, { id: 1, series: { id: 5, index: 2, count: 8, everyWeeks: 1 } });
    const single = sampleAppointment(start, end, { id: 2, series: null });
    const server = fakeServer((path) =>
      path.startsWith('/api/me/appointments')
        ? json(200, { appointments: [third, single] })
        : json(200, { reviews: [] }),
    );
    try {
      const el = await fixture<BookMyAppointments>(html`<book-my-appointments></book-my-appointments>`);
      await until(() => el.shadowRoot!.querySelectorAll('[data-appointment]').length === 2, 'the appointments');
      const badge = (id: number) => el.shadowRoot!.querySelector(`[data-appointment="${id}"] .badge.series`);
      expect(text(badge(1))).to.equal('Repeats · 3/8');
      expect(badge(1)!.getAttribute('title')).to.equal('Appointment 3 of 8 · every week');
      expect(badge(2)).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });
});

describe('book-my-appointments cancelling an occurrence of a series', () => {
  it('cancels this and all following dates when chosen, and says how many', async () => {
    const second = sampleAppointment(start, end, { id: 1, series: { id: 5, index: 1, count: 4, everyWeeks: 1 } });
    const server = fakeServer((path) =>
      path.endsWith('/cancel')
        ? json(200, { booking: { ...second, status: 'cancelled' }, cancelled: 3 })
        : path.startsWith('/api/me/appointments')
          ? json(200, { appointments: [second] })
          : json(200, { reviews: [] }),
    );
    try {
      const el = await fixture<BookMyAppointments>(html`<book-my-appointments></book-my-appointments>`);
      await until(() => !!el.shadowRoot!.querySelector('[data-appointment]'), 'the appointment');
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Cancel')!.click();
      await el.updateComplete;
      const scope = el.shadowRoot!.querySelector('[role=alertdialog] book-cancel-scope')!;
      scope.shadowRoot!.querySelector<HTMLInputElement>('input[value=following]')!.click();
      await el.updateComplete;
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=alertdialog] button')]
        .find((b) => text(b) === 'Yes, cancel')!
        .click();
      await until(() => text(el.shadowRoot!.querySelector('[role=status]')) !== '', 'the cancelled status');
      expect(server.sent.find((s) => s.path.endsWith('/cancel'))).to.deep.equal({
        path: '/api/bookings/1/cancel',
        body: { scope: 'following' },
      });
      expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal(
        '3 appointments are cancelled: this date and the following ones.',
      );
    } finally {
      server.restore();
    }
  });
});
