import { describe, expect, it } from 'vitest';
import { book } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { calendarWorld, connectOwnGoogle, drainSync } from './calendar-context.js';

const OWNER = 'salon.owner@gmail.com';

/** The calendar page's one status, in the owner's words: what `health` says through a connection's life. */
describe('calendar health for the owner', () => {
  const ctx = calendarWorld({ sharedMode: false });

  const health = async () =>
    (await call(ctx, 'GET', '/api/admin/calendar', { session: ctx.provider.session })).body.health;

  it('goes from none to up to date, retrying while Google is unreachable, and reconnect once access is revoked', async () => {
    expect(await health()).toBeNull();
    await connectOwnGoogle(ctx, OWNER);
    expect(await health()).toBe('up_to_date');

    ctx.google.setFaults(['error500']);
    expect((await book(ctx, ctx.provider, '2026-12-02T09:00:00.000Z')).status).toBe(201);
    await ctx.calendar.syncOnce();
    expect(await health()).toBe('retrying');

    ctx.google.setFaults([]);
    await drainSync(ctx);
    expect(await health()).toBe('up_to_date');

    ctx.google.revokeAccount(OWNER);
    expect((await book(ctx, ctx.provider, '2026-12-02T11:00:00.000Z')).status).toBe(201);
    await drainSync(ctx);
    expect(await health()).toBe('reconnect');
  });

  it('says appointments are missing when Google refused one for good', async () => {
    await connectOwnGoogle(ctx, OWNER);
    ctx.google.setFaults(['error400']);
    expect((await book(ctx, ctx.provider, '2026-12-02T09:00:00.000Z')).status).toBe(201);
    await drainSync(ctx);
    expect(await health()).toBe('missing');
  });
});
