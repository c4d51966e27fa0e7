import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, choose, text } from '../../test/helpers.js';
import './book-auth-form.js';
import type { BookAuthForm } from './book-auth-form.js';

describe('book-auth-form', () => {
  it('signs in with email and password, accessibly', async () => {
    const el = await fixture<BookAuthForm>(html`<book-auth-form mode="login"></book-auth-form>`);
    expect($$(el, 'input').map((i) => i.id)).to.deep.equal(['email', 'password']);
    expect($(el, '#password').getAttribute('autocomplete')).to.equal('current-password');
    expect($(el, 'a.forgot').getAttribute('href')).to.equal('/forgot-password');
    await expect(el).to.be.accessible();
  });

  it('creates a provider or customer account, preselected by account-type', async () => {
    const el = await fixture<BookAuthForm>(
      html`<book-auth-form mode="signup" account-type="provider"></book-auth-form>`,
    );
    expect($<HTMLInputElement>(el, 'input[value=provider]').checked).to.equal(true);
    expect(text($(el, 'label[for=name]'))).to.equal('Your name');
    expect(el.getAttribute('role')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('when the address has an account that was never confirmed', () => {
    it('says a link went to that address instead of signing in', async () => {
      const el = await fixture<BookAuthForm>(html`<book-auth-form mode="signup"></book-auth-form>`);
      const realFetch = window.fetch;
      window.fetch = async () =>
        new Response(JSON.stringify({ confirmationSent: true }), {
          status: 202,
          headers: { 'content-type': 'application/json' },
        });
      try {
        choose($<HTMLInputElement>(el, '#name'), 'Vera');
        choose($<HTMLInputElement>(el, '#email'), 'vera@example.org');
        choose($<HTMLInputElement>(el, '#password'), 'a long enough passphrase');
        $<HTMLButtonElement>(el, 'button[type=submit]').click();
        for (let i = 0; i < 10 && !el.shadowRoot!.querySelector('[role=status]'); i++)
          await new Promise((r) => setTimeout(r, 20));
      } finally {
        window.fetch = realFetch;
      }
      expect(text($(el, '[role=status]'))).to.contain('We have emailed it a link');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the form is incomplete', () => {
    it('marks each field with its problem, focuses the first and sends nothing', async () => {
      const el = await fixture<BookAuthForm>(html`<book-auth-form mode="signup"></book-auth-form>`);
      const sent: string[] = [];
      const realFetch = window.fetch;
      window.fetch = async (input) => {
        sent.push(String(input));
        return new Response('{}');
      };
      try {
        choose($<HTMLInputElement>(el, '#email'), 'not-an-email');
        choose($<HTMLInputElement>(el, '#password'), 'short');
        $<HTMLButtonElement>(el, 'button[type=submit]').click();
        await el.updateComplete;
        await el.updateComplete;
      } finally {
        window.fetch = realFetch;
      }
      expect(sent).to.deep.equal([]);
      expect($$(el, '[aria-invalid=true]').map((i) => i.id)).to.deep.equal(['name', 'email', 'password']);
      expect(text($(el, '#password-error'))).to.equal('Use at least 10 characters.');
      expect($(el, '#email').getAttribute('aria-describedby')).to.equal('email-error');
      expect(el.shadowRoot!.activeElement?.id).to.equal('name');
      await expect(el).to.be.accessible();
    });
  });
});
