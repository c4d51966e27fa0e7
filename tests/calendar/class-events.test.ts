import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { classUid } from '../../server/ical/appointment-calendar.js';
import { book, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session } from '../support/http.js';
import { MIA_STAFF, ownerIdOf } from '../support/member-fixtures.js';
import { bookWithMember, inviteAndJoin } from '../support/team.js';
import { APP_URL, type TestContext } from '../support/test-app.js';
import { calendarWorld, callbackPath, connectOwnGoogle, drainSync, outlookWorld } from './calendar-context.js';

const OWNER = 'yoga.owner@gmail.com';
const CLASS = '2026-12-02T09:00:00.000Z';
const PEOPLE = ['Ada', 'Bo', 'Cy', 'Di'].map((name) => ({ name, email: `${name.toLowerCase()}@example.com` }));

/** The service becomes a class of 12; `count` people book the class time with its member, over the public API. */
async function fillClass(ctx: TestContext, provider: ProviderFixture, memberId: number, count: number) {
  await ctx.db.updateTable('services').set({ seats: 12 }).where('id', '=', provider.serviceId).execute();
  const { slug } = await ctx.db
    .selectFrom('team_members')
    .select('slug')
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const customer of PEOPLE.slice(0, count)) {
    const res = await book(ctx, provider, CLASS, { customer, staff: slug });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.booking.id);
  }
  return ids;
}

/** The provider cancels the class time as a whole: each attendee through the one cancellation. */
const cancelClass = (ctx: TestContext, provider: ProviderFixture, memberId: number) =>
  call(ctx, 'POST', '/api/admin/classes/cancel', {
    session: provider.session,
    body: { serviceId: provider.serviceId, memberId, start: CLASS },
  });

const cancel = (ctx: TestContext, provider: ProviderFixture, id: number) =>
  call(ctx, 'POST', `/api/admin/appointments/${id}/cancel`, { session: provider.session, body: {} });

describe('a class time is one event in Google Calendar', () => {
  const ctx = calendarWorld();

  it('counts its attendees in the title, lists them, follows joins and leaves, and goes with the last', async () => {
    await connectOwnGoogle(ctx, OWNER);
    const [ada, bo, cy] = await fillClass(ctx, ctx.provider, await ownerIdOf(ctx, ctx.provider), 3);
    await drainSync(ctx);
    let events = ctx.google.liveEvents(OWNER);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ summary: 'Consultation (3/12)', start: { dateTime: CLASS } });
    expect(events[0]!.description).toMatch(/^Attendees \(3 of 12\):\n- Ada\n- Bo\n- Cy\n/);
    expect(events[0]!.description).not.toContain('@example.com');

    expect((await cancel(ctx, ctx.provider, bo!)).status).toBe(200);
    await drainSync(ctx);
    events = ctx.google.liveEvents(OWNER);
    expect(events.map((e) => e.summary)).toEqual(['Consultation (2/12)']);
    expect(events[0]!.description).not.toContain('Bo');

    const optIn = await call(ctx, 'PUT', '/api/admin/calendar/settings', {
      session: ctx.provider.session,
      body: { includeCustomerContact: true },
    });
    expect(optIn.status).toBe(200);
    await drainSync(ctx);
    expect(ctx.google.liveEvents(OWNER)[0]!.description).toContain('- Ada (ada@example.com)');

    // Cy moves to another time: a second event, and the class counts one fewer.
    const moved = await call(ctx, 'POST', `/api/admin/appointments/${cy}/reschedule`, {
      session: ctx.provider.session,
      body: { start: '2026-12-02T13:00:00.000Z' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await drainSync(ctx);
    expect(
      ctx.google
        .liveEvents(OWNER)
        .map((e) => e.summary)
        .sort(),
    ).toEqual(['Consultation (1/12)', 'Consultation (1/12)']);

    for (const id of [ada!, cy!]) expect((await cancel(ctx, ctx.provider, id)).status).toBe(200);
    await drainSync(ctx);
    expect(ctx.google.liveEvents(OWNER)).toEqual([]);
  });
});

describe('a class time is one event in Outlook', () => {
  const ctx = outlookWorld();
  const MAIL = 'studio@contoso.example';

  it('made once, updated as people leave, deleted when the class is cancelled', async () => {
    const start = await call(ctx, 'POST', '/api/admin/calendar/microsoft/connect', { session: ctx.provider.session });
    const { code, state } = ctx.graph.consent(start.body.authorizationUrl, MAIL);
    expect(
      (await call(ctx, 'GET', callbackPath('microsoft', code, state), { session: ctx.provider.session })).status,
    ).toBe(302);
    const ids = await fillClass(ctx, ctx.provider, await ownerIdOf(ctx, ctx.provider), 4);
    await drainSync(ctx);
    const calendar = ctx.graph.defaultCalendarOf(MAIL);
    expect(ctx.graph.eventsIn(calendar).map((e) => e.subject)).toEqual(['Consultation (4/12)']);
    expect(ctx.graph.eventsIn(calendar)[0]!.body?.content).toContain('- Di');

    expect((await cancel(ctx, ctx.provider, ids[0]!)).status).toBe(200);
    await drainSync(ctx);
    expect(ctx.graph.eventsIn(calendar).map((e) => e.subject)).toEqual(['Consultation (3/12)']);

    const cancelled = await cancelClass(ctx, ctx.provider, await ownerIdOf(ctx, ctx.provider));
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.appointments).toHaveLength(3);
    await drainSync(ctx);
    expect(ctx.graph.eventsIn(calendar)).toEqual([]);
  });
});

