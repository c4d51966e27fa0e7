import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addService, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { type RaceServer, raceServer } from '../support/race-server.js';
import type { TestContext } from '../support/test-app.js';

describe('no double booking, over real HTTP on a real SQLite file', () => {
  let race: RaceServer;
  let ctx: TestContext;
  let provider: ProviderFixture;
  let post: RaceServer['post'];

  beforeAll(async () => {
    race = await raceServer('booking-race');
    ({ ctx, post } = race);
    provider = await createProvider(ctx);
  });
  afterAll(() => race.close());

  it('lets exactly one of 50 concurrent requests for one slot win', async () => {
    const start = '2026-12-02T09:00:00.000Z';
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(bookingBody(provider, start, { customer: { name: `Racer ${i}`, email: `racer${i}@example.com` } })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const rows = await ctx.db.selectFrom('appointments').select('id').where('start_at', '=', start).execute();
    expect(rows).toHaveLength(1);
  });

  it('lets one of two overlapping bookings of different lengths win', async () => {
    const short = await addService(ctx, provider, { durationMinutes: 30 });
    const long = await addService(ctx, provider, { durationMinutes: 120 });
    const requests = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? post(bookingBody(provider, '2026-12-03T10:00:00.000Z', { service: long }))
        : post(bookingBody(provider, '2026-12-03T11:00:00.000Z', { service: short })),
    );
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const rows = await ctx.db
      .selectFrom('appointments')
      .select('id')
      .where('start_at', '>=', '2026-12-03T00:00:00.000Z')
      .where('start_at', '<', '2026-12-04T00:00:00.000Z')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
