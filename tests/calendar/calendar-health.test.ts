import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { book, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import {
  type CalendarTestContext,
  connectOwnGoogle,
  drainSync,
  startCalendar,
  stopCalendar,
} from './calendar-context.js';
import type { FakeGoogle } from './fake-google.js';

const OWNER = 'salon.owner@gmail.com';

/** The calendar page's one status, in the owner's words: what `health` says through a connection's life. */
describe('calendar health for the owner', () => {
  let google: FakeGoogle;
  let ctx: CalendarTestContext;
  let provider: ProviderFixture;

  beforeEach(async () => ({ google, ctx, provider } = await startCalendar({ sharedMode: false })));
  afterEach(() => stopCalendar({ google, ctx }));

  const health = async () => (await call(ctx, 'GET', '/api/admin/calendar', { session: provider.session })).body.health;

  it('goes from none to up to date, retrying while Google is unreachable, and reconnect once access is revoked', async () => {
    expect(await health()).toBeNull();
    await connectOwnGoogle(ctx, google, provider, OWNER);
    expect(await health()).toBe('up_to_date');

    google.setFaults(['error500']);
    expect((await book(ctx, provider, '2026-12-02T09:00:00.000Z')).status).toBe(201);
    await ctx.calendar.syncOnce();
    expect(await health()).toBe('retrying');

    google.setFaults([]);
    await drainSync(ctx);
    expect(await health()).toBe('up_to_date');

    google.revokeAccount(OWNER);
    expect((await book(ctx, provider, '2026-12-02T11:00:00.000Z')).status).toBe(201);
    await drainSync(ctx);
    expect(await health()).toBe('reconnect');
  });

  it('says appointments are missing when Google refused one for good', async () => {
    await connectOwnGoogle(ctx, google, provider, OWNER);
    google.setFaults(['error400']);
    expect((await book(ctx, provider, '2026-12-02T09:00:00.000Z')).status).toBe(201);
    await drainSync(ctx);
    expect(await health()).toBe('missing');
  });
});
