import { beforeEach, describe, expect, it } from 'vitest';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z; the provider opens 09:00–17:00 Berlin time (UTC+1), 60-minute service.
const DAY = '2026-12-02';
const NOON = '2026-12-02T11:00:00.000Z'; // 12:00 Berlin

describe('/api/admin/blocked-times', () => {
  let ctx: TestContext;
  let anna: ProviderFixture;
  beforeEach(async () => {
    ctx = await createTestContext();
    anna = await createProvider(ctx);
  });

  const block = (body: Record<string, unknown>, p = anna) =>
    call(ctx, 'POST', '/api/admin/blocked-times', { session: p.session, body });
  const starts = async (p = anna, date = DAY) =>
    (
      await call(ctx, 'GET', `/api/providers/${p.slug}/slots?service=${p.serviceId}&from=${date}&to=${date}`)
    ).body.slots.map((s: { start: string }) => s.start) as string[];
  const list = (p = anna) =>
    call(ctx, 'GET', `/api/admin/blocked-times?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z`, {
      session: p.session,
    });

  it('takes a lunch hour out of the slots, and gives it back when removed', async () => {
    const before = await starts(); // asked once, so the answer is cached
    expect(before).toContain(NOON);
    const res = await block({ date: DAY, from: '12:00', to: '13:00', label: 'Lunch' });
    expect(res.status).toBe(201);
    expect(res.body.blockedTime).toMatchObject({ start: NOON, end: '2026-12-02T12:00:00.000Z', label: 'Lunch' });
    const during = await starts();
    expect(during).not.toContain(NOON);
    expect(during).not.toContain('2026-12-02T10:30:00.000Z'); // its hour would run into lunch
    expect(during).toContain('2026-12-02T10:00:00.000Z'); // ends as lunch begins
    expect(during).toContain('2026-12-02T12:00:00.000Z'); // starts as lunch ends
    expect(before.filter((s) => !during.includes(s))).toEqual([
      '2026-12-02T10:30:00.000Z',
      NOON,
      '2026-12-02T11:30:00.000Z',
    ]);

    const refused = await book(ctx, anna, NOON);
    expect(refused.status).toBe(409);
    const walkIn = await call(ctx, 'POST', '/api/admin/appointments', {
      session: anna.session,
      body: { service: anna.serviceId, start: '2026-12-02T11:15:00.000Z', customer: { name: 'Walter' } },
    });
    expect(walkIn.status).toBe(409);

    const removed = await call(ctx, 'DELETE', `/api/admin/blocked-times/${res.body.blockedTime.id}`, {
      session: anna.session,
    });
    expect(removed.status).toBe(204);
    expect(await starts()).toEqual(before);
    expect((await book(ctx, anna, NOON)).status).toBe(201);
  });

  it('lists the week’s blocked times and keeps them to their provider', async () => {
    const other = await createProvider(ctx);
    const mine = await block({ date: DAY, from: '12:00', to: '13:00' });
    await block({ date: '2026-12-03', from: '09:00', to: '10:30', label: 'Doctor' });
    const theirs = await block({ date: DAY, from: '15:00', to: '16:00' }, other);
    const got = await list();
    expect(got.status).toBe(200);
    expect(got.body.blockedTimes).toEqual([
      { id: mine.body.blockedTime.id, start: NOON, end: '2026-12-02T12:00:00.000Z', label: '' },
      expect.objectContaining({ start: '2026-12-03T08:00:00.000Z', end: '2026-12-03T09:30:00.000Z', label: 'Doctor' }),
    ]);
    expect((await list(other)).body.blockedTimes).toEqual([theirs.body.blockedTime]);
    // Another provider's blocked time cannot be seen, removed, or felt in one's slots.
    const steal = await call(ctx, 'DELETE', `/api/admin/blocked-times/${mine.body.blockedTime.id}`, {
      session: other.session,
    });
    expect(steal.status).toBe(404);
    expect(await starts()).not.toContain(NOON);
    expect(await starts()).toContain('2026-12-02T14:00:00.000Z'); // 15:00 Berlin, blocked by the other provider only
    expect(
      (await call(ctx, 'GET', '/api/admin/blocked-times?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z')).status,
    ).toBe(401);
  });

  it('reads the times in the provider’s zone', async () => {
    const nyc = await createProvider(ctx, { timeZone: 'America/New_York' });
    const res = await block({ date: DAY, from: '12:00', to: '24:00' }, nyc);
    expect(res.body.blockedTime).toMatchObject({ start: '2026-12-02T17:00:00.000Z', end: '2026-12-03T05:00:00.000Z' });
    expect(await starts(nyc)).toEqual(
      ['14:00', '14:30', '15:00', '15:30', '16:00'].map((t) => `2026-12-02T${t}:00.000Z`),
    );
  });

  it('refuses what is not a time span of one day', async () => {
    const backwards = await block({ date: DAY, from: '13:00', to: '12:00' });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields.to).toMatch(/ends before it starts/);
    expect((await block({ date: DAY, from: '12:00', to: '12:00' })).status).toBe(422);
    expect((await block({ date: DAY, from: '25:00', to: '26:00' })).status).toBe(422);
    expect((await block({ date: '2026-02-30', from: '12:00', to: '13:00' })).status).toBe(400);
    expect((await block({ date: DAY, from: '12:00' })).status).toBe(400);
    expect((await block({ date: DAY, from: '12:00', to: '13:00', label: 'x'.repeat(81) })).status).toBe(400);
    expect((await call(ctx, 'DELETE', '/api/admin/blocked-times/999', { session: anna.session })).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/admin/blocked-times?from=x&to=y', { session: anna.session })).status).toBe(
      400,
    );
    expect(await ctx.db.selectFrom('blocked_times').select('id').execute()).toEqual([]);
  });
});
