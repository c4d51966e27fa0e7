import { beforeEach, describe, expect, it } from 'vitest';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { MIA_STAFF, ownerIdOf } from '../support/member-fixtures.js';
import { bookWithMember, inviteAndJoin, type MemberFixture } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const CLASS = '2026-12-02T09:00:00.000Z';
const ADA = { name: 'Ada', email: 'ada@example.com' };

describe('emails of a team', () => {
  const inbox = realInbox();
  let ctx: TestContext;
  let provider: ProviderFixture;
  let mia: MemberFixture;
  let ownerEmail: string;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { profile: { name: 'Studio Anna' } });
    mia = await inviteAndJoin(ctx, provider, MIA_STAFF);
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    const hours = await call(ctx, 'PUT', `/api/admin/schedule/weekly?member=${mia.memberId}`, {
      session: provider.session,
      body: { intervals: weekly },
    });
    expect(hours.status).toBe(200);
    ownerEmail = (
      await ctx.db.selectFrom('users').select('email').where('id', '=', provider.userId).executeTakeFirstOrThrow()
    ).email;
  });

  const admin = (id: number, action: string, body: unknown = {}) =>
    call(ctx, 'POST', `/api/admin/appointments/${id}/${action}`, { session: provider.session, body });
  const ownerCopies = async (on: boolean) => {
    const { profile } = (await call(ctx, 'GET', '/api/admin/profile', { session: provider.session })).body;
    const res = await call(ctx, 'PUT', '/api/admin/profile', {
      session: provider.session,
      body: { ...profile, notifications: { reminder: '24h', ownerCopies: on } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.profile.notifications).toEqual({ reminder: '24h', ownerCopies: on });
  };

  it('the serving member gets the provider side, both sides name them; the owner a copy only when asked', async () => {
    const first = await bookWithMember(ctx, provider, mia.memberId, '2026-12-02T09:00:00.000Z', ADA);
    const second = await bookWithMember(ctx, provider, mia.memberId, '2026-12-03T09:00:00.000Z', ADA);
    await inbox.deliver(ctx);
    inbox.smtp.received.length = 0;

    expect((await admin(first, 'cancel')).status).toBe(200);
    await inbox.deliver(ctx);
    const [toMia] = inbox.of(mia.email);
    expect(toMia?.subject).toMatch(/^Cancelled: Ada, Consultation with Mia, /);
    expect(inbox.of(ADA.email).map((e) => e.subject)).toEqual([
      expect.stringMatching(/^Booking cancelled: Consultation with Mia at Studio Anna, /),
    ]);
    expect(inbox.of(ADA.email)[0]!.text).toContain('Consultation with Mia');
    expect(inbox.of(ownerEmail)).toEqual([]);

    await ownerCopies(true);
    expect((await admin(second, 'reschedule', { start: '2026-12-03T13:00:00.000Z' })).status).toBe(200);
    await inbox.deliver(ctx);
    const moved = (to: string) => inbox.of(to).filter((e) => e.subject?.startsWith('Booking moved'));
    expect(moved(mia.email)).toHaveLength(1);
    expect(moved(ownerEmail)).toHaveLength(1);
    expect(moved(ownerEmail)[0]!.subject).toBe(moved(mia.email)[0]!.subject);
    expect(moved(ownerEmail)[0]!.text).toContain('Consultation with Mia');
    // The copy brings no invitation: Mia's appointment is not for the owner's calendar.
    expect(moved(ownerEmail)[0]!.attachments).toEqual([]);
    expect(moved(ADA.email)[0]!.subject).toContain('Consultation with Mia at Studio Anna');

    // The owner's own appointments bring no copy of themselves, whatever the setting.
    const owners = await bookWithMember(ctx, provider, await ownerIdOf(ctx, provider), '2026-12-04T09:00:00.000Z', ADA);
    await inbox.deliver(ctx);
    inbox.smtp.received.length = 0;
    expect((await admin(owners, 'cancel')).status).toBe(200);
    await inbox.deliver(ctx);
    const owner = await ctx.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', provider.userId)
      .executeTakeFirstOrThrow();
    expect(inbox.of(ownerEmail).map((e) => e.subject)).toEqual([
      expect.stringMatching(new RegExp(`^Cancelled: Ada, Consultation with ${owner.name}, `)),
    ]);
    expect(inbox.of(mia.email)).toEqual([]);
  });

  it('a class time cancelled by the provider: every attendee is emailed, the member gets no invitations', async () => {
    await ctx.db.updateTable('services').set({ seats: 12 }).where('id', '=', provider.serviceId).execute();
    const people = ['Ada', 'Bo', 'Cy'].map((name) => ({ name, email: `${name.toLowerCase()}@example.com` }));
    for (const customer of people)
      expect((await book(ctx, provider, CLASS, { customer, staff: mia.slug })).status).toBe(201);
    await inbox.deliver(ctx);
    // Joining: each attendee confirmed, Mia told of each, without an invitation per attendee.
    for (const person of people)
      expect(inbox.of(person.email)[0]?.subject).toMatch(/^Booking confirmed: Consultation with Mia at Studio Anna, /);
    expect(inbox.of(mia.email).filter((e) => e.subject?.startsWith('New booking'))).toHaveLength(3);
    inbox.smtp.received.length = 0;

    const cancelled = await call(ctx, 'POST', '/api/admin/classes/cancel', {
      session: provider.session,
      body: { serviceId: provider.serviceId, memberId: mia.memberId, start: CLASS, reason: 'The teacher is ill' },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await inbox.deliver(ctx);
    for (const person of people) {
      const [email] = inbox.of(person.email);
      expect(email?.subject).toMatch(/^Booking cancelled: Consultation with Mia at Studio Anna, /);
      expect(email?.text).toContain('The teacher is ill');
      expect(email?.attachments.map((a) => a.mimeType)).toContain('text/calendar');
    }
    const toMia = inbox.of(mia.email);
    expect(toMia).toHaveLength(3);
    for (const email of toMia) expect(email.attachments).toEqual([]);
  });

  it('a business of one names nobody', async () => {
    const solo = await createProvider(ctx, { profile: { name: 'Solo Salon' } });
    const id = await bookWithMember(ctx, solo, await ownerIdOf(ctx, solo), '2026-12-02T09:00:00.000Z', ADA);
    expect(
      (await call(ctx, 'POST', `/api/admin/appointments/${id}/cancel`, { session: solo.session, body: {} })).status,
    ).toBe(200);
    await inbox.deliver(ctx);
    const subjects = inbox.of(ADA.email).map((e) => e.subject ?? '');
    expect(subjects).toContainEqual(expect.stringMatching(/^Booking cancelled: Consultation at Solo Salon, /));
    for (const subject of subjects) expect(subject).not.toContain(' with ');
  });
});
