import { beforeEach, describe, expect, it } from 'vitest';
import type { TeamMemberRow } from '../../server/team/team.table.js';
import { addService, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { addMember } from '../support/team.js';
import type { TestContext } from '../support/test-app.js';
import { booked, offerFor, offerLinkIn, startsOn, waitlistContext } from '../support/waitlist.js';

const CLASS = '2026-12-02T09:00:00.000Z'; // Wednesday 10:00 in Berlin

describe('waitlist of a full class', () => {
  let ctx: TestContext & { expireHolds: () => Promise<number> };
  let provider: ProviderFixture;
  let teacher: TeamMemberRow;
  let yoga: number;
  const inbox = realInbox();

  beforeEach(async () => {
    ctx = await waitlistContext();
    provider = await createProvider(ctx, { profile: { name: 'Harbour Yoga' } });
    teacher = await addMember(ctx, provider, { name: 'Lena', serviceIds: [] });
    yoga = await addService(ctx, provider, {
      name: 'Yoga flow',
      durationMinutes: 60,
      seats: 2,
      memberIds: [teacher.id],
    });
  });

  const attend = (i: number) =>
    booked(ctx, provider, CLASS, { name: `Yogi ${i}`, email: `yogi${i}@example.com` }, { service: yoga });
  const join = (customer: { name: string; email: string }, extra: Record<string, unknown> = {}) =>
    call(ctx, 'POST', '/api/waitlist/classes', {
      body: { provider: provider.slug, service: yoga, start: CLASS, customer, ...extra },
    });
  const fullClasses = () =>
    call(ctx, 'GET', `/api/providers/${provider.slug}/services/${yoga}/full-classes?from=2026-12-01&to=2026-12-07`);

  it('offers a freed place to the first in line, who books it with one click from the email', async () => {
    const first = await attend(1);
    await attend(2);
    const joined = await join({ name: 'Dana Waiting', email: 'dana@example.com' }, { timeZone: 'Europe/London' });
    expect(joined.status).toBe(201);
    expect(joined.body.waitlist).toMatchObject({ kind: 'class', status: 'waiting', position: 1 });
    expect(typeof joined.body.token).toBe('string');
    expect((await join({ name: 'Eli', email: 'eli@example.com' })).body.waitlist.position).toBe(2);
    const full = await fullClasses();
    expect(full.status).toBe(200);
    expect(full.body).toEqual({ classes: [{ start: CLASS, end: '2026-12-02T10:00:00.000Z', waiting: 2 }] });
    expect(JSON.stringify(full.body)).not.toContain('@');

    await inbox.deliver(ctx);
    inbox.smtp.received.length = 0;
    expect((await call(ctx, 'POST', `/api/bookings/${first.id}/cancel`, { body: { token: first.token } })).status).toBe(
      200,
    );
    await inbox.deliver(ctx);
    const [email] = inbox.of('dana@example.com');
    expect(email!.subject).toBe('A place is free: Yoga flow with Lena at Harbour Yoga, Wed 2 Dec, 09:00');
    expect(email!.text).toContain('Wednesday 2 December 2026, 09:00–10:00 (Europe/London)');
    expect(inbox.of('eli@example.com')).toHaveLength(0);
    // The held place is nobody else's: the class stays full to others.
    expect(await startsOn(ctx, provider, '2026-12-02', yoga)).not.toContain(CLASS);
    expect((await fullClasses()).body.classes).toHaveLength(1);

    const link = offerLinkIn(email!.text!);
    const page = await call(ctx, 'GET', `/api/waitlist/offers/${link.offerId}?token=${link.token}`);
    expect(page.body.offer).toMatchObject({ status: 'open', start: CLASS, currentStart: null, memberName: 'Lena' });
    const taken = await call(ctx, 'POST', `/api/waitlist/offers/${link.offerId}/take`, { body: { token: link.token } });
    expect(taken.status).toBe(200);
    expect(taken.body.booking).toMatchObject({
      status: 'confirmed',
      start: CLASS,
      customerName: 'Dana Waiting',
      seats: 2,
    });
    const seat = await ctx.db
      .selectFrom('appointments')
      .selectAll()
      .where('customer_email', '=', 'dana@example.com')
      .executeTakeFirstOrThrow();
    expect(seat).toMatchObject({ status: 'confirmed', start_at: CLASS, member_id: teacher.id });
    await inbox.deliver(ctx);
    expect(inbox.of('dana@example.com').map((e) => e.subject)).toContain(
      'Booking confirmed: Yoga flow with Lena at Harbour Yoga, Wed 2 Dec, 09:00',
    );
    const entry = await call(ctx, 'GET', `/api/waitlist/${joined.body.waitlist.id}?token=${joined.body.token}`);
    expect(entry.body.waitlist.status).toBe('done');
    expect((await fullClasses()).body.classes).toEqual([{ start: CLASS, end: '2026-12-02T10:00:00.000Z', waiting: 1 }]);
    // Once out of line, the entry forgets who it was (the next pass of the hold worker).
    await ctx.expireHolds();
    const row = await ctx.db
      .selectFrom('waitlist_entries')
      .selectAll()
      .where('id', '=', joined.body.waitlist.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ customer_name: null, customer_email: null });
  });

  it('passes the place on when the hold runs out', async () => {
    const first = await attend(1);
    await attend(2);
    await join({ name: 'Dana', email: 'dana@example.com' });
    await join({ name: 'Eli', email: 'eli@example.com' });
    await call(ctx, 'POST', `/api/bookings/${first.id}/cancel`, { body: { token: first.token } });
    const danas = await offerFor(ctx, 'dana@example.com');
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 15 * 60_000);
    expect(await ctx.expireHolds()).toBe(1);
    const elis = await offerFor(ctx, 'eli@example.com');
    const late = await call(ctx, 'POST', `/api/waitlist/offers/${danas.offerId}/take`, {
      body: { token: danas.token },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('offer_expired');
    expect(late.body.next).not.toContain(CLASS);
    const taken = await call(ctx, 'POST', `/api/waitlist/offers/${elis.offerId}/take`, { body: { token: elis.token } });
    expect(taken.status).toBe(200);
  });

  it('refuses to queue for a class with a free place, an unknown time or bad input; leaves with the token', async () => {
    await attend(1);
    const notFull = await join({ name: 'Dana', email: 'dana@example.com' });
    expect(notFull.status).toBe(409);
    expect(notFull.body.error.code).toBe('class_not_full');
    await attend(2);
    expect(
      (await join({ name: 'Dana', email: 'dana@example.com' }, { start: '2026-12-02T09:10:00.000Z' })).status,
    ).toBe(404);
    expect((await join({ name: 'Dana', email: 'dana@example.com' }, { service: provider.serviceId })).status).toBe(404);
    expect((await join({ name: 'Dana', email: 'dana@example.com' }, { provider: 'nobody-here' })).status).toBe(404);
    expect((await join({ name: '', email: 'dana@example.com' })).status).toBe(400);
    expect((await join({ name: 'Dana', email: 'not-an-address' })).status).toBe(400);
    expect((await join({ name: 'Dana', email: 'dana@example.com' }, { start: 'tomorrow' })).status).toBe(400);

    const joined = await join({ name: 'Dana', email: 'dana@example.com' });
    expect(joined.status).toBe(201);
    expect((await join({ name: 'Dana', email: 'DANA@example.com' })).status).toBe(409);
    const id = joined.body.waitlist.id;
    expect((await call(ctx, 'DELETE', `/api/waitlist/${id}`, { body: { token: 'wrong' } })).status).toBe(404);
    const left = await call(ctx, 'DELETE', `/api/waitlist/${id}`, { body: { token: joined.body.token } });
    expect(left.status).toBe(200);
    expect((await fullClasses()).body.classes[0].waiting).toBe(0);
  });

  it('offers nothing when the business cancels the whole class, and ends its line', async () => {
    await attend(1);
    await attend(2);
    const joined = await join({ name: 'Dana', email: 'dana@example.com' });
    const res = await call(ctx, 'POST', '/api/admin/classes/cancel', {
      session: provider.session,
      body: { serviceId: yoga, memberId: teacher.id, start: CLASS },
    });
    expect(res.status).toBe(200);
    expect(await ctx.db.selectFrom('waitlist_offers').selectAll().execute()).toEqual([]);
    const entry = await call(ctx, 'GET', `/api/waitlist/${joined.body.waitlist.id}?token=${joined.body.token}`);
    expect(entry.body.waitlist.status).toBe('done');
  });

  it("links a signed-in customer's entry to their account, and deletes it with the account", async () => {
    await attend(1);
    await attend(2);
    const customer = await signUp(ctx, 'customer', { email: 'fay@example.com', name: 'Fay' });
    const joined = await call(ctx, 'POST', '/api/waitlist/classes', {
      session: customer,
      body: {
        provider: provider.slug,
        service: yoga,
        start: CLASS,
        customer: { name: 'Fay', email: 'fay@example.com' },
      },
    });
    expect(joined.status).toBe(201);
    const id = joined.body.waitlist.id;
    expect((await call(ctx, 'GET', `/api/waitlist/${id}`, { session: customer })).body.waitlist.id).toBe(id);
    const gone = await call(ctx, 'DELETE', '/api/me', {
      session: customer,
      body: { password: 'correct horse battery', reviews: 'delete' },
    });
    expect(gone.status).toBeLessThan(300);
    expect(await ctx.db.selectFrom('waitlist_entries').selectAll().where('id', '=', id).execute()).toEqual([]);
  });

  it('keeps a class appointment off the earlier-time waitlist', async () => {
    const mine = await attend(1);
    const res = await call(ctx, 'PUT', `/api/bookings/${mine.id}/waitlist`, { body: { token: mine.token } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_waitlistable');
  });
});
