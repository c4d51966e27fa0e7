import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addService, appointmentRow, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { type RaceServer, raceServer } from '../support/race-server.js';
import { addMember } from '../support/team.js';
import type { TestContext } from '../support/test-app.js';

describe('teams and classes under concurrent bookings, over real HTTP on a real SQLite file', () => {
  let racing: RaceServer;
  let ctx: TestContext;
  let post: RaceServer['post'];
  let provider: ProviderFixture;
  let classId: number;

  beforeAll(async () => {
    racing = await raceServer('team-race');
    ({ ctx, post } = racing);
    provider = await createProvider(ctx);
    await addMember(ctx, provider, { name: 'Mia' });
    const ben = await addMember(ctx, provider, { name: 'Ben' });
    classId = await addService(ctx, provider, {
      durationMinutes: 60,
      name: 'Yoga flow',
      seats: 12,
      memberIds: [ben.id],
    });
  });
  afterAll(() => racing.close());

  /** The confirmed appointments at `start`, by seat. */
  const confirmedAt = (start: string) =>
    ctx.db
      .selectFrom('appointments')
      .selectAll()
      .where('start_at', '=', start)
      .where('status', '=', 'confirmed')
      .orderBy('seat')
      .execute();

  const race = async (count: number, body: (i: number) => unknown) => {
    const responses = await Promise.all(Array.from({ length: count }, (_, i) => post(body(i))));
    return Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.json() })));
  };

  it('gives 100 concurrent "any" requests for one time to exactly the 3 free members, one each', async () => {
    const start = '2026-12-02T09:00:00.000Z';
    const results = await race(100, (i) =>
      bookingBody(provider, start, { staff: 'any', customer: { name: `Racer ${i}`, email: `racer${i}@example.com` } }),
    );
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(97);
    expect(new Set(won.map((r) => r.body.booking.staff.slug)).size).toBe(3);
    const rows = await confirmedAt(start);
    expect(new Set(rows.map((r) => r.member_id)).size).toBe(3);
    expect(rows).toHaveLength(3);
  });

  it('sells exactly the 12 seats of a class to 40 concurrent requests, each its own seat', async () => {
    const start = '2026-12-03T09:00:00.000Z';
    const results = await race(40, (i) =>
      bookingBody(provider, start, {
        service: classId,
        customer: { name: `Yogi ${i}`, email: `yogi${i}@example.com` },
      }),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(12);
    expect(results.filter((r) => r.status === 409)).toHaveLength(28);
    const rows = await confirmedAt(start);
    expect(rows.map((r) => r.seat)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    const won = results.find((r) => r.status === 201)!.body.booking;
    expect(won.seats).toBe(12);
    expect(won.staff.name).toBe('Ben');

    const slotsOf = async () => {
      const res = await fetch(
        `${racing.url}/api/providers/${provider.slug}/slots?service=${classId}&from=2026-12-03&to=2026-12-03`,
      );
      return (await res.json()).slots as { start: string; placesLeft: number }[];
    };
    expect((await slotsOf()).find((s) => s.start === start)).toBeUndefined();
    expect((await slotsOf())[0]!.placesLeft).toBe(12);

    // One attendee cancels: their seat is free again, and the next booking takes exactly that seat.
    const token = new URL(won.manageUrl).searchParams.get('token');
    const cancelled = await fetch(`${racing.url}/api/bookings/${won.id}/cancel`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(cancelled.status).toBe(200);
    const freed = (await appointmentRow(ctx, won.id)).seat;
    expect((await slotsOf()).find((s) => s.start === start)?.placesLeft).toBe(1);
    const again = await post(
      bookingBody(provider, start, { service: classId, customer: { name: 'Late', email: 'late@example.com' } }),
    );
    expect(again.status).toBe(201);
    const late = (await again.json()).booking;
    expect((await appointmentRow(ctx, late.id)).seat).toBe(freed);
  });
});
