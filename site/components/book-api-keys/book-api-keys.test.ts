import { expect, fixture, html } from '@open-wc/testing';
import type { ApiKey } from '../../api/types.js';
import { $, $$, choose, fakeServer, json, text, until } from '../../test/helpers.js';
import './book-api-keys.js';
import type { BookApiKeys } from './book-api-keys.js';

const KEY = `bys_live_abcdefghijkl${'m'.repeat(40)}`;
const crm: ApiKey = {
  id: 1,
  name: 'CRM',
  scope: 'read',
  prefix: 'bys_live_qrstuvwxyz23',
  createdAt: '2026-11-20T09:00:00.000Z',
  createdBy: 'Anna',
  lastUsedAt: null,
  revokedAt: null,
};
const zapier: ApiKey = {
  ...crm,
  id: 2,
  name: 'Zapier',
  scope: 'read_write',
  prefix: 'bys_live_abcdefghijkl',
  createdAt: '2026-12-01T08:00:00.000Z',
};

describe('book-api-keys', () => {
  it('creates a key and shows it once to copy, lists keys with their last use, revokes one after asking', async () => {
    const server = fakeServer((path, init) =>
      path === '/api/admin/api-keys' && init?.method === 'POST'
        ? json(201, { apiKey: zapier, key: KEY })
        : path === '/api/admin/api-keys'
          ? json(200, { apiKeys: [{ ...crm, lastUsedAt: '2026-11-30T10:15:00.000Z' }] })
          : new Response(null, { status: 204 }),
    );
    try {
      const el = await fixture<BookApiKeys>(html`<book-api-keys></book-api-keys>`);
      await until(() => $$(el, '[part=key]').length === 1, 'the list');
      const listed = text($(el, '[part=key]'));
      expect(listed).to.contain('CRM · Read only');
      expect(listed).to.contain('bys_live_qrstuvwxyz23…');
      expect(listed).to.contain('by Anna');
      expect(listed).to.match(/last used Mon, 30 Nov 2026, \d\d:\d\d/);
      await expect(el).to.be.accessible();

      choose($<HTMLInputElement>(el, '#key-name'), 'Zapier');
      choose($<HTMLSelectElement>(el, '#key-scope'), 'read_write');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => $$(el, '[part=key]').length === 2, 'the new key');
      expect(server.sent.at(-1)!.body).to.deep.equal({ name: 'Zapier', scope: 'read_write' });
      expect(text($(el, '[part=secret] code'))).to.equal(KEY);
      expect($(el, '[part=secret] book-copy-button').getAttribute('value')).to.equal(KEY);
      expect(text($$(el, '[part=key]')[0])).to.contain('Zapier · Read and write');
      expect(text($$(el, '[part=key]')[0])).to.contain('never used');
      expect($<HTMLInputElement>(el, '#key-name').value, 'the form is ready for another').to.equal('');
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '[part=secret] .actions > button').click();
      await until(() => $$(el, '[part=secret]').length === 0, 'the key hidden');
      expect(text(el.shadowRoot as unknown as Element)).not.to.contain(KEY);

      const revoke = () => $<HTMLButtonElement>(el, '[part=key]:last-child button.danger');
      revoke().click();
      await until(() => text(revoke()) === 'Really revoke', 'the second question');
      expect(server.sent.filter((s) => s.path === '/api/admin/api-keys/1')).to.have.length(0);
      revoke().click();
      await until(() => text($$(el, '[part=key]')[1]).includes('Revoked'), 'the revocation');
      expect(server.sent.at(-1)!.path).to.equal('/api/admin/api-keys/1');
      expect($$(el, '[part=key]')[1]!.querySelector('button')).to.equal(null);
      expect(text($(el, '[role=status]'))).to.contain('Key "CRM" revoked');
    } finally {
      server.restore();
    }
  });

  it('marks the field the server refused', async () => {
    const server = fakeServer((_path, init) =>
      init?.method === 'POST'
        ? json(400, { error: { code: 'invalid_request', message: 'Invalid json', fields: { name: 'required' } } })
        : json(200, { apiKeys: [] }),
    );
    try {
      const el = await fixture<BookApiKeys>(html`<book-api-keys></book-api-keys>`);
      await until(() => text(el.shadowRoot as unknown as Element).includes('No API keys yet'), 'the empty list');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => !!el.shadowRoot!.querySelector('#name-error'), 'the field error');
      expect(text($(el, '#name-error'))).to.equal('required');
      expect($(el, '#key-name').getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '[role=alert]'))).to.equal('Check the marked fields.');
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });
});
