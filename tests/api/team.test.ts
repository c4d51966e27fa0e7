import { beforeEach, describe, expect, it } from 'vitest';
import { flushOutbox } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, sessionFrom, signUp } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { bookWithMember, inviteAndJoin } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const DAY = 86_400_000;
const PASSWORD = 'a long enough passphrase';

describe('team', () => {
  const inbox = realInbox();
  let ctx: TestContext;
  let owner: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    owner = await createProvider(ctx, { slug: 'studio-anna', profile: { name: 'Studio Anna' } });
    await flushOutbox(ctx);
  });

  const invite = (body: Record<string, unknown>, session: Session = owner.session) =>
    call(ctx, 'POST', '/api/admin/team/invitations', { session, body });
  const linkFor = async (email: string) => {
    await inbox.deliver(ctx);
    return inbox.token(email, '/join');
  };
  const team = (session: Session = owner.session) => call(ctx, 'GET', '/api/admin/team', { session });
  const profileOf = (session: Session) => call(ctx, 'GET', '/api/admin/profile', { session });

  describe('invitations', () => {
    it('emails a single-use link that makes a new account a member, signed in', async () => {
      const invited = await invite({ email: 'Mia@Example.com', name: 'Mia', role: 'staff' });
      expect(invited.status).toBe(201);
      expect(invited.body.invitation).toMatchObject({ email: 'mia@example.com', name: 'Mia', role: 'staff' });
      expect(Date.parse(invited.body.invitation.expiresAt)).toBe(ctx.clock.now.getTime() + 7 * DAY);
      expect((await team()).body.invitations).toEqual([invited.body.invitation]);

      const token = await linkFor('mia@example.com');
      const [email] = inbox.of('mia@example.com');
      expect(email!.subject).toBe('Test provider invites you to join Studio Anna');
      expect(email!.text).toContain('for 7 days');

      const shown = await call(ctx, 'GET', `/api/team/invitation?token=${token}`);
      expect(shown.status).toBe(200);
      expect(shown.body.invitation).toMatchObject({
        business: { name: 'Studio Anna', slug: 'studio-anna' },
        name: 'Mia',
        email: 'mia@example.com',
        role: 'staff',
        hasAccount: false,
      });
      expect((await call(ctx, 'POST', '/api/team/join', { body: { token } })).body.error.fields).toEqual({
        password: 'required',
      });
      const joined = await call(ctx, 'POST', '/api/team/join', { body: { token, password: PASSWORD, name: 'Mia K' } });
      expect(joined.status).toBe(201);
      const mia = sessionFrom(joined.headers);
      const profile = await profileOf(mia);
      expect(profile.status).toBe(200);
      expect(profile.body.profile.me).toEqual({
        memberId: joined.body.member.memberId,
        role: 'staff',
        name: 'Mia K',
        photoUrl: null,
      });
      expect((await call(ctx, 'GET', '/api/me', { session: mia })).body.user).toMatchObject({
        email: 'mia@example.com',
        role: 'provider',
        emailVerified: true,
      });

      // The link is the invitee's alone: no mailbox on the site shows it.
      expect((await call(ctx, 'GET', '/api/me/emails', { session: mia })).body.emails).toEqual([]);
      // The link worked once.
      expect((await call(ctx, 'GET', `/api/team/invitation?token=${token}`)).status).toBe(404);
      expect((await call(ctx, 'POST', '/api/team/join', { body: { token, password: PASSWORD } })).status).toBe(404);
      const { members, invitations } = (await team()).body;
      expect(invitations).toEqual([]);
      expect(members.map((m: { name: string; role: string; joined: boolean }) => [m.name, m.role, m.joined])).toEqual([
        ['Test provider', 'owner', true],
        ['Mia K', 'staff', true],
      ]);
      // A new member performs what the business offers.
      expect(members[1].serviceIds).toEqual([owner.serviceId]);
    });

    it('expires after seven days, and a withdrawn or replaced link no longer works', async () => {
      await invite({ email: 'mia@example.com', name: 'Mia', role: 'staff' });
      const first = await linkFor('mia@example.com');
      const again = await invite({ email: 'mia@example.com', name: 'Mia', role: 'admin' });
      const second = await linkFor('mia@example.com');
      expect(second).not.toBe(first);
      expect((await call(ctx, 'GET', `/api/team/invitation?token=${first}`)).status).toBe(404);
      expect((await team()).body.invitations).toHaveLength(1);

      ctx.clock.now = new Date(ctx.clock.now.getTime() + 7 * DAY);
      expect((await call(ctx, 'GET', `/api/team/invitation?token=${second}`)).status).toBe(404);
      expect((await call(ctx, 'POST', '/api/team/join', { body: { token: second, password: PASSWORD } })).status).toBe(
        404,
      );
      expect((await team()).body.invitations).toEqual([]);

      ctx.clock.now = new Date(ctx.clock.now.getTime() - 7 * DAY);
      const withdrawn = await call(ctx, 'DELETE', `/api/admin/team/invitations/${again.body.invitation.id}`, {
        session: owner.session,
      });
      expect(withdrawn.status).toBe(204);
      expect((await call(ctx, 'GET', `/api/team/invitation?token=${second}`)).status).toBe(404);
      expect(
        (
          await call(ctx, 'DELETE', `/api/admin/team/invitations/${again.body.invitation.id}`, {
            session: owner.session,
          })
        ).status,
      ).toBe(404);
    });

    it('joins an existing account only when it is signed in, and never a second business', async () => {
      const ben = await signUp(ctx, 'provider', { email: 'ben@example.com', name: 'Ben' });
      await invite({ email: 'ben@example.com', name: 'Ben', role: 'admin' });
      const token = await linkFor('ben@example.com');
      expect((await call(ctx, 'GET', `/api/team/invitation?token=${token}`)).body.invitation.hasAccount).toBe(true);
      // The link alone does not hand over an account.
      const anonymous = await call(ctx, 'POST', '/api/team/join', { body: { token, password: PASSWORD } });
      expect(anonymous.status).toBe(409);
      const joined = await call(ctx, 'POST', '/api/team/join', { session: ben, body: { token } });
      expect(joined.status).toBe(201);
      expect((await profileOf(sessionFrom(joined.headers))).body.profile.me.role).toBe('admin');

      // Someone who runs a business of their own is not taken into another.
      const other = await createProvider(ctx, { slug: 'other-shop' });
      const otherEmail = (await call(ctx, 'GET', '/api/me', { session: other.session })).body.user.email;
      await invite({ email: otherEmail, name: 'Otto', role: 'staff' });
      const otherToken = await linkFor(otherEmail);
      const taken = await call(ctx, 'POST', '/api/team/join', { session: other.session, body: { token: otherToken } });
      expect(taken.status).toBe(409);
      expect(taken.body.error.message).toBe('You are already in a business');

      // A customer account cannot be a member.
      const carla = await signUp(ctx, 'customer', { email: 'carla@example.com' });
      await invite({ email: 'carla@example.com', name: 'Carla', role: 'staff' });
      const carlaToken = await linkFor('carla@example.com');
      expect((await call(ctx, 'POST', '/api/team/join', { session: carla, body: { token: carlaToken } })).status).toBe(
        409,
      );
    });

    it('refuses to invite someone already in the team, and bad input with the fields named', async () => {
      const ownerEmail = (await call(ctx, 'GET', '/api/me', { session: owner.session })).body.user.email;
      expect((await invite({ email: ownerEmail, name: 'Me', role: 'staff' })).status).toBe(409);
      const bad = await invite({ email: 'not-an-address', name: '', role: 'owner' });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'name', 'role']);
      expect((await call(ctx, 'GET', '/api/team/invitation?token=nonsense')).status).toBe(404);
    });

    it('counts invitations toward the address’s hourly email limit, and a refused one changes nothing', async () => {
      for (let i = 0; i < 10; i++)
        expect((await invite({ email: 'mia@example.com', name: 'Mia', role: 'staff' })).status).toBe(201);
      const kept = (await team()).body.invitations;
      const refused = await invite({ email: 'mia@example.com', name: 'Mia', role: 'admin' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await team()).body.invitations).toEqual(kept);
    });
  });

  describe('roles', () => {
    it('keeps staff to their own hours, appointments and the profile; admins manage all but closing', async () => {
      const mia = await inviteAndJoin(ctx, owner, { email: 'mia@example.com', name: 'Mia', role: 'staff' });
      const ada = await inviteAndJoin(ctx, owner, { email: 'ada@example.com', name: 'Ada', role: 'admin' });

      for (const [method, path] of [
        ['GET', '/api/admin/team'],
        ['GET', '/api/admin/services'],
        ['GET', '/api/admin/emails'],
        ['GET', '/api/admin/reviews'],
        ['GET', '/api/admin/images'],
        ['POST', '/api/admin/schedule/closures'],
      ] as const) {
        const res = await call(ctx, method, path, {
          session: mia.session,
          ...(method === 'POST' && { body: { from: '2026-12-24', to: '2026-12-26' } }),
        });
        expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'forbidden']);
      }
      expect((await profileOf(mia.session)).status).toBe(200);
      expect((await call(ctx, 'PUT', '/api/admin/profile', { session: mia.session, body: {} })).status).toBe(400);

      // Hours: staff set their own; the owner reads and sets anyone's with ?member=.
      const week = { intervals: [{ weekday: 2, start: '12:00', end: '18:00' }] };
      expect(
        (await call(ctx, 'PUT', '/api/admin/schedule/weekly', { session: mia.session, body: week })).body.weeklyHours,
      ).toEqual([{ weekday: 2, start: '12:00', end: '18:00' }]);
      const ownerHours = (await call(ctx, 'GET', '/api/admin/schedule', { session: owner.session })).body.weeklyHours;
      expect(ownerHours).toHaveLength(5);
      const miaHours = await call(ctx, 'GET', `/api/admin/schedule?member=${mia.memberId}`, { session: owner.session });
      expect(miaHours.body.weeklyHours).toEqual(week.intervals);
      const ownerId = (await profileOf(owner.session)).body.profile.me.memberId;
      expect((await call(ctx, 'GET', `/api/admin/schedule?member=${ownerId}`, { session: mia.session })).status).toBe(
        403,
      );
      expect(
        (await call(ctx, 'PUT', `/api/admin/schedule/weekly?member=${ownerId}`, { session: mia.session, body: week }))
          .status,
      ).toBe(403);
      expect((await call(ctx, 'GET', '/api/admin/schedule?member=999999', { session: owner.session })).status).toBe(
        404,
      );
      const block = { date: '2026-12-08', from: '12:00', to: '13:00' };
      const blocked = await call(ctx, 'POST', `/api/admin/blocked-times?member=${mia.memberId}`, {
        session: ada.session,
        body: block,
      });
      expect(blocked.status).toBe(201);
      const range = 'from=2026-12-07T00:00:00Z&to=2026-12-09T00:00:00Z';
      expect(
        (await call(ctx, 'GET', `/api/admin/blocked-times?${range}`, { session: mia.session })).body.blockedTimes,
      ).toEqual([blocked.body.blockedTime]);
      expect(
        (await call(ctx, 'GET', `/api/admin/blocked-times?${range}`, { session: owner.session })).body.blockedTimes,
      ).toEqual([]);

      // Appointments: staff see only their own, and no one else's customers.
      const theirs = await book(ctx, owner, '2026-12-03T09:00:00.000Z', {
        customer: { name: 'Olga Owner-Customer', email: 'olga@example.com' },
      });
      const mine = await bookWithMember(ctx, owner, mia.memberId, '2026-12-03T11:00:00.000Z', {
        name: 'Mona Mia-Customer',
        email: 'mona@example.com',
      });
      const list = await call(ctx, 'GET', '/api/admin/appointments', { session: mia.session });
      expect(list.body.appointments.map((a: { id: number }) => a.id)).toEqual([mine]);
      expect(JSON.stringify(list.body)).not.toContain('Olga');
      const other = `/api/admin/appointments/${theirs.body.booking.id}`;
      expect((await call(ctx, 'GET', other, { session: mia.session })).status).toBe(404);
      expect((await call(ctx, 'POST', `${other}/cancel`, { session: mia.session })).status).toBe(404);
      expect((await call(ctx, 'GET', other, { session: ada.session })).status).toBe(200);
      const own = `/api/admin/appointments/${mine}`;
      expect((await call(ctx, 'GET', own, { session: mia.session })).status).toBe(200);
      expect((await call(ctx, 'POST', `${own}/cancel`, { session: mia.session })).body.appointment.status).toBe(
        'cancelled',
      );
      expect(
        (await call(ctx, 'GET', '/api/admin/appointments', { session: owner.session })).body.appointments,
      ).toHaveLength(2);
      // Nor may staff name another member: not in a list, a walk-in, a reschedule, nor give theirs away.
      // Tuesday 8 December, 14:00 in Berlin: inside Mia's hours, after her blocked hour.
      const walkIn = { service: owner.serviceId, start: '2026-12-08T13:00:00.000Z', customer: { name: 'Walter' } };
      for (const [method, path, body] of [
        ['GET', `/api/admin/appointments?member=${ownerId}`, undefined],
        ['POST', '/api/admin/appointments', { ...walkIn, memberId: ownerId }],
        ['POST', `${own}/reschedule`, { start: '2026-12-04T10:00:00.000Z', staff: 'test-provider' }],
        ['PUT', `${own}/member`, { memberId: ownerId }],
      ] as const) {
        const res = await call(ctx, method, path, { session: mia.session, ...(body && { body }) });
        expect([path, res.status]).toEqual([path, 403]);
      }
      const ownWalkIn = await call(ctx, 'POST', '/api/admin/appointments', {
        session: mia.session,
        body: { ...walkIn, memberId: mia.memberId },
      });
      expect(ownWalkIn.status).toBe(201);

      // Admins manage the team and the business, but do not close it.
      expect((await call(ctx, 'GET', '/api/admin/services', { session: ada.session })).status).toBe(200);
      expect((await invite({ email: 'zoe@example.com', name: 'Zoe', role: 'staff' }, ada.session)).status).toBe(201);
      const close = await call(ctx, 'POST', '/api/admin/business/close', {
        session: ada.session,
        body: { confirm: 'studio-anna' },
      });
      expect([close.status, close.body.error.code]).toEqual([403, 'forbidden']);
    });

    it('edits a member: name, bio, role, services, position; never the owner’s role, never the slug', async () => {
      const mia = await inviteAndJoin(ctx, owner, { email: 'mia@example.com', name: 'Mia', role: 'staff' });
      const path = `/api/admin/team/${mia.memberId}`;
      const patched = await call(ctx, 'PATCH', path, {
        session: owner.session,
        body: { name: 'Mia Rossi', bio: 'Colour', role: 'admin', serviceIds: [], position: 5 },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.member).toMatchObject({
        id: mia.memberId,
        slug: mia.slug,
        name: 'Mia Rossi',
        bio: 'Colour',
        role: 'admin',
        serviceIds: [],
        position: 5,
        joined: true,
        email: 'mia@example.com',
      });
      expect((await profileOf(mia.session)).body.profile.me.role).toBe('admin');

      const other = await createProvider(ctx, { slug: 'other-shop' });
      const foreign = await call(ctx, 'PATCH', path, {
        session: owner.session,
        body: { serviceIds: [other.serviceId] },
      });
      expect(foreign.status).toBe(422);
      const ownerId = (await profileOf(owner.session)).body.profile.me.memberId;
      const demote = await call(ctx, 'PATCH', `/api/admin/team/${ownerId}`, {
        session: mia.session,
        body: { role: 'staff' },
      });
      expect(demote.status).toBe(409);
      expect(
        (await call(ctx, 'PATCH', `/api/admin/team/${ownerId}`, { session: owner.session, body: { role: 'owner' } }))
          .status,
      ).toBe(400);
      // Another business's member does not exist here.
      const otherOwnerId = (await profileOf(other.session)).body.profile.me.memberId;
      expect(
        (await call(ctx, 'PATCH', `/api/admin/team/${otherOwnerId}`, { session: owner.session, body: { bio: 'x' } }))
          .status,
      ).toBe(404);
    });
  });

  describe('leaving and removal', () => {
    it('cancels a leaving member’s future appointments with an email, and ends their access', async () => {
      const mia = await inviteAndJoin(ctx, owner, { email: 'mia@example.com', name: 'Mia', role: 'staff' });
      const booked = await bookWithMember(ctx, owner, mia.memberId, '2026-12-03T11:00:00.000Z', {
        name: 'Mona',
        email: 'mona@example.com',
      });
      await inbox.deliver(ctx);
      inbox.smtp.received.length = 0;

      const ownerLeaves = await call(ctx, 'POST', '/api/admin/team/leave', {
        session: owner.session,
        body: { future: 'cancel' },
      });
      expect(ownerLeaves.status).toBe(409);
      const left = await call(ctx, 'POST', '/api/admin/team/leave', {
        session: mia.session,
        body: { future: 'cancel' },
      });
      expect(left.status).toBe(204);
      expect((await profileOf(mia.session)).status).toBe(404);
      const appointment = await call(ctx, 'GET', `/api/admin/appointments/${booked}`, {
        session: owner.session,
      });
      expect(appointment.body.appointment.status).toBe('cancelled');
      await inbox.deliver(ctx);
      expect(inbox.of('mona@example.com').map((e) => e.subject)).toEqual([expect.stringMatching(/cancel/i)]);
      expect((await team()).body.members.map((m: { name: string }) => m.name)).toEqual(['Test provider']);
    });

    it('moves a leaving member’s appointments to the member named when free, and cancels those nobody can take', async () => {
      const mia = await inviteAndJoin(ctx, owner, { email: 'mia@example.com', name: 'Mia', role: 'staff' });
      const ownerId = (await profileOf(owner.session)).body.profile.me.memberId;
      const kept = await bookWithMember(ctx, owner, mia.memberId, '2026-12-03T11:00:00.000Z', {
        name: 'Mona',
        email: 'mona@example.com',
      });
      const lost = await bookWithMember(ctx, owner, mia.memberId, '2026-12-03T09:00:00.000Z', {
        name: 'Nils',
        email: 'nils@example.com',
      });
      // The owner is busy on Thursday at 10:00 in Berlin, free at 12:00.
      await book(ctx, owner, '2026-12-03T09:00:00.000Z', { customer: { name: 'Olga', email: 'olga@example.com' } });
      await inbox.deliver(ctx);
      inbox.smtp.received.length = 0;

      const left = await call(ctx, 'POST', '/api/admin/team/leave', {
        session: mia.session,
        body: { future: 'reassign', reassignTo: ownerId },
      });
      expect(left.status).toBe(204);
      const detail = async (id: number) =>
        (await call(ctx, 'GET', `/api/admin/appointments/${id}`, { session: owner.session })).body.appointment;
      expect(await detail(kept)).toMatchObject({ status: 'confirmed', member: { id: ownerId } });
      expect(await detail(lost)).toMatchObject({ status: 'cancelled' });
      await inbox.deliver(ctx);
      expect(inbox.of('nils@example.com').map((e) => e.subject)).toEqual([expect.stringMatching(/cancel/i)]);
      expect(inbox.of('mona@example.com')).toHaveLength(1);
    });

    it('lets the owner and admins remove a member but not the owner, and checks who takes over', async () => {
      const mia = await inviteAndJoin(ctx, owner, { email: 'mia@example.com', name: 'Mia', role: 'staff' });
      const ada = await inviteAndJoin(ctx, owner, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
      const ownerId = (await profileOf(owner.session)).body.profile.me.memberId;
      const remove = (id: number, session: Session, body: unknown = { future: 'cancel' }) =>
        call(ctx, 'DELETE', `/api/admin/team/${id}`, { session, body });

      expect((await remove(ownerId, ada.session)).status).toBe(409);
      expect((await remove(ada.memberId, mia.session)).status).toBe(403);
      const unknown = await remove(mia.memberId, ada.session, { future: 'reassign', reassignTo: 999999 });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.fields).toEqual({ reassignTo: 'not an active member of the team' });
      expect((await remove(mia.memberId, ada.session, { future: 'cancel', reassignTo: ownerId })).status).toBe(400);
      expect((await remove(mia.memberId, ada.session)).status).toBe(204);
      expect((await remove(mia.memberId, ada.session)).status).toBe(404);
      expect((await profileOf(mia.session)).status).toBe(404);
      expect((await team()).body.members.map((m: { name: string }) => m.name)).toEqual(['Test provider', 'Ada']);
    });
  });
});
