import { expect, fixture, html } from '@open-wc/testing';
import type { Profile } from '../../api/types.js';
import { $, $$, choose, fakeServer, json, until } from '../../test/helpers.js';
import './book-schedule-editor.js';
import type { BookScheduleEditor } from './book-schedule-editor.js';

const team = {
  members: [
    { id: 1, name: 'Anna' },
    { id: 2, name: 'Mia' },
  ],
  invitations: [],
};
const profile = (role: 'owner' | 'staff', memberId = 1) =>
  ({ timeZone: 'Europe/Berlin', me: { memberId, role, name: 'X' } }) as Profile;

describe('book-schedule-editor with a team', () => {
  let server: ReturnType<typeof fakeServer>;
  afterEach(() => server.restore());

  const editor = async (who: Profile) => {
    server = fakeServer((path, init) =>
      path === '/api/admin/team'
        ? json(200, team)
        : init?.method === 'PUT'
          ? json(200, { weeklyHours: [] })
          : json(200, { weeklyHours: [], overrides: [], closures: [] }),
    );
    const el = await fixture<BookScheduleEditor>(html`<book-schedule-editor .profile=${who}></book-schedule-editor>`);
    await until(() => !el.shadowRoot!.querySelector('.loading'), 'the hours');
    return el;
  };

  it("lets the owner pick whose hours and special dates they edit, and saves that member's", async () => {
    const el = await editor(profile('owner'));
    await until(() => !!el.shadowRoot!.querySelector('#member'), 'the member picker');
    expect($$<HTMLOptionElement>(el, '#member option').map((o) => o.textContent)).to.deep.equal(['Anna (you)', 'Mia']);
    await expect(el).to.be.accessible();
    choose($<HTMLSelectElement>(el, '#member'), '2');
    await until(
      () => server.sent.some((s) => s.path === '/api/admin/schedule?from=0000-01-01&to=0000-01-01&member=2'),
      "Mia's hours",
    );
    await until(() => !el.shadowRoot!.querySelector('.loading'), 'the hours');
    const calendar = $(el, 'book-overrides-calendar') as HTMLElement & { member: number };
    expect(calendar.member).to.equal(2);
    await until(
      () =>
        server.sent.some((s) => /^\/api\/admin\/schedule\?from=.*&member=2$/.test(s.path) && !s.path.includes('0000')),
      "Mia's special dates",
    );
    $(el, 'book-week-editor').dispatchEvent(
      new CustomEvent('book-week-submit', { detail: [{ weekday: 1, start: '09:00', end: '17:00' }] }),
    );
    await until(() => server.sent.some((s) => s.path.startsWith('/api/admin/schedule/weekly')), 'the save');
    expect(server.sent.find((s) => s.path.startsWith('/api/admin/schedule/weekly'))).to.deep.equal({
      path: '/api/admin/schedule/weekly?member=2',
      body: { intervals: [{ weekday: 1, start: '09:00', end: '17:00' }] },
    });
    expect(el.shadowRoot!.querySelector('book-closures')).not.to.equal(null);
  });

  it('gives staff their own hours only: no picker, no business closures', async () => {
    const el = await editor(profile('staff', 3));
    expect(server.sent.map((s) => s.path)).not.to.include('/api/admin/team');
    expect(server.sent[0]!.path).to.equal('/api/admin/schedule?from=0000-01-01&to=0000-01-01&member=3');
    expect(el.shadowRoot!.querySelector('#member')).to.equal(null);
    expect(el.shadowRoot!.querySelector('book-closures')).to.equal(null);
  });
});
