import { beforeEach, describe, expect, it } from 'vitest';
import type { AppointmentEvent, AppointmentListener } from '../../server/bookings/appointment-events.js';
import { type AppointmentDetail, findAppointment } from '../../server/bookings/bookings.repository.js';
import { addService, book, createProvider } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const START = '2026-12-02T09:00:00.000Z'; // Wednesday 10:00 in Berlin
const LATER = '2026-12-02T11:00:00.000Z';

/**
 * A booking hands its listeners and its answer the appointment's detail. A one-to-one booking puts it together from
 * the rows it holds (server/bookings/booked-detail.ts) instead of reading it back: it must be exactly what the read
 * gives, for every kind of booking.
 */
describe('the detail a booking hands its listeners', () => {
  let ctx: TestContext;
  let created: AppointmentEvent[];
  /** What the read gives in the booking's own transaction (a class's later attendees change its count). */
  let read: (AppointmentDetail | undefined)[];
  beforeEach(async () => {
    created = [];
    read = [];
    const recordCreated: AppointmentListener = async (trx, event) => {
      if (event.type !== 'created') return;
      created.push(event);
      read.push(await findAppointment(trx, event.appointmentId));
    };
    ctx = await createTestContext({ deps: { appointmentListeners: [recordCreated] } });
  });

  const expectAsRead = () => {
    expect(created.length).toBeGreaterThan(0);
    for (const [i, event] of created.entries()) expect(event.appointment).toEqual(read[i]);
  };

  it('is what the read gives for a customer booking, two customers each their own', async () => {
    const provider = await createProvider(ctx, { policy: { cutoffHours: 24, text: 'Call ahead' } });
    expect((await book(ctx, provider, START)).status).toBe(201);
    const other = { customer: { name: 'Dana Other', email: 'dana@example.com', phone: '+49 30 1' }, note: 'hi' };
    expect((await book(ctx, provider, LATER, { ...other, timeZone: 'Europe/Paris' })).status).toBe(201);
    expectAsRead();
    expect(created.map((e) => e.appointment?.customer_name)).toEqual(['Chris Customer', 'Dana Other']);
    expect(created[0]!.appointment?.provider_email).not.toBeNull();
  });

  it('says no address for an owner who has not confirmed theirs', async () => {
    const provider = await createProvider(ctx, { confirmed: false });
    expect((await book(ctx, provider, START)).status).toBe(201);
    expectAsRead();
    expect(created[0]!.appointment?.provider_email).toBeNull();
  });

  it('is what the read gives for the owner’s walk-in booking and for a class', async () => {
    const provider = await createProvider(ctx);
    const walkIn = await call(ctx, 'POST', '/api/admin/appointments', {
      session: provider.session,
      body: { service: provider.serviceId, start: START, customer: { name: 'Walter Walk-in' } },
    });
    expect(walkIn.status).toBe(201);
    const yoga = await addService(ctx, provider, { durationMinutes: 60, name: 'Yoga', seats: 3 });
    for (const name of ['Ann', 'Bo'])
      expect(
        (await book(ctx, provider, LATER, { service: yoga, customer: { name, email: `${name}@example.com` } })).status,
      ).toBe(201);
    expectAsRead();
    expect(created.map((e) => e.appointment?.class_taken)).toEqual([1, 1, 2]);
  });
});
