import { expect, fixture, html } from '@open-wc/testing';
import { fakeServer, json, text } from '../../test/helpers.js';
import './book-email-banner.js';
import type { BookEmailBanner } from './book-email-banner.js';

async function banner(sendsEmail: boolean): Promise<{ el: BookEmailBanner; sent: { path: string }[] }> {
  const server = fakeServer(() => json(200, { delivery: { sendsEmail } }));
  try {
    const el = await fixture<BookEmailBanner>(html`<book-email-banner></book-email-banner>`);
    await el.updateComplete;
    return { el, sent: server.sent };
  } finally {
    server.restore();
  }
}

describe('book-email-banner', () => {
  describe('when the server sends no email', () => {
    it('tells the owner that emails stay on the site and to ask for SMTP_URL, accessibly', async () => {
      const { el, sent } = await banner(false);
      expect(sent.map((s) => s.path)).to.deep.equal(['/api/admin/emails/delivery']);
      const notice = el.shadowRoot!.querySelector('[role=status]');
      expect(text(notice)).to.contain('Emails are not being sent.');
      expect(text(notice)).to.contain('nobody gets them by email');
      expect(text(notice)).to.contain('ask whoever runs this server to set SMTP_URL');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the server sends email', () => {
    it('shows nothing', async () => {
      const { el } = await banner(true);
      expect(el.shadowRoot!.querySelector('[role=status]')).to.equal(null);
      expect(text(el.shadowRoot as unknown as Element)).to.equal('');
    });
  });
});
