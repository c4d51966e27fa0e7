import { beforeEach, describe, expect, it } from 'vitest';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const SLOT = '2026-12-02T09:00:00.000Z';

describe('provider admin', () => {
  let ctx: TestContext;
  let anna: ProviderFixture;
  beforeEach(async () => {
    ctx = await createTestContext();
    anna = await createProvider(ctx, { slug: 'studio-anna' });
  });

  it('creates and edits the profile; a taken slug is refused', async () => {
    const got = await call(ctx, 'GET', '/api/admin/profile', { session: anna.session });
    expect(got.status).toBe(200);
    expect(got.body.profile).toMatchObject({
      slug: 'studio-anna',
      timeZone: 'Europe/Berlin',
      bookingRules: { slotStepMinutes: 30 },
    });
    const other = await createProvider(ctx);
    const clash = await call(ctx, 'PUT', '/api/admin/profile', {
      session: other.session,
      body: { ...got.body.profile, slug: 'studio-anna', rating: undefined },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('slug_taken');
    const badZone = await call(ctx, 'PUT', '/api/admin/profile', {
      session: anna.session,
      body: { ...got.body.profile, timeZone: 'Mars/Olympus' },
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.fields.timeZone).toBeDefined();
  });

  it('is closed to customers and to providers without a profile', async () => {
    const customer = await signUp(ctx, 'customer');
    expect((await call(ctx, 'GET', '/api/admin/services', { session: customer })).status).toBe(403);
    expect((await call(ctx, 'GET', '/api/admin/profile', { session: customer })).status).toBe(403);
    const fresh = await signUp(ctx, 'provider');
    expect((await call(ctx, 'GET', '/api/admin/services', { session: fresh })).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/admin/services')).status).toBe(401);
  });

  it('manages services: create, update, deactivate, delete only without appointments', async () => {
    const created = await call(ctx, 'POST', '/api/admin/services', {
      session: anna.session,
      body: {
        name: 'Colour',
        durationMinutes: 90,
        price: { amountMinor: 9000, currency: 'EUR' },
        bufferAfterMinutes: 15,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.service.id;
    const patched = await call(ctx, 'PATCH', `/api/admin/services/${id}`, {
      session: anna.session,
      body: { active: false, name: 'Full colour' },
    });
    expect(patched.body.service).toMatchObject({ name: 'Full colour', active: false, bufferAfterMinutes: 15 });
    const pub = await call(ctx, 'GET', '/api/providers/studio-anna');
    expect(pub.body.services.map((s: { id: number }) => s.id)).not.toContain(id);
    expect((await call(ctx, 'DELETE', `/api/admin/services/${id}`, { session: anna.session })).status).toBe(204);
    await book(ctx, anna, SLOT);
    const inUse = await call(ctx, 'DELETE', `/api/admin/services/${anna.serviceId}`, { session: anna.session });
    expect(inUse.status).toBe(409);
  });

  it('replaces weekly hours and refuses overnight or overlapping intervals', async () => {
    const ok = await call(ctx, 'PUT', '/api/admin/schedule/weekly', {
      session: anna.session,
      body: {
        intervals: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '13:00', end: '24:00' },
        ],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.weeklyHours).toHaveLength(2);
    const overnight = await call(ctx, 'PUT', '/api/admin/schedule/weekly', {
      session: anna.session,
      body: { intervals: [{ weekday: 5, start: '22:00', end: '02:00' }] },
    });
    expect(overnight.status).toBe(422);
    expect(overnight.body.error.code).toBe('invalid_schedule');
    const overlap = await call(ctx, 'PUT', '/api/admin/schedule/weekly', {
      session: anna.session,
      body: {
        intervals: [
          { weekday: 2, start: '09:00', end: '12:00' },
          { weekday: 2, start: '11:00', end: '13:00' },
        ],
      },
    });
    expect(overlap.status).toBe(422);
    const schedule = await call(ctx, 'GET', '/api/admin/schedule', { session: anna.session });
    expect(schedule.body.weeklyHours).toHaveLength(2); // the refused writes changed nothing
  });

  it('closes a day or sets special hours with overrides, which the slots follow', async () => {
    const slots = async () =>
      (
        await call(
          ctx,
          'GET',
          `/api/providers/studio-anna/slots?service=${anna.serviceId}&from=2026-12-02&to=2026-12-02&tz=Europe/Berlin`,
        )
      ).body.slots;
    expect(await slots()).toHaveLength(15);
    expect(
      (
        await call(ctx, 'PUT', '/api/admin/schedule/overrides/2026-12-02', {
          session: anna.session,
          body: { intervals: [] },
        })
      ).status,
    ).toBe(200);
    expect(await slots()).toEqual([]);
    await call(ctx, 'PUT', '/api/admin/schedule/overrides/2026-12-02', {
      session: anna.session,
      body: { intervals: [{ start: '18:00', end: '20:00' }] },
    });
    expect((await slots()).map((s: { start: string }) => s.start)).toEqual([
      '2026-12-02T17:00:00.000Z',
      '2026-12-02T17:30:00.000Z',
      '2026-12-02T18:00:00.000Z',
    ]);
    expect(
      (await call(ctx, 'DELETE', '/api/admin/schedule/overrides/2026-12-02', { session: anna.session })).status,
    ).toBe(204);
    expect(await slots()).toHaveLength(15);
    expect(
      (
        await call(ctx, 'PUT', '/api/admin/schedule/overrides/2026-02-30', {
          session: anna.session,
          body: { intervals: [] },
        })
      ).status,
    ).toBe(400);
  });

  it('lists appointments with customer contact and closes them through the life cycle', async () => {
    const booked = await book(ctx, anna, SLOT, {
      customer: { name: 'Chris', email: 'chris@example.com', phone: '+49 170 1234567' },
    });
    const id = booked.body.booking.id;
    const list = await call(ctx, 'GET', `/api/admin/appointments?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z`, {
      session: anna.session,
    });
    expect(list.status).toBe(200);
    expect(list.body.appointments).toHaveLength(1);
    expect(list.body.appointments[0].customer).toMatchObject({ email: 'chris@example.com', phone: '+49 170 1234567' });
    expect((await call(ctx, 'POST', `/api/admin/appointments/${id}/complete`, { session: anna.session })).status).toBe(
      409,
    );
    const moved = await call(ctx, 'POST', `/api/admin/appointments/${id}/reschedule`, {
      session: anna.session,
      body: { start: '2026-12-01T09:00:00.000Z' },
    });
    expect(moved.status).toBe(200); // providers may move inside the customers' notice period
    expect(moved.body.appointment.sequence).toBe(1);
    ctx.clock.now = new Date('2026-12-01T10:30:00.000Z');
    const done = await call(ctx, 'POST', `/api/admin/appointments/${id}/complete`, { session: anna.session });
    expect(done.status).toBe(200);
    expect(done.body.appointment.status).toBe('completed');
    expect((await call(ctx, 'POST', `/api/admin/appointments/${id}/no-show`, { session: anna.session })).status).toBe(
      409,
    );
  });
});

describe('provider isolation: every admin route', () => {
  it('never lets one provider read or change another provider’s data', async () => {
    const ctx = await createTestContext();
    const anna = await createProvider(ctx, { slug: 'anna' });
    const bob = await createProvider(ctx, { slug: 'bob' });
    const annaBooking = (await book(ctx, anna, SLOT)).body.booking.id;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/admin/services/${anna.serviceId}`],
      ['PATCH', `/api/admin/services/${anna.serviceId}`, { name: 'Hijacked' }],
      ['DELETE', `/api/admin/services/${anna.serviceId}`],
      ['GET', `/api/admin/appointments/${annaBooking}`],
      ['POST', `/api/admin/appointments/${annaBooking}/cancel`],
      ['POST', `/api/admin/appointments/${annaBooking}/complete`],
      ['POST', `/api/admin/appointments/${annaBooking}/no-show`],
      ['POST', `/api/admin/appointments/${annaBooking}/reschedule`, { start: '2026-12-03T09:00:00.000Z' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(ctx, method, path, { session: bob.session, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // Collections and singletons are scoped to the caller: Bob sees only his own.
    const services = await call(ctx, 'GET', '/api/admin/services', { session: bob.session });
    expect(services.body.services.map((s: { id: number }) => s.id)).toEqual([bob.serviceId]);
    const appointments = await call(ctx, 'GET', '/api/admin/appointments', { session: bob.session });
    expect(appointments.body.appointments).toEqual([]);
    const profile = await call(ctx, 'GET', '/api/admin/profile', { session: bob.session });
    expect(profile.body.profile.slug).toBe('bob');
    await call(ctx, 'PUT', '/api/admin/schedule/weekly', { session: bob.session, body: { intervals: [] } });
    await call(ctx, 'PUT', '/api/admin/schedule/overrides/2026-12-02', {
      session: bob.session,
      body: { intervals: [] },
    });
    const annaSchedule = await call(ctx, 'GET', '/api/admin/schedule', { session: anna.session });
    expect(annaSchedule.body.weeklyHours).toHaveLength(5);
    expect(annaSchedule.body.overrides).toEqual([]);
    const annaRow = await ctx.db.selectFrom('appointments').select(['status', 'start_at']).executeTakeFirstOrThrow();
    expect(annaRow).toEqual({ status: 'confirmed', start_at: SLOT });
    const annaService = await ctx.db
      .selectFrom('services')
      .select('name')
      .where('id', '=', anna.serviceId)
      .executeTakeFirstOrThrow();
    expect(annaService.name).toBe('Consultation');
  });
});
