import { expect, fixture, html } from '@open-wc/testing';
import type { WebhookDelivery, WebhookEndpoint } from '../../api/types.js';
import { $, $$, choose, fakeServer, json, text, until } from '../../test/helpers.js';
import './book-webhooks.js';
import type { BookWebhooks } from './book-webhooks.js';

const EVENT_TYPES = ['booking.created', 'booking.rescheduled', 'booking.cancelled'];
const endpoint: WebhookEndpoint = {
  id: 7,
  url: 'https://crm.example.com/a/very/long/path/for/the/booking/webhooks/that/must/wrap/on/a/phone',
  description: 'CRM',
  events: ['booking.created'],
  enabled: true,
  failureCount: 0,
  failingSince: null,
  disabledAt: null,
  previousSecretUntil: null,
  createdAt: '2030-01-01T08:00:00.000Z',
  updatedAt: '2030-01-01T08:00:00.000Z',
};
const failed: WebhookDelivery = {
  id: 3,
  eventId: 'msg_1',
  type: 'booking.created',
  status: 'failed',
  attempts: 12,
  statusCode: 503,
  durationMs: 41,
  error: 'HTTP 503',
  lastAttemptAt: '2030-01-02T08:00:00.000Z',
  nextAttemptAt: null,
  deliveredAt: null,
  createdAt: '2030-01-01T09:00:00.000Z',
};

describe('book-webhooks', () => {
  it('adds an endpoint and shows its secret once, accessibly', async () => {
    const added = { ...endpoint, id: 8, url: 'https://hooks.example.com/x', events: EVENT_TYPES };
    const server = fakeServer((_path, init) =>
      init?.method === 'POST'
        ? json(201, { endpoint: added, secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0' })
        : json(200, { endpoints: [endpoint], eventTypes: EVENT_TYPES }),
    );
    try {
      const el = await fixture<BookWebhooks>(html`<book-webhooks time-zone="Europe/Berlin"></book-webhooks>`);
      await until(() => $$(el, '[part=endpoint]').length === 1, 'the endpoint');
      expect(text($(el, '[part=endpoint]'))).to.contain('booking.created');
      await expect(el).to.be.accessible();

      choose($<HTMLInputElement>(el, '#url'), 'https://hooks.example.com/x');
      $<HTMLButtonElement>(el, 'form button[type=submit]').click();
      await until(() => $$(el, '[part=endpoint]').length === 2, 'the new endpoint');
      expect(server.sent.at(-1)).to.deep.equal({
        path: '/api/admin/webhooks',
        body: { url: 'https://hooks.example.com/x', description: '', events: EVENT_TYPES },
      });
      expect(text($(el, '.secret'))).to.contain('whsec_c2VjcmV0c2VjcmV0c2VjcmV0');
      expect(text($(el, '[role=status]'))).to.equal('Endpoint added.');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.secret button:not([part])').click();
      await until(() => !el.shadowRoot!.querySelector('.secret'), 'the secret hidden');
    } finally {
      server.restore();
    }
  });

  it('marks the URL the server refused', async () => {
    const server = fakeServer((_path, init) =>
      init?.method === 'POST'
        ? json(400, {
            error: { code: 'invalid_request', message: 'Invalid json', fields: { url: 'must be an https:// URL' } },
          })
        : json(200, { endpoints: [], eventTypes: EVENT_TYPES }),
    );
    try {
      const el = await fixture<BookWebhooks>(html`<book-webhooks></book-webhooks>`);
      await until(() => text(el.shadowRoot as unknown as Element).includes('No webhook endpoints yet'), 'the list');
      choose($<HTMLInputElement>(el, '#url'), 'http://hooks.example.com/x');
      $<HTMLButtonElement>(el, 'form button[type=submit]').click();
      await until(() => !!el.shadowRoot!.querySelector('#url-error'), 'the field error');
      expect(text($(el, '#url-error'))).to.equal('must be an https:// URL');
      expect($(el, '#url').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });

  it('opens the delivery log, redelivers a failed delivery, and rotates the secret', async () => {
    const server = fakeServer((path) => {
      if (path === '/api/admin/webhooks/7/deliveries') return json(200, { deliveries: [failed] });
      if (path.endsWith('/redeliver')) return json(202, { delivery: { ...failed, status: 'pending' } });
      if (path.endsWith('/rotate-secret'))
        return json(200, {
          endpoint: { ...endpoint, previousSecretUntil: '2030-01-03T08:00:00.000Z' },
          secret: 'whsec_bmV3bmV3bmV3bmV3bmV3bmV3',
        });
      return json(200, { endpoints: [endpoint], eventTypes: EVENT_TYPES });
    });
    try {
      const el = await fixture<BookWebhooks>(html`<book-webhooks time-zone="UTC"></book-webhooks>`);
      await until(() => $$(el, '[part=endpoint]').length === 1, 'the endpoint');
      const button = (label: string) =>
        $$<HTMLButtonElement>(el, '[part=endpoint] button').find((b) => text(b) === label)!;
      button('Delivery log').click();
      await until(() => $$(el, '[part=delivery]').length === 1, 'the log');
      expect(text($(el, '[part=delivery]'))).to.contain('HTTP 503');
      expect(text($(el, '[part=delivery]'))).to.contain('attempt 12');
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '[part=delivery] button').click();
      await until(() => text($(el, '[role=status]')) === 'Delivery queued again.', 'the redelivery');
      expect(server.sent.some((s) => s.path === '/api/admin/webhooks/7/deliveries/3/redeliver')).to.equal(true);

      button('Rotate secret').click();
      await until(() => !!el.shadowRoot!.querySelector('.secret'), 'the new secret');
      expect(text($(el, '.secret'))).to.contain('whsec_bmV3bmV3bmV3bmV3bmV3bmV3');
      expect(text($(el, '[part=endpoint]'))).to.contain('previous secret also signs until');
    } finally {
      server.restore();
    }
  });
});
