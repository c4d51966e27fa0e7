import { expect, fixture, html } from '@open-wc/testing';
import type { AdminMember, Profile } from '../../api/types.js';
import { $, $$, choose, fakeServer, json, text, until } from '../../test/helpers.js';
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

  describe('with a team', () => {
    const members = [
      { id: 1, name: 'Anna' },
      { id: 2, name: 'Mia' },
    ] as AdminMember[];
    const profileOf = (role: 'owner' | 'staff', memberId: number) =>
      ({ timeZone: 'Europe/Berlin', me: { memberId, role, name: 'X' } }) as Profile;
    /** The page over a fake server: Mia's calendar is connected to Google, Anna's to nothing. */
    function teamServer() {
      return fakeServer((path) =>
        path === '/api/admin/team'
          ? json(200, { members, invitations: [] })
          : path.startsWith('/api/admin/calendar/sync-jobs')
            ? json(200, { syncJobs: [] })
            : path.startsWith('/api/admin/calendar/feed/rotate')
              ? json(200, { url: FEED })
              : path.startsWith('/api/admin/calendar/busy/refresh')
                ? json(200, {})
                : json(
                    200,
                    path.includes('member=2')
                      ? overview({
                          connection: googleConnection,
                          health: 'up_to_date',
                          available: { ...none, google: true },
                        })
                      : overview({ available: { ...none, google: true } }),
                  ),
      );
    }

    it('lets the owner pick whose calendar to connect and manage; every change names that member', async () => {
      const server = teamServer();
      try {
        const el = await fixture<BookCalendarConnections>(
          html`<book-calendar-connections .profile=${profileOf('owner', 1)}></book-calendar-connections>`,
        );
        await until(() => !!el.shadowRoot!.querySelector('#feed-h'), 'the page');
        const picker = $(el, 'book-member-picker');
        await until(() => !!picker.shadowRoot!.querySelector('select'), 'the team');
        expect($$<HTMLOptionElement>(picker, 'option').map(text)).to.deep.equal(['Anna (you)', 'Mia']);
        expect(text($(el, '#conn-h'))).to.equal('Your calendar');
        await expect(el).to.be.accessible();

        choose($<HTMLSelectElement>(picker, 'select'), '2');
        await until(() => text(el.shadowRoot!.querySelector('#conn-h')) === "Mia's calendar", 'Mia’s calendar');
        expect(text($(el, '[data-health]'))).to.equal('Up to date');
        expect(text($(el, '#feed-h'))).to.equal("Mia's appointments in a phone's calendar");
        const refresh = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Check busy times now')!;
        refresh.click();
        await until(() => text($(el, '[role=status]')) === 'Busy times read again.', 'the refresh');
        $<HTMLButtonElement>(el, '#feed-h ~ .row button').click();
        await until(() => !!el.shadowRoot!.querySelector('[data-subscribe]'), 'the link');
        const writes = server.sent.filter(
          (s) => !s.path.startsWith('/api/admin/team') && !/calendar(\?|$)|sync-jobs/.test(s.path),
        );
        expect(writes.map((s) => s.path)).to.deep.equal([
          '/api/admin/calendar/busy/refresh?member=2',
          '/api/admin/calendar/feed/rotate?member=2',
        ]);
        expect(server.sent.map((s) => s.path)).to.include('/api/admin/calendar/sync-jobs?status=failed&member=2');
        await expect(el).to.be.accessible();
      } finally {
        server.restore();
      }
    });

    it("opens on the member the page names: back from connecting Mia's Google account", async () => {
      const server = teamServer();
      const before = location.href;
      history.replaceState(null, '', '?connected=google&member=2');
      try {
        const el = await fixture<BookCalendarConnections>(
          html`<book-calendar-connections .profile=${profileOf('owner', 1)}></book-calendar-connections>`,
        );
        await until(() => text(el.shadowRoot!.querySelector('#conn-h')) === "Mia's calendar", 'Mia’s calendar');
        expect(text($(el, '[role=status]'))).to.equal('Connected to Google.');
        expect(server.sent.map((s) => s.path)).to.include('/api/admin/calendar?member=2');
      } finally {
        history.replaceState(null, '', before);
        server.restore();
      }
    });

    it('shows a staff member their own calendar only, without asking for the team', async () => {
      const server = teamServer();
      try {
        const el = await fixture<BookCalendarConnections>(
          html`<book-calendar-connections .profile=${profileOf('staff', 2)}></book-calendar-connections>`,
        );
        await until(() => !!el.shadowRoot!.querySelector('#feed-h'), 'the page');
        expect($(el, 'book-member-picker').shadowRoot!.querySelector('select')).to.equal(null);
        expect(text($(el, '#conn-h'))).to.equal('Your calendar');
        expect(server.sent.map((s) => s.path)).not.to.include('/api/admin/team');
        expect(server.sent.every((s) => !s.path.includes('member='))).to.equal(true);
      } finally {
        server.restore();
      }
    });
  });
  describe('CalDAV (iCloud, Fastmail, Nextcloud)', () => {
    const HOME = 'https://caldav.example/dav/calendars/ada/';
    const davConnection = {
      ...googleConnection,
      service: 'caldav',
      calendarId: `${HOME}work/`,
      accountEmail: 'ada@example.com',
      lastError: null,
    };
    const calendars = [
      { id: `${HOME}work/`, name: 'Work', primary: true },
      { id: `${HOME}home/`, name: 'Home', primary: false },
    ];

    it('connects with a server address, user name and app password, then offers the account’s calendars', async () => {
      const el = await page(overview({ available: { ...none, caldav: true } }));
      const form = $<HTMLFormElement>(el, 'form[data-form="caldav"]');
      expect(text(form)).to.contain('app password');
      await expect(el).to.be.accessible();
      let connected = false;
      const server = fakeServer((path, init) => {
        if (path === '/api/admin/calendar/caldav' && init?.method === 'PUT') {
          connected = true;
          return json(200, { connection: davConnection, calendars });
        }
        if (path.startsWith('/api/admin/calendar/sync-jobs')) return json(200, { syncJobs: [] });
        if (path === '/api/admin/calendar/calendars') return json(200, { calendars });
        if (path === '/api/admin/calendar/calendar') return json(200, { connection: davConnection });
        return json(
          200,
          connected
            ? overview({ connection: davConnection, health: 'up_to_date', available: { ...none, caldav: true } })
            : overview(),
        );
      });
      try {
        choose($<HTMLInputElement>(el, '#dav-url'), ' https://caldav.example/ ');
        choose($<HTMLInputElement>(el, '#dav-user'), 'ada@example.com');
        choose($<HTMLInputElement>(el, '#dav-pass'), 'abcd-efgh-ijkl-mnop');
        form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        await until(() => !!el.shadowRoot!.querySelector('#dav-calendar'), 'the calendar choice');
        expect(server.sent.find((s) => s.path === '/api/admin/calendar/caldav')?.body).to.deep.equal({
          serverUrl: 'https://caldav.example/',
          username: 'ada@example.com',
          password: 'abcd-efgh-ijkl-mnop',
        });
        // The password is nowhere on the page once sent.
        expect(el.shadowRoot!.innerHTML).not.to.contain('abcd-efgh-ijkl-mnop');
        expect(text(el.shadowRoot as unknown as Element)).to.contain('ada@example.com');
        const select = $<HTMLSelectElement>(el, '#dav-calendar');
        expect(select.value).to.equal(`${HOME}work/`);
        choose(select, `${HOME}home/`);
        await until(() => server.sent.some((s) => s.path === '/api/admin/calendar/calendar'), 'the choice sent');
        expect(server.sent.find((s) => s.path === '/api/admin/calendar/calendar')?.body).to.deep.equal({
          calendarId: `${HOME}home/`,
        });
        await expect(el).to.be.accessible();
      } finally {
        server.restore();
      }
    });

    it('says plainly when the server refuses the password', async () => {
      const el = await page(overview({ available: { ...none, caldav: true } }));
      const message =
        'The calendar server refused this user name and password. iCloud, Fastmail and others want an app password made for this, not your account password (see the help on this page).';
      const server = fakeServer(() =>
        json(422, {
          error: { code: 'unprocessable', message, fields: { password: 'refused by the calendar server' } },
        }),
      );
      try {
        choose($<HTMLInputElement>(el, '#dav-url'), 'https://caldav.example/');
        choose($<HTMLInputElement>(el, '#dav-user'), 'ada@example.com');
        choose($<HTMLInputElement>(el, '#dav-pass'), 'wrong');
        $<HTMLButtonElement>(el, 'form[data-form="caldav"] button[type="submit"]').click();
        await until(() => text($(el, '[role="alert"]')).length > 0, 'the problem');
        expect(text($(el, '[role="alert"]'))).to.contain('refused this user name and password');
      } finally {
        server.restore();
      }
    });
  });
});
