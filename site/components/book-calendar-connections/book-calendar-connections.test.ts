import { expect, fixture, html } from '@open-wc/testing';
import type { Profile } from '../../api/types.js';
import { $, $$, fakeServer, json, text, until } from '../../test/helpers.js';
import './book-calendar-connections.js';
import type { BookCalendarConnections } from './book-calendar-connections.js';

const FEED = 'https://book.example/ical/s3cret-token.ics';
const none = { googleShared: false, google: false, microsoft: false };
const overview = (over: Record<string, unknown> = {}) => ({
  connection: null,
  health: null,
  settings: { includeCustomerContact: false },
  feed: { active: false, createdAt: null },
  syncJobs: { pending: 0, running: 0, done: 0, failed: 0 },
  available: none,
  ...over,
});
const googleConnection = {
  service: 'google',
  status: 'active',
  calendarId: 'primary',
  accountEmail: 'owner@gmail.com',
  sharedWith: null,
  sharedRole: null,
  lastError: 'Google answered 503 backendError',
  busyRefreshedAt: null,
  connectedAt: '2026-12-01T08:00:00.000Z',
};
/** Words of the sync machinery that mean nothing to an owner. */
const JARGON = /\b(queue[ds]?|jobs?|retr(y|ies)|backoff|pending|running|sync(ed)?|ICS|503|backendError)\b/i;

async function page(state: ReturnType<typeof overview>): Promise<BookCalendarConnections> {
  const server = fakeServer((path) =>
    path.startsWith('/api/admin/calendar/sync-jobs')
      ? json(200, { syncJobs: [] })
      : path === '/api/admin/calendar/feed/rotate'
        ? json(200, { url: FEED })
        : json(200, state),
  );
  try {
    const el = await fixture<BookCalendarConnections>(
      html`<book-calendar-connections .profile=${{ timeZone: 'Europe/Berlin' } as Profile}></book-calendar-connections>`,
    );
    await until(() => !!el.shadowRoot!.querySelector('#feed-h'), 'the page');
    return el;
  } finally {
    server.restore();
  }
}

describe('book-calendar-connections', () => {
  describe('when this server offers no calendar service', () => {
    it('leads to the calendar link instead of a dead end, in plain words, accessibly', async () => {
      const el = await page(overview());
      const words = text(el.shadowRoot as unknown as Element);
      expect(words).not.to.contain('configured');
      expect(words).not.to.match(JARGON);
      expect(el.shadowRoot!.querySelector('#conn-h')).to.equal(null);
      expect(text($(el, '#feed-h'))).to.equal("See your appointments in your phone's calendar");
      expect(text($(el, 'button.primary'))).to.equal('Get my calendar link');
      await expect(el).to.be.accessible();
    });

    it('gives one-tap subscribe links for iPhone and Google, each with two lines of instructions', async () => {
      const el = await page(overview());
      const server = fakeServer((path) =>
        path === '/api/admin/calendar/feed/rotate'
          ? json(200, { url: FEED })
          : json(
              200,
              path.includes('sync-jobs')
                ? { syncJobs: [] }
                : overview({ feed: { active: true, createdAt: '2026-12-01T08:00:00.000Z' } }),
            ),
      );
      try {
        $<HTMLButtonElement>(el, 'button.primary').click();
        await until(() => !!el.shadowRoot!.querySelector('[data-subscribe]'), 'the links');
      } finally {
        server.restore();
      }
      const webcal = $<HTMLAnchorElement>(el, '[data-subscribe=webcal]');
      const google = $<HTMLAnchorElement>(el, '[data-subscribe=google]');
      expect(webcal.getAttribute('href')).to.equal('webcal://book.example/ical/s3cret-token.ics');
      expect(google.getAttribute('href')).to.equal(
        'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fbook.example%2Fical%2Fs3cret-token.ics',
      );
      expect(new URL(google.href).searchParams.get('cid')).to.equal('webcal://book.example/ical/s3cret-token.ics');
      for (const link of [webcal, google]) {
        const how = link.parentElement!.querySelector('.hint')!;
        expect(how.querySelectorAll('br').length, text(how)).to.equal(1);
      }
      expect(text(webcal.parentElement)).to.contain('On your iPhone, tap the link, then tap Subscribe.');
      expect(text(google.parentElement)).to.contain('Open the link on a computer signed in to Google');
      await expect(el).to.be.accessible();
    });
  });

  describe('when a Google calendar is connected', () => {
    const cases = [
      ['up_to_date', 'Up to date'],
      ['retrying', "Couldn't reach Google — we'll keep trying"],
      ['reconnect', 'Reconnect needed'],
    ] as const;
    for (const [health, words] of cases) {
      it(`says "${words}" and no sync jargon (${health})`, async () => {
        const el = await page(overview({ connection: googleConnection, health, available: { ...none, google: true } }));
        expect(text($(el, '[data-health]'))).to.equal(words);
        const panel = text($(el, 'section[aria-labelledby=conn-h]'));
        expect(panel).not.to.match(JARGON);
        // Reconnecting is offered only when it is needed.
        const connect = $$(el, 'button').filter((b) => text(b) === 'Connect your Google account');
        expect(connect.length).to.equal(health === 'reconnect' ? 1 : 0);
        await expect(el).to.be.accessible();
      });
    }
  });
});
