import { beforeEach, describe, expect, it } from 'vitest';
import type { TeamMemberRow } from '../../server/team/team.table.js';
import { addService, book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { addMember, ownerOf } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const START = '2026-12-02T09:00:00.000Z'; // Wednesday 10:00 in Berlin

describe('classes with seats', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let teacher: TeamMemberRow;
  let yoga: number;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { profile: { name: 'Harbour Yoga' } });
    teacher = await addMember(ctx, provider, { name: 'Lena', serviceIds: [] });
    yoga = await addService(ctx, provider, {
      name: 'Yoga flow',
      durationMinutes: 60,
      seats: 3,
      memberIds: [teacher.id],
    });
  });

  const attend = (i: number) =>
    book(ctx, provider, START, { service: yoga, customer: { name: `Yogi ${i}`, email: `yogi${i}@example.com` } });

  it('validates seats (1–500) and members of the business only', async () => {
    const post = (body: Record<string, unknown>) =>
      call(ctx, 'POST', '/api/admin/services', {
        session: provider.session,
        body: { name: 'X', durationMinutes: 30, price: { amountMinor: 0, currency: 'EUR' }, ...body },
      });
    expect((await post({ seats: 0 })).status).toBe(400);
    expect((await post({ seats: 501 })).status).toBe(400);
    expect((await post({ seats: 2.5 })).status).toBe(400);
    const stranger = await ownerOf(ctx, await createProvider(ctx));
    const foreign = await post({ memberIds: [stranger.id] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields).toEqual({ memberIds: 'not all members of this business' });
    // Without memberIds, every active member performs a new service.
    const everyone = await post({});
    expect(everyone.body.service.memberIds.sort()).toEqual([(await ownerOf(ctx, provider)).id, teacher.id].sort());
    const patched = await call(ctx, 'PATCH', `/api/admin/services/${everyone.body.service.id}`, {
      session: provider.session,
      body: { memberIds: [teacher.id], seats: 8 },
    });
    expect(patched.body.service).toMatchObject({ memberIds: [teacher.id], seats: 8 });
  });

  it('keeps a class time bookable until its seats are taken, showing places left', async () => {
    const placesAt = async () => {
      const res = await call(
        ctx,
        'GET',
        `/api/providers/${provider.slug}/slots?service=${yoga}&from=2026-12-02&to=2026-12-02`,
      );
      return res.body.slots.find((s: { start: string }) => s.start === START)?.placesLeft;
    };
    expect(await placesAt()).toBe(3);
    const first = await attend(1);
    expect(first.status).toBe(201);
    expect(first.body.booking).toMatchObject({ seats: 3, staff: { slug: teacher.slug, name: 'Lena' } });
    expect(await placesAt()).toBe(2);
    expect((await attend(2)).status).toBe(201);
    expect((await attend(3)).status).toBe(201);
    expect(await placesAt()).toBeUndefined();
    expect((await attend(4)).status).toBe(409);
    // The class blocks the teacher's other starts: 10:30 Berlin overlaps it.
    expect((await book(ctx, provider, '2026-12-02T09:30:00.000Z', { service: yoga })).status).toBe(409);
    const list = await call(ctx, 'GET', '/api/admin/appointments', { session: provider.session });
    expect(list.body.appointments.map((a: { placesLeft: number }) => a.placesLeft)).toEqual([0, 0, 0]);
  });

  it('cancels a class time as a whole, each attendee emailed', async () => {
    for (const i of [1, 2]) expect((await attend(i)).status).toBe(201);
    const body = { serviceId: yoga, memberId: teacher.id, start: START, reason: 'The teacher is ill' };
    const res = await call(ctx, 'POST', '/api/admin/classes/cancel', { session: provider.session, body });
    expect(res.status).toBe(200);
    expect(res.body.appointments.map((a: { status: string }) => a.status)).toEqual(['cancelled', 'cancelled']);
    const emails = await ctx.db
      .selectFrom('email_outbox')
      .select(['to_address', 'kind'])
      .where('to_role', '=', 'customer')
      .where('kind', 'like', '%cancel%')
      .orderBy('to_address')
      .execute();
    expect(emails.map((e) => e.to_address)).toEqual(['yogi1@example.com', 'yogi2@example.com']);
    // Nothing left to cancel; another business's class is not found either.
    expect((await call(ctx, 'POST', '/api/admin/classes/cancel', { session: provider.session, body })).status).toBe(
      404,
    );
    const other = await createProvider(ctx);
    expect((await call(ctx, 'POST', '/api/admin/classes/cancel', { session: other.session, body })).status).toBe(404);
    expect(
      (await call(ctx, 'POST', '/api/admin/classes/cancel', { session: provider.session, body: { serviceId: yoga } }))
        .status,
    ).toBe(400);
  });

  it('does not let the seats of a class leak into a one-to-one service of the same member', async () => {
    const massage = await addService(ctx, provider, { durationMinutes: 60, name: 'Massage' });
    await call(ctx, 'PATCH', `/api/admin/services/${massage}`, {
      session: provider.session,
      body: { memberIds: [teacher.id] },
    });
    expect((await attend(1)).status).toBe(201);
    expect((await book(ctx, provider, START, { service: massage })).status).toBe(409);
  });
});
