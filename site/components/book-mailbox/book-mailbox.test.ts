import { expect, fixture, html } from '@open-wc/testing';
import type { AdminEmail, Email } from '../../api/types.js';
import { $$, text } from '../../test/helpers.js';
import './book-mailbox.js';
import type { BookMailbox } from './book-mailbox.js';

const email = (id: number, transport: Email['transport']): Email => ({
  id,
  kind: 'confirmation',
  appointmentId: 1,
  to: 'kim@example.com',
  subject: `Booking confirmed #${id}`,
  status: 'sent',
  createdAt: '2026-12-01T08:00:00.000Z',
  sentAt: '2026-12-01T08:00:01.000Z',
  transport,
  hasInvitation: false,
  htmlUrl: 'about:blank',
  html: '<p>Hi</p>',
  text: 'Hi',
});

const admin = (e: Email): AdminEmail => ({
  ...e,
  toRole: 'customer',
  messageId: `<${e.id}@booking.test>`,
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
});

const badges = (el: BookMailbox) => $$(el, 'summary .badge').map((b) => text(b));

describe('book-mailbox', () => {
  describe('when an email was kept on the site (no SMTP_URL)', () => {
    it('says so instead of "Sent", in the owner’s log and in the customer’s mailbox, accessibly', async () => {
      const emails = [email(1, 'mailbox'), email(2, 'smtp')];
      const log = await fixture<BookMailbox>(html`<book-mailbox admin .emails=${emails.map(admin)}></book-mailbox>`);
      expect(badges(log)).to.deep.equal(['Kept on site — not emailed', 'Sent']);
      await expect(log).to.be.accessible();
      const mine = await fixture<BookMailbox>(html`<book-mailbox .emails=${emails}></book-mailbox>`);
      expect(badges(mine)).to.deep.equal(['Kept on site — not emailed', 'Sent']);
    });
  });
});
