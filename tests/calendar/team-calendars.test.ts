import { describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { MIA_STAFF, ownerIdOf } from '../support/member-fixtures.js';
import { bookWithMember, inviteAndJoin } from '../support/team.js';
import { APP_URL } from '../support/test-app.js';
import { calendarWorld, callbackPath, connectOwnGoogle, drainSync } from './calendar-context.js';

const OWNER = 'anna@gmail.com';
const MIA = 'mia@gmail.com';
const DAY = '2026-12-02';
const at = (hourUtc: number) => `${DAY}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

describe('calendars per team member', () => {
  const ctx = calendarWorld();

  it('each member connects their own Google; an appointment goes to its member’s calendar and moves with them', async () => {
    const mia = await inviteAndJoin(ctx, ctx.provider, MIA_STAFF);
    const owner = await ownerIdOf(ctx, ctx.provider);
    await connectOwnGoogle(ctx, OWNER);
    await connectOwnGoogle(ctx, MIA, mia.session);

    const own = await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session });
    const hers = await call(ctx, 'GET', '/api/admin/calendar', { session: mia.session });
    expect(own.body.connection.accountEmail).toBe(OWNER);
    expect(hers.body.connection.accountEmail).toBe(MIA);

    await bookWithMember(ctx, ctx.provider, owner, at(9), { name: 'Ada', email: 'ada@example.com' });
    const mias = await bookWithMember(ctx, ctx.provider, mia.memberId, at(11), { name: 'Bo', email: 'bo@example.com' });
    await drainSync(ctx);
    expect(ctx.google.liveEvents(OWNER).map((e) => e.summary)).toEqual(['Consultation — Ada']);
    expect(ctx.google.liveEvents(MIA).map((e) => e.summary)).toEqual(['Consultation — Bo']);

    // Bo's appointment is given to the owner (and moved): it leaves Mia's calendar and appears in the owner's.
    await ctx.db.updateTable('appointments').set({ member_id: owner }).where('id', '=', mias).execute();
    const moved = await call(ctx, 'POST', `/api/admin/appointments/${mias}/reschedule`, {
      session: ctx.provider.session,
      body: { start: at(13) },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await drainSync(ctx);
    expect(ctx.google.liveEvents(MIA)).toEqual([]);
    const ownerEvents = ctx.google.liveEvents(OWNER).map((e) => [e.summary, Date.parse(e.start.dateTime!)]);
    expect(ownerEvents.sort()).toEqual([
      ['Consultation — Ada', Date.parse(at(9))],
      ['Consultation — Bo', Date.parse(at(13))],
    ]);

    // Mia disconnecting leaves the owner's connection alone.
    expect((await call(ctx, 'DELETE', '/api/admin/calendar/connection', { session: mia.session })).status).toBe(204);
    const after = await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session });
    expect(after.body.connection).toMatchObject({ accountEmail: OWNER, status: 'active' });
    expect((await call(ctx, 'GET', '/api/admin/calendar', { session: mia.session })).body.connection).toBeNull();
  });

  it('busy times of a member’s calendar are theirs alone', async () => {
    const mia = await inviteAndJoin(ctx, ctx.provider, MIA_STAFF);
    const owner = await ownerIdOf(ctx, ctx.provider);
    await connectOwnGoogle(ctx, OWNER);
    await connectOwnGoogle(ctx, MIA, mia.session);
    ctx.google.addOwnerEvent(MIA, { start: at(10), end: at(11), summary: 'Dentist' });
    ctx.google.addOwnerEvent(OWNER, { start: at(14), end: at(15), summary: 'School run' });
    for (const c of await ctx.db.selectFrom('calendar_connections').select('id').execute())
      await ctx.calendar.busy.refresh(c.id);

    const range = { start: Date.parse(at(0)), end: Date.parse(at(23)) };
    const busyOf = async (memberId: number) =>
      (await ctx.calendar.busyTimes(ctx.db, memberId, range)).map((b) => new Date(b.start).toISOString());
    expect(await busyOf(mia.memberId)).toEqual([at(10)]);
    expect(await busyOf(owner)).toEqual([at(14)]);
  });

  it('staff change their own calendar but not the business’s calendar settings', async () => {
    const mia = await inviteAndJoin(ctx, ctx.provider, MIA_STAFF);
    const refused = await call(ctx, 'PUT', '/api/admin/calendar/settings', {
      session: mia.session,
      body: { includeCustomerContact: true },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const allowed = await call(ctx, 'PUT', '/api/admin/calendar/settings', {
      session: ctx.provider.session,
      body: { includeCustomerContact: true },
    });
    expect(allowed.status).toBe(200);
  });
});

describe('the owner sets up a member’s calendar (?member=)', () => {
  const ctx = calendarWorld();

  it('a shared calendar named for the member, and an OAuth round trip that lands on the member it was started for', async () => {
    const mia = await inviteAndJoin(ctx, ctx.provider, MIA_STAFF);
    const shared = await call(ctx, 'PUT', `/api/admin/calendar/google-shared?member=${mia.memberId}`, {
      session: ctx.provider.session,
      body: { shareWith: MIA, role: 'writer' },
    });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    const calendar = ctx.google.calendar(shared.body.connection.calendarId)!;
    expect(calendar.summary).toMatch(/ — Mia$/);
    expect(
      (await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session })).body.connection,
    ).toBeNull();
    expect((await call(ctx, 'GET', '/api/admin/calendar', { session: mia.session })).body.connection).toMatchObject({
      service: 'google-shared',
      sharedWith: MIA,
    });

    // Started for Mia by the owner, finished in the owner's browser: Mia's connection becomes her own account's.
    const start = await call(ctx, 'POST', `/api/admin/calendar/google/connect?member=${mia.memberId}`, {
      session: ctx.provider.session,
    });
    const { code, state } = ctx.google.consent(start.body.authorizationUrl, MIA);
    const back = await call(ctx, 'GET', callbackPath('google', code, state), { session: ctx.provider.session });
    // Back on the Calendar page, showing Mia's (the page's picker reads `member`).
    expect(back.headers.get('location')).toBe(`${APP_URL}/admin/calendar?connected=google&member=${mia.memberId}`);
    const rows = await ctx.db
      .selectFrom('calendar_connections')
      .select(['member_id', 'kind', 'account_email'])
      .execute();
    expect(rows).toEqual([{ member_id: mia.memberId, kind: 'google_oauth', account_email: MIA }]);

    // Staff name only themselves.
    const owner = await ownerIdOf(ctx, ctx.provider);
    const refused = await call(ctx, 'GET', `/api/admin/calendar?member=${owner}`, { session: mia.session });
    expect(refused.status).toBe(403);
  });
});
