import { expect, fixture, html } from '@open-wc/testing';
import type { Profile } from '../../api/types.js';
import { $, choose, fakeServer, json, sampleAppointment, text, until } from '../../test/helpers.js';
import './book-appointment-detail.js';
import type { BookAppointmentDetail } from './book-appointment-detail.js';

const start = new Date(Date.now() + 3 * 86_400_000).toISOString();
const end = new Date(Date.parse(start) + 3_600_000).toISOString();
const appointment = sampleAppointment(start, end, { id: 7, cancelReason: null });
const profile = { timeZone: 'Europe/Berlin' } as Profile;

describe('book-appointment-detail', () => {
  describe('when the owner cancels', () => {
    it('sends their message with the cancellation and shows it kept with the appointment, accessibly', async () => {
      const message = 'Sorry, we are closed that day.\nPlease book again.';
      const server = fakeServer((path) =>
        path.startsWith('/api/admin/emails')
          ? json(200, { emails: [] })
          : path.endsWith('/cancel')
            ? json(200, {
                appointment: { ...appointment, status: 'cancelled', cancelledBy: 'provider', cancelReason: message },
              })
            : json(200, { appointment }),
      );
      try {
        const el = await fixture<BookAppointmentDetail>(
          html`<book-appointment-detail appointment-id="7" .profile=${profile}></book-appointment-detail>`,
        );
        await until(() => !!el.shadowRoot!.querySelector('.panel'), 'the appointment');
        $<HTMLButtonElement>(el, 'button.danger').click();
        await el.updateComplete;
        const field = $<HTMLTextAreaElement>(el, '#cancel-reason');
        expect(text(el.shadowRoot!.querySelector('label[for=cancel-reason]'))).to.contain('Message to Ada Lovelace');
        await expect(el).to.be.accessible();
        choose(field, message);
        await el.updateComplete;
        $<HTMLButtonElement>(el, '[role=alertdialog] button.danger').click();
        await until(() => !!el.shadowRoot!.querySelector('dd.message'), 'the kept message');

        expect(server.sent.find((s) => s.path.endsWith('/cancel'))).to.deep.equal({
          path: '/api/admin/appointments/7/cancel',
          body: { reason: message },
        });
        expect(text($(el, 'dd.message'))).to.equal(text({ textContent: message } as Element));
        // The action reports its status after the appointment re-rendered: wait for it rather than read it early.
        await until(() => text($(el, '[role=status]')) === 'Appointment cancelled.', 'the cancelled status');
      } finally {
        server.restore();
      }
    });
  });
});
