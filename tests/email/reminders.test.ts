import { beforeEach, describe, expect, it } from 'vitest';
import { enqueueDueReminders } from '../../server/email/reminders.job.js';
import { emailWorker, outbox } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z; SLOT starts 25 hours later.
const SLOT = '2026-12-02T09:00:00.000Z';

describe('reminders', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
  });

  /** One worker pass at the clock's time; returns the reminders in the outbox so far. */
  const passAt = async (iso: string) => {
    ctx.clock.now = new Date(iso);
    const worker = emailWorker(ctx);
    await worker.runOnce();
    await worker.stop();
    return (await outbox(ctx)).filter((r) => r.kind === 'reminder');
  };

  const setReminder = async (reminder: 'off' | '24h' | '2h') => {
    const { profile } = (await call(ctx, 'GET', '/api/admin/profile', { session: provider.session })).body;
    const res = await call(ctx, 'PUT', '/api/admin/profile', {
      session: provider.session,
      body: { ...profile, notifications: { reminder } },
    });
    expect(res.status).toBe(200);
    expect(res.body.profile.notifications).toEqual({ reminder, ownerCopies: false });
  };

  it('reminds the customer and the provider 24 hours ahead by default, once', async () => {
    const { profile } = (await call(ctx, 'GET', '/api/admin/profile', { session: provider.session })).body;
    expect(profile.notifications).toEqual({ reminder: '24h', ownerCopies: false });
    expect((await book(ctx, provider, SLOT, { timeZone: 'Asia/Tokyo' })).status).toBe(201);
    expect(await passAt('2026-12-01T08:30:00.000Z')).toEqual([]);
    const reminders = await passAt('2026-12-01T09:00:00.000Z');
    expect(reminders.map((r) => [r.to_role, r.status])).toEqual([
      ['customer', 'sent'],
      ['provider', 'sent'],
    ]);
    expect(reminders[0]!.subject).toBe('Reminder: Consultation at Provider 1, Wed 2 Dec, 18:00');
    expect(reminders[0]!.text).toContain('Cancel or reschedule: http://booking.test/manage/');
    expect(reminders[1]!.subject).toMatch(/^Reminder: Chris Customer, Consultation, Wed 2 Dec, 10:00$/);
    expect(await passAt('2026-12-01T12:00:00.000Z')).toHaveLength(2);
  });

  it('reminds again for the new time after a reschedule, and not after a cancellation', async () => {
    const { id } = (await book(ctx, provider, SLOT)).body.booking;
    expect(await passAt('2026-12-01T09:00:00.000Z')).toHaveLength(2);
    const moved = await call(ctx, 'POST', `/api/admin/appointments/${id}/reschedule`, {
      session: provider.session,
      body: { start: '2026-12-03T09:00:00.000Z' },
    });
    expect(moved.status).toBe(200);
    expect(await passAt('2026-12-02T08:00:00.000Z')).toHaveLength(2);
    expect(await passAt('2026-12-02T09:00:00.000Z')).toHaveLength(4);

    const second = (await book(ctx, provider, '2026-12-04T09:00:00.000Z')).body.booking;
    expect(
      (await call(ctx, 'POST', `/api/admin/appointments/${second.id}/cancel`, { session: provider.session })).status,
    ).toBe(200);
    expect(await passAt('2026-12-03T09:00:00.000Z')).toHaveLength(4);
  });

  it('follows the provider’s setting: 2 hours ahead, or off', async () => {
    await setReminder('2h');
    await book(ctx, provider, SLOT);
    expect(await passAt('2026-12-01T09:00:00.000Z')).toEqual([]);
    expect(await passAt('2026-12-02T07:00:00.000Z')).toHaveLength(2);

    await setReminder('off');
    await book(ctx, provider, '2026-12-03T09:00:00.000Z');
    expect(await passAt('2026-12-03T08:00:00.000Z')).toHaveLength(2);
  });

  it('sends no reminder for a booking made inside the reminder window', async () => {
    await book(ctx, provider, '2026-12-01T14:00:00.000Z'); // six hours ahead
    expect(await passAt('2026-12-01T13:00:00.000Z')).toEqual([]);
  });

  it('drops a queued reminder that was not sent yet when the appointment is cancelled', async () => {
    const { id } = (await book(ctx, provider, SLOT)).body.booking;
    ctx.clock.now = new Date('2026-12-01T10:00:00.000Z');
    expect(await enqueueDueReminders({ db: ctx.db, appUrl: ctx.config.appUrl, now: ctx.clock.now })).toBe(2);
    expect(await enqueueDueReminders({ db: ctx.db, appUrl: ctx.config.appUrl, now: ctx.clock.now })).toBe(0);
    expect(
      (await call(ctx, 'POST', `/api/admin/appointments/${id}/cancel`, { session: provider.session })).status,
    ).toBe(200);
    expect((await outbox(ctx)).filter((r) => r.appointment_id === id).map((r) => r.kind)).toEqual([
      'confirmation',
      'confirmation',
      'cancelled',
      'cancelled',
    ]);
  });
});
