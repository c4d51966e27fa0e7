import { expect, fixture, html } from '@open-wc/testing';
import { $, choose, fakeServer, json, text } from '../../test/helpers.js';
import './book-password-reset.js';
import type { BookPasswordReset } from './book-password-reset.js';

async function submit(el: BookPasswordReset, selector: string, value: string): Promise<void> {
  choose($<HTMLInputElement>(el, selector), value);
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  for (let i = 0; i < 5 && !el.shadowRoot!.querySelector('[role=status]'); i++)
    await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
}

describe('book-password-reset', () => {
  describe('when asking for a link', () => {
    it('sends the address and says a link is on its way, accessibly', async () => {
      const el = await fixture<BookPasswordReset>(html`<book-password-reset mode="request"></book-password-reset>`);
      await expect(el).to.be.accessible();
      const server = fakeServer(() => json(202, { sent: true }));
      try {
        await submit(el, '#email', 'ada@example.com');
      } finally {
        server.restore();
      }
      expect(server.sent).to.deep.equal([
        { path: '/api/auth/password-reset/request', body: { email: 'ada@example.com' } },
      ]);
      expect(text($(el, '[role=status]'))).to.contain(
        'If ada@example.com has an account, a link to choose a new password is on its way.',
      );
      await expect(el).to.be.accessible();
    });

    it('marks a malformed address and sends nothing', async () => {
      const el = await fixture<BookPasswordReset>(html`<book-password-reset mode="request"></book-password-reset>`);
      const server = fakeServer(() => json(202, { sent: true }));
      try {
        choose($<HTMLInputElement>(el, '#email'), 'not-an-address');
        $<HTMLButtonElement>(el, 'button[type=submit]').click();
        await el.updateComplete;
      } finally {
        server.restore();
      }
      expect(server.sent).to.deep.equal([]);
      expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement?.id).to.equal('email');
    });
  });

  describe('when setting the new password', () => {
    it('sends the link’s token with the password, then offers to sign in', async () => {
      const el = await fixture<BookPasswordReset>(
        html`<book-password-reset mode="set" token="tok123"></book-password-reset>`,
      );
      await expect(el).to.be.accessible();
      const events: unknown[] = [];
      el.addEventListener('book-password-reset', (e) => events.push((e as CustomEvent).detail));
      const server = fakeServer(() => json(200, { passwordReset: true, role: 'customer' }));
      try {
        await submit(el, '#password', 'a brand new passphrase');
      } finally {
        server.restore();
      }
      expect(server.sent).to.deep.equal([
        { path: '/api/auth/password-reset', body: { token: 'tok123', password: 'a brand new passphrase' } },
      ]);
      expect(events).to.deep.equal([{ role: 'customer' }]);
      expect($(el, 'a.button').getAttribute('href')).to.equal('/login');
    });

    it('says when the link no longer works', async () => {
      const el = await fixture<BookPasswordReset>(
        html`<book-password-reset mode="set" token="used"></book-password-reset>`,
      );
      const server = fakeServer(() =>
        json(400, {
          error: {
            code: 'invalid_request',
            message: 'This link is invalid, used or expired',
            fields: { token: 'invalid or expired' },
          },
        }),
      );
      try {
        choose($<HTMLInputElement>(el, '#password'), 'a brand new passphrase');
        $<HTMLButtonElement>(el, 'button[type=submit]').click();
        for (let i = 0; i < 10 && !text($(el, '[role=alert]')); i++) await new Promise((r) => setTimeout(r, 20));
      } finally {
        server.restore();
      }
      expect(text($(el, '[role=alert]'))).to.equal('This link is invalid, used or expired. Ask for a new one.');
      await expect(el).to.be.accessible();
    });
  });
});
