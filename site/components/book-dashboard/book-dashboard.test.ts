import { expect, fixture, html } from '@open-wc/testing';
import type { Profile } from '../../api/types.js';
import { $, $$, choose, fakeServer, json, sampleAppointment, text, until } from '../../test/helpers.js';
import './book-dashboard.js';
import type { BookDashboard } from './book-dashboard.js';

const team = {
  members: [
    { id: 1, name: 'Anna', serviceIds: [1] },
    { id: 2, name: 'Mia', serviceIds: [1] },
  ],
  invitations: [],
};
const start = new Date(Date.now() + 86_400_000).toISOString();
const end = new Date(Date.parse(start) + 3_600_000).toISOString();
const appointments = [sampleAppointment(start, end, { id: 5, member: { id: 2, name: 'Mia' } })];
const profile = (role: 'owner' | 'staff') =>
  ({
    slug: 'studio-anna',
    timeZone: 'Europe/Berlin',
    bookingRules: { slotStepMinutes: 30 },
    me: { memberId: 1, role, name: 'Anna' },
  }) as Profile;

describe('book-dashboard with a team', () => {
  let server: ReturnType<typeof fakeServer>;
  const url = location.pathname + location.search;
  afterEach(() => {
    server.restore();
    history.replaceState(null, '', url);
  });

  const dashboard = async (role: 'owner' | 'staff', search = '') => {
    history.replaceState(null, '', `/admin${search}`);
    server = fakeServer((path) =>
      path === '/api/admin/team'
        ? json(200, team)
        : path.startsWith('/api/admin/appointments')
          ? json(200, { appointments })
          : path.startsWith('/api/admin/schedule')
            ? json(200, { weeklyHours: [{ weekday: 1, start: '09:00', end: '17:00' }], overrides: [], closures: [] })
            : path.startsWith('/api/admin/blocked-times')
              ? json(200, { blockedTimes: [] })
              : json(200, { services: [] }),
    );
    const el = await fixture<BookDashboard>(html`<book-dashboard .profile=${profile(role)}></book-dashboard>`);
    await until(() => !el.shadowRoot!.querySelector('.loading'), 'the appointments');
    return el;
  };

  it('names the member of each appointment and filters by member', async () => {
    const el = await dashboard('owner');
    expect(text($(el, '[part=appointment]'))).to.contain('Haircut · with Mia');
    expect($$<HTMLOptionElement>(el, '#member option').map(text)).to.deep.equal(['Everyone', 'Anna', 'Mia']);
    await expect(el).to.be.accessible();
    choose($<HTMLSelectElement>(el, '#member'), '2');
    await until(() => server.sent.some((s) => s.path.includes('member=2')), 'the filtered list');
    expect(server.sent.at(-1)!.path).to.match(/^\/api\/admin\/appointments\?from=.*&to=.*&member=2$/);
    expect(location.search).to.equal('?member=2');
  });

  it("shows everyone's week as a column per member, each with their own hours and blocked times", async () => {
    const el = await dashboard('owner', '?view=week&week=2026-12-07');
    await until(() => !!el.shadowRoot!.querySelector('book-week-view'), 'the week');
    const paths = server.sent.map((s) => s.path);
    for (const member of [1, 2]) {
      expect(paths).to.include(`/api/admin/schedule?from=2026-12-07&to=2026-12-13&member=${member}`);
      expect(paths.some((p) => p.startsWith('/api/admin/blocked-times') && p.endsWith(`&member=${member}`))).to.equal(
        true,
      );
    }
    const week = $(el, 'book-week-view') as HTMLElement & { lanes: { member: { name: string } }[] };
    expect(week.lanes.map((l) => l.member.name)).to.deep.equal(['Anna', 'Mia']);
  });

  it('shows staff their own appointments without a member filter or the team', async () => {
    const el = await dashboard('staff');
    expect(el.shadowRoot!.querySelector('#member')).to.equal(null);
    const paths = server.sent.map((s) => s.path);
    expect(paths).not.to.include('/api/admin/team');
    // The services to filter by and book come from the public page: the business's settings are not theirs.
    expect(paths).to.include('/api/providers/studio-anna');
    expect(paths).not.to.include('/api/admin/services');
  });
});

describe('book-dashboard with a recurring series', () => {
  it('badges an occurrence in the list with its place in the series', async () => {
    const occurrence = sampleAppointment(start, end, { id: 6, series: { id: 5, index: 0, count: 4, everyWeeks: 2 } });
    const server = fakeServer((path) =>
      path.startsWith('/api/admin/appointments')
        ? json(200, { appointments: [occurrence, ...appointments] })
        : json(200, { services: [] }),
    );
    try {
      const el = await fixture<BookDashboard>(html`<book-dashboard .profile=${profile('staff')}></book-dashboard>`);
      await until(() => el.shadowRoot!.querySelectorAll('[part=appointment]').length === 2, 'the appointments');
      const badges = $$(el, '[part=appointment]').map((a) => text(a.querySelector('.badge.series')));
      expect(badges).to.deep.equal(['Repeats · 1/4', '']);
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });
});
