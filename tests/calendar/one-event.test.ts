import { describe, expect, it } from 'vitest';
import { written } from '../../server/email/draft.js';
import { book } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { calendarWorld, connectOwnGoogle, drainSync } from './calendar-context.js';

const OWNER = 'synced.owner@gmail.com';

// Gmail adds a REQUEST invitation to the calendar by its UID; the synced event has Google's own. Both would show, so a
// provider whose calendar is synced gets the email without the invitation, and the sync writes the one event.
describe('one event per appointment in a synced provider’s calendar', () => {
  const ctx = calendarWorld();

  const copies = async (appointmentId: number) =>
    Object.fromEntries(
      (
        await ctx.db
          .selectFrom('email_outbox')
          .selectAll()
          .where('appointment_id', '=', appointmentId)
          .orderBy('id')
          .execute()
      )
        .map(written)
        .map((row) => [`${row.kind}/${row.to_role}`, row.ics !== null]),
    );

  it('sends the provider no invitation while the calendar is connected; the customer still gets theirs', async () => {
    const before = await book(ctx, ctx.provider, '2026-12-02T09:00:00.000Z');
    expect(await copies(before.body.booking.id)).toEqual({
      'confirmation/customer': true,
      'confirmation/provider': true,
    });

    await connectOwnGoogle(ctx, OWNER);
    const after = await book(ctx, ctx.provider, '2026-12-02T11:00:00.000Z');
    const id = after.body.booking.id;
    expect(
      (
        await call(ctx, 'POST', `/api/admin/appointments/${id}/reschedule`, {
          session: ctx.provider.session,
          body: { start: '2026-12-02T13:00:00.000Z' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(ctx, 'POST', `/api/admin/appointments/${id}/cancel`, { session: ctx.provider.session })).status,
    ).toBe(200);
    expect(await copies(id)).toEqual({
      'confirmation/customer': true,
      'confirmation/provider': false,
      'rescheduled/customer': true,
      'rescheduled/provider': false,
      'cancelled/customer': true,
      'cancelled/provider': false,
    });
    await drainSync(ctx);
    // The first booking (backfilled on connecting) is the one event left in the calendar.
    expect(ctx.google.liveEvents(OWNER)).toHaveLength(1);
  });
});
