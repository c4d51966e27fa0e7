import { beforeEach, describe, expect, it } from 'vitest';
import type { Interval } from '../../server/availability/availability.types.js';
import { reassignFutureAppointments } from '../../server/bookings/booking.service.js';
import { noBusyTimes } from '../../server/slots/availability.loader.js';
import type { TeamMemberRow } from '../../server/team/team.table.js';
import { appointmentRow, book, bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { addMember, ownerOf } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 09:00 in Berlin. Anna (the owner) and Mia work Monday to Friday 09–17; Ben only on
// Wednesdays 13–19. Every time below is Berlin time in UTC: 09:00 CET = 08:00Z.
const WED = (hhmm: string) => `2026-12-02T${hhmm}:00.000Z`;

describe('booking a team', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let anna: TeamMemberRow;
  let mia: TeamMemberRow;
  let ben: TeamMemberRow;
  /** Busy times of members' own calendars, by member id. */
  let busy: Map<number, Interval[]>;

  beforeEach(async () => {
    busy = new Map();
    ctx = await createTestContext({ deps: { busyTimes: async (_db, memberId) => busy.get(memberId) ?? [] } });
    provider = await createProvider(ctx, { profile: { name: 'Studio Anna' } });
    anna = await ownerOf(ctx, provider);
    mia = await addMember(ctx, provider, { name: 'Mia Jones' });
    ben = await addMember(ctx, provider, { name: 'Ben', weekly: [{ weekday: 3, start: '13:00', end: '19:00' }] });
  });

  const slots = async (query: string) => {
    const res = await call(
      ctx,
      'GET',
      `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=2026-12-02&to=2026-12-02${query}`,
    );
    return {
      status: res.status,
      body: res.body,
      starts: (res.body.slots ?? []).map((s: { start: string }) => s.start),
    };
  };
  const hours = (from: number, to: number) =>
    Array.from({ length: (to - from) * 2 + 1 }, (_, i) => {
      const minutes = from * 60 + i * 30;
      return WED(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
    });

  it('offers each member’s own hours only, and "any" as their union', async () => {
    // Berlin 09:00–16:00 starts (UTC 08:00–15:00) for Anna and Mia; Ben 13:00–18:00 (UTC 12:00–17:00).
    expect((await slots(`&staff=${anna.slug}`)).starts).toEqual(hours(8, 15));
    expect((await slots(`&staff=${ben.slug}`)).starts).toEqual(hours(12, 17));
    expect((await slots('&staff=any')).starts).toEqual(hours(8, 17));
    expect((await slots('')).starts).toEqual(hours(8, 17));
    // Ben works no Thursday: nothing of Anna's or Mia's Thursday leaks into his.
    const thursday = await call(
      ctx,
      'GET',
      `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=2026-12-03&to=2026-12-03&staff=${ben.slug}`,
    );
    expect(thursday.body.slots).toEqual([]);
  });

  it('names unknown members 404 and members who do not perform the service 422', async () => {
    expect((await slots('&staff=nobody')).status).toBe(404);
    const other = await addMember(ctx, provider, { name: 'Olga', serviceIds: [] });
    const res = await slots(`&staff=${other.slug}`);
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ staff: 'does not perform this service' });
    expect((await book(ctx, provider, WED('09:00'), { staff: 'nobody' })).status).toBe(404);
    expect((await book(ctx, provider, WED('09:00'), { staff: other.slug })).status).toBe(422);
  });

  it('removes a member busy in their own calendar, and only them', async () => {
    busy.set(anna.id, [{ start: Date.parse(WED('09:00')), end: Date.parse(WED('10:00')) }]);
    const annas = (await slots(`&staff=${anna.slug}`)).starts;
    expect(annas).not.toContain(WED('09:00'));
    expect(annas).not.toContain(WED('08:30'));
    expect((await slots(`&staff=${mia.slug}`)).starts).toContain(WED('09:00'));
    expect((await slots('')).starts).toContain(WED('09:00'));
    // Two "any" bookings at 10:00 Berlin: only Mia is free, so one gets her and the other finds nobody.
    const first = await book(ctx, provider, WED('09:00'));
    expect(first.status).toBe(201);
    expect(first.body.booking.staff).toEqual({ slug: mia.slug, name: 'Mia Jones' });
    expect((await book(ctx, provider, WED('09:00'))).status).toBe(409);
    expect((await book(ctx, provider, WED('09:00'), { staff: anna.slug })).status).toBe(409);
  });

  it('books the member named, and refuses a time outside their hours', async () => {
    const res = await book(ctx, provider, WED('17:00'), { staff: ben.slug });
    expect(res.status).toBe(201);
    expect(res.body.booking.staff).toEqual({ slug: ben.slug, name: 'Ben' });
    expect((await book(ctx, provider, WED('17:00'), { staff: anna.slug })).status).toBe(422);
    expect((await appointmentRow(ctx, res.body.booking.id)).member_id).toBe(ben.id);
  });

  it('spreads "any" bookings fairly: fewest that week, then least recently assigned, then order', async () => {
    // Monday 7 December onwards: a week nobody has appointments in. Ben works Wednesdays only.
    const mondays = ['08:00', '09:00', '10:00', '11:00'].map((t) => `2026-12-07T${t}:00.000Z`);
    const given: string[] = [];
    for (const start of mondays) given.push((await book(ctx, provider, start)).body.booking.staff.slug);
    expect(given).toEqual([anna.slug, mia.slug, anna.slug, mia.slug]);
    // Wednesday: Ben has none that week, so he comes first; then whoever was served least recently.
    const wednesday = ['12:00', '13:00', '14:00'].map((t) => `2026-12-09T${t}:00.000Z`);
    const next: string[] = [];
    for (const start of wednesday) next.push((await book(ctx, provider, start)).body.booking.staff.slug);
    // Then Ben has 1 and Anna and Mia 2 each: Ben again; then all have 2, and Anna was served before Mia and Ben.
    expect(next).toEqual([ben.slug, ben.slug, anna.slug]);
  });

  it('keeps the member on a reschedule without staff, moves with "any" only when they are busy', async () => {
    const booked = await book(ctx, provider, WED('09:00'), { staff: mia.slug });
    const { id } = booked.body.booking;
    const token = new URL(booked.body.booking.manageUrl).searchParams.get('token');
    const move = (start: string, staff?: string) =>
      call(ctx, 'POST', `/api/bookings/${id}/reschedule`, { body: { token, start, ...(staff && { staff }) } });
    // Mia is busy at 11:00 Berlin: kept, the move is refused; with "any" it goes to Anna.
    busy.set(mia.id, [{ start: Date.parse(WED('10:00')), end: Date.parse(WED('11:00')) }]);
    expect((await move(WED('10:00'))).status).toBe(409);
    const kept = await move(WED('12:00'));
    expect(kept.status).toBe(200);
    expect(kept.body.booking.staff.slug).toBe(mia.slug);
    const moved = await move(WED('10:00'), 'any');
    expect(moved.status).toBe(200);
    expect(moved.body.booking.staff.slug).toBe(anna.slug);
    // "any" where the member is free keeps them even if someone else has fewer appointments.
    const stays = await move(WED('14:00'), 'any');
    expect(stays.body.booking.staff.slug).toBe(anna.slug);
    const toBen = await move(WED('14:00'), ben.slug);
    expect(toBen.body.booking.staff.slug).toBe(ben.slug);
  });

  it('tells the provider who serves each appointment and filters by member', async () => {
    await book(ctx, provider, WED('09:00'), { staff: mia.slug });
    await book(ctx, provider, WED('12:00'), { staff: ben.slug });
    const all = await call(ctx, 'GET', '/api/admin/appointments', { session: provider.session });
    expect(all.body.appointments.map((a: { member: { name: string } }) => a.member.name)).toEqual(['Mia Jones', 'Ben']);
    const bens = await call(ctx, 'GET', `/api/admin/appointments?member=${ben.id}`, { session: provider.session });
    expect(bens.body.appointments).toHaveLength(1);
    expect(bens.body.appointments[0].member).toEqual({ id: ben.id, name: 'Ben' });
  });

  it('books a walk-in for the signed-in member unless another is named', async () => {
    const walkIn = (body: Record<string, unknown>) =>
      call(ctx, 'POST', '/api/admin/appointments', {
        session: provider.session,
        body: { service: provider.serviceId, start: WED('09:00'), customer: { name: 'Walk In' }, ...body },
      });
    const own = await walkIn({});
    expect(own.status).toBe(201);
    expect(own.body.appointment.member).toEqual({ id: anna.id, name: anna.name });
    const forMia = await walkIn({ memberId: mia.id });
    expect(forMia.body.appointment.member.id).toBe(mia.id);
    expect((await walkIn({ memberId: ben.id })).status).toBe(422); // not his hours
    const stranger = await createProvider(ctx);
    const theirs = await ownerOf(ctx, stranger);
    expect((await walkIn({ memberId: theirs.id, start: WED('10:00') })).status).toBe(422);
  });

  it('lists the team on the public provider, without emails', async () => {
    const res = await call(ctx, 'GET', `/api/providers/${provider.slug}`);
    expect(res.body.team).toEqual([
      {
        slug: anna.slug,
        name: anna.name,
        initials: expect.any(String),
        bio: '',
        photoUrl: null,
        serviceIds: [provider.serviceId],
      },
      { slug: mia.slug, name: 'Mia Jones', initials: 'MJ', bio: '', photoUrl: null, serviceIds: [provider.serviceId] },
      { slug: ben.slug, name: 'Ben', initials: 'B', bio: '', photoUrl: null, serviceIds: [provider.serviceId] },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('@');
    expect(res.body.services[0].seats).toBe(1);
  });

  it('answers next-available per member', async () => {
    const next = (staff: string) =>
      call(ctx, 'GET', `/api/providers/${provider.slug}/next-available?service=${provider.serviceId}&staff=${staff}`);
    expect((await next(ben.slug)).body.slot.start).toBe(WED('12:00'));
    expect((await next('any')).body.slot.start).toBe('2026-12-01T09:00:00.000Z');
    expect((await next('nobody')).status).toBe(404);
  });

  it('changes the member of an appointment when the new one performs the service and is free', async () => {
    const booked = await book(ctx, provider, WED('12:00'), { staff: mia.slug });
    const { id } = booked.body.booking;
    const put = (memberId: number) =>
      call(ctx, 'PUT', `/api/admin/appointments/${id}/member`, { session: provider.session, body: { memberId } });
    const olga = await addMember(ctx, provider, { name: 'Olga', serviceIds: [] });
    expect((await put(olga.id)).status).toBe(422);
    busy.set(ben.id, [{ start: Date.parse(WED('12:00')), end: Date.parse(WED('12:30')) }]);
    expect((await put(ben.id)).status).toBe(409);
    busy.delete(ben.id);
    const moved = await put(ben.id);
    expect(moved.status).toBe(200);
    expect(moved.body.appointment.member).toEqual({ id: ben.id, name: 'Ben' });
    expect(moved.body.appointment.start).toBe(WED('12:00'));
    // Emails and calendars follow as for a reschedule: the customer hears of it.
    const emails = await ctx.db
      .selectFrom('email_outbox')
      .select('kind')
      .where('appointment_id', '=', id)
      .where('to_role', '=', 'customer')
      .execute();
    expect(emails.map((e) => e.kind)).toContain('rescheduled');
    const other = await createProvider(ctx);
    const foreign = await call(ctx, 'PUT', `/api/admin/appointments/${id}/member`, {
      session: other.session,
      body: { memberId: mia.id },
    });
    expect(foreign.status).toBe(404);
  });

  it('moves a leaving member’s future appointments to others free then, or cancels them', async () => {
    const deps = { db: ctx.db, now: () => ctx.clock.now, appUrl: '', busyTimes: noBusyTimes, listeners: [] };
    const at9 = await book(ctx, provider, WED('08:00'), { staff: mia.slug });
    const at12 = await book(ctx, provider, WED('11:00'), { staff: mia.slug });
    const late = await book(ctx, provider, WED('17:00'), { staff: ben.slug }); // 18:00: only Ben works then
    const free = await book(ctx, provider, WED('12:00'), { staff: ben.slug }); // 13:00: Anna and Mia are free
    await book(ctx, provider, WED('08:00'), { staff: anna.slug }); // Anna is taken at 9, Ben not in yet
    const result = await reassignFutureAppointments(deps, mia.id, { future: 'reassign', reassignTo: anna.id });
    // At 9 nobody else is free: cancelled. At 12 Anna, as asked.
    expect(result).toEqual({ reassigned: [at12.body.booking.id], cancelled: [at9.body.booking.id] });
    expect((await appointmentRow(ctx, at12.body.booking.id)).member_id).toBe(anna.id);
    // Without a name, a fair pick of those free: Anna has 2 that week, Mia none left → Mia takes 13:00.
    const gone = await reassignFutureAppointments(deps, ben.id, { future: 'reassign' });
    expect(gone).toEqual({ reassigned: [free.body.booking.id], cancelled: [late.body.booking.id] });
    expect((await appointmentRow(ctx, free.body.booking.id)).member_id).toBe(mia.id);
    const all = await reassignFutureAppointments(deps, anna.id, { future: 'cancel' });
    expect(all.reassigned).toEqual([]);
    expect(all.cancelled).toHaveLength(2);
    expect((await appointmentRow(ctx, late.body.booking.id)).status).toBe('cancelled');
  });

  it('accepts staff in the booking body only as a short string', async () => {
    const res = await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, WED('09:00'), { staff: 7 }) });
    expect(res.status).toBe(400);
  });
});
