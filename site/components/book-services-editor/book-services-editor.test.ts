import { expect, fixture, html } from '@open-wc/testing';
import type { AdminService, Profile } from '../../api/types.js';
import { $, fakeServer, json, text, until } from '../../test/helpers.js';
import './book-services-editor.js';
import type { BookServicesEditor } from './book-services-editor.js';

const physio: AdminService = {
  id: 3,
  name: 'Physio',
  description: '',
  durationMinutes: 60,
  price: { amountMinor: 6000, currency: 'EUR' },
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  active: true,
  seats: 1,
  repeat: null,
};
const profile = { slug: 'studio', timeZone: 'Europe/Berlin' } as Profile;

describe('book-services-editor', () => {
  describe('when the server refuses a repeating series', () => {
    it('shows its 422 `fields.repeat` on the series setting and keeps the form open', async () => {
      const server = fakeServer((path, init) =>
        init?.method === 'PATCH'
          ? json(422, {
              error: {
                code: 'unprocessable',
                message: 'Unprocessable',
                fields: { repeat: 'not for a class (seats > 1)' },
              },
            })
          : path === '/api/admin/team'
            ? json(200, { members: [], invitations: [] })
            : json(200, { services: [physio] }),
      );
      try {
        const el = await fixture<BookServicesEditor>(
          html`<book-services-editor .profile=${profile}></book-services-editor>`,
        );
        await until(() => !!el.shadowRoot!.querySelector('[part=service] button'), 'the services');
        [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Edit Physio')!.click();
        await el.updateComplete;
        const form = $(el, 'book-service-form');
        $<HTMLInputElement>(form, '#repeat').click();
        await (form as unknown as { updateComplete: Promise<boolean> }).updateComplete;
        $<HTMLButtonElement>(form, 'button[type=submit]').click();
        await until(() => !!form.shadowRoot!.querySelector('#repeat-error'), 'the field error');

        expect(server.sent.find((s) => s.path === '/api/admin/services/3')!.body).to.deep.include({
          repeat: { maxCount: 8, everyWeeks: [1] },
        });
        expect(text($(form, '#repeat-error'))).to.equal('not for a class (seats > 1)');
        expect(text($(el, '[role=alert]'))).to.not.equal('');
      } finally {
        server.restore();
      }
    });
  });
});
