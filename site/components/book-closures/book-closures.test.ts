import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, choose, fakeServer, json, text, until } from '../../test/helpers.js';
import './book-closures.js';
import type { BookClosures } from './book-closures.js';

const holiday = { id: 3, from: '2030-07-27', to: '2030-08-09', label: 'Summer holiday' };

describe('book-closures', () => {
  it('lists a two-week holiday as one entry, adds a range as one, removes it as one, accessibly', async () => {
    const added = { id: 4, from: '2030-12-24', to: '2030-12-26', label: '' };
    const server = fakeServer((path) =>
      path.startsWith('/api/admin/schedule?')
        ? json(200, { weeklyHours: [], overrides: [], closures: [holiday] })
        : path === '/api/admin/schedule/closures'
          ? json(201, { closure: added })
          : new Response(null, { status: 204 }),
    );
    try {
      const el = await fixture<BookClosures>(html`<book-closures time-zone="Europe/Berlin"></book-closures>`);
      await until(() => $$(el, '[part=closure]').length === 1, 'the holiday');
      expect(text($(el, '[part=closure]'))).to.contain('Summer holiday');
      expect(text($(el, '[part=closure]'))).to.contain('Sat, 27 Jul 2030 – Fri, 9 Aug 2030 (14 days)');
      await expect(el).to.be.accessible();

      choose($<HTMLInputElement>(el, '#from'), '2030-12-24');
      choose($<HTMLInputElement>(el, '#to'), '2030-12-26');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => $$(el, '[part=closure]').length === 2, 'the new closure');
      expect(server.sent.find((s) => s.path === '/api/admin/schedule/closures')!.body).to.deep.equal({
        from: '2030-12-24',
        to: '2030-12-26',
        label: '',
      });
      expect(text($(el, '[role=status]'))).to.equal('Closed Tue, 24 Dec 2030 – Thu, 26 Dec 2030.');

      $<HTMLButtonElement>(el, '[part=closure] button').click();
      await until(() => $$(el, '[part=closure]').length === 1, 'the removal');
      expect(server.sent.at(-1)!.path).to.equal('/api/admin/schedule/closures/3');
      expect(text($(el, '[part=closure]'))).to.contain('(3 days)');
    } finally {
      server.restore();
    }
  });

  it('marks the field the server refused', async () => {
    const server = fakeServer((path) =>
      path.startsWith('/api/admin/schedule?')
        ? json(200, { weeklyHours: [], overrides: [], closures: [] })
        : json(400, {
            error: {
              code: 'invalid_request',
              message: 'Invalid json',
              fields: { to: 'must not be before the first day' },
            },
          }),
    );
    try {
      const el = await fixture<BookClosures>(html`<book-closures time-zone="Europe/Berlin"></book-closures>`);
      await until(() => text(el.shadowRoot as unknown as Element).includes('No closures coming up'), 'the list');
      choose($<HTMLInputElement>(el, '#from'), '2030-12-24');
      choose($<HTMLInputElement>(el, '#to'), '2030-12-20');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => !!el.shadowRoot!.querySelector('#to-error'), 'the field error');
      expect(text($(el, '#to-error'))).to.equal('must not be before the first day');
      expect($(el, '#to').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });
});