describe('the ICS feed of a team member', () => {
  const ctx = calendarWorld();
  const eventsOf = (text: string) =>
    Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c.type === 'VEVENT');
  const feed = async (session: Session) => {
    const rotated = await call(ctx, 'POST', '/api/admin/calendar/feed/rotate', { session });
    expect(rotated.status).toBe(200);
    return async () => {
      const res = await call(ctx, 'GET', (rotated.body.url as string).slice(APP_URL.length));
      expect(res.status).toBe(200);
      return eventsOf(res.body);
    };
  };

  it('holds only that member’s appointments, a class time as one event with its count', async () => {
    const mia = await inviteAndJoin(ctx, ctx.provider, MIA_STAFF);
    const owner = await ownerIdOf(ctx, ctx.provider);
    await bookWithMember(ctx, ctx.provider, owner, '2026-12-07T09:00:00.000Z', {
      name: 'Owner’s',
      email: 'o@example.com',
    });
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    const hours = await call(ctx, 'PUT', `/api/admin/schedule/weekly?member=${mia.memberId}`, {
      session: ctx.provider.session,
      body: { intervals: weekly },
    });
    expect(hours.status).toBe(200);
    const ids = await fillClass(ctx, ctx.provider, mia.memberId, 3);
    const miasFeed = await feed(mia.session);
    const ownersFeed = await feed(ctx.provider.session);

    const events = await miasFeed();
    expect(events).toHaveLength(1);
    const uid = classUid({ memberId: mia.memberId, serviceId: ctx.provider.serviceId, startAt: CLASS }, APP_URL);
    expect(events[0]).toMatchObject({ uid, summary: 'Consultation (3/12)', status: 'CONFIRMED' });
    expect(events[0]!.start.toISOString()).toBe(CLASS);
    expect(events[0]!.description).toContain('- Ada\n- Bo\n- Cy');
    // The owner's one attendee of their own time of the class, and nothing of Mia's.
    expect((await ownersFeed()).map((e) => [e.summary, e.start.toISOString()])).toEqual([
      ['Consultation (1/12)', '2026-12-07T09:00:00.000Z'],
    ]);

    expect((await cancel(ctx, ctx.provider, ids[1]!)).status).toBe(200);
    const fewer = (await miasFeed())[0]!;
    expect(fewer.summary).toBe('Consultation (2/12)');
    expect(Number(fewer.sequence)).toBeGreaterThan(Number(events[0]!.sequence));

    for (const id of [ids[0]!, ids[2]!]) expect((await cancel(ctx, ctx.provider, id)).status).toBe(200);
    const gone = await miasFeed();
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({ uid, status: 'CANCELLED' });
  });
});
