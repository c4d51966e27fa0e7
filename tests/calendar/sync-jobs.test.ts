import { beforeEach, describe, expect, it } from 'vitest';
import { replaceConnection, updateConnection } from '../../server/calendar/connections.repository.js';
import { enqueueSyncJob, leaseDueJobs, recordOutcome } from '../../server/calendar/sync-jobs.repository.js';
import { ownerMemberOf } from '../../server/team/team.repository.js';
import { book, createProvider } from '../support/fixtures.js';
import { createTestContext, NOW, type TestContext } from '../support/test-app.js';

const LEASE_MS = 60_000;

describe('the calendar outbox queue', () => {
  let ctx: TestContext;
  let providerId: number;
  let first: number;
  let second: number;

  beforeEach(async () => {
    ctx = await createTestContext();
    const provider = await createProvider(ctx);
    first = (await book(ctx, provider, '2026-12-02T09:00:00.000Z')).body.booking.id;
    second = (await book(ctx, provider, '2026-12-02T11:00:00.000Z')).body.booking.id;
    providerId = (await ctx.db.selectFrom('providers').select('id').executeTakeFirstOrThrow()).id;
    await replaceConnection(ctx.db, {
      provider_id: providerId,
      member_id: (await ownerMemberOf(ctx.db, providerId)).id,
      kind: 'google_oauth',
      status: 'active',
      updated_at: NOW.toISOString(),
    });
    await enqueueSyncJob(ctx.db, { providerId, appointmentId: first, action: 'upsert' }, NOW);
    await enqueueSyncJob(ctx.db, { providerId, appointmentId: second, action: 'upsert' }, NOW);
    await enqueueSyncJob(ctx.db, { providerId, appointmentId: first, action: 'delete' }, NOW);
  });

  const lease = (at: Date) => leaseDueJobs(ctx.db, at, LEASE_MS, 10);

  it('hands out one job per appointment at a time, oldest first', async () => {
    const taken = await lease(NOW);
    expect(taken.map((j) => [j.appointment_id, j.action, j.attempts])).toEqual([
      [first, 'upsert', 1],
      [second, 'upsert', 1],
    ]);
    expect(await lease(NOW)).toEqual([]); // the delete waits for the upsert before it
    await recordOutcome(ctx.db, taken[0]!, { status: 'done' }, NOW);
    expect((await lease(NOW)).map((j) => [j.appointment_id, j.action])).toEqual([[first, 'delete']]);
  });

  it('takes a job back when its worker died (its lease ran out), and keeps a retried one in order', async () => {
    const taken = await lease(NOW);
    const later = new Date(NOW.getTime() + LEASE_MS + 1);
    const retaken = await lease(later);
    expect(retaken.map((j) => [j.id, j.attempts])).toEqual(taken.map((j) => [j.id, 2]));
    // The pass taken for dead was only slow: its outcome no longer counts, the new holder's does.
    await recordOutcome(ctx.db, taken[0]!, { status: 'done' }, later);
    expect(
      await ctx.db.selectFrom('sync_jobs').select('status').where('id', '=', taken[0]!.id).executeTakeFirst(),
    ).toEqual({ status: 'running' });
    // A retry due later holds back the younger job of the same appointment until then.
    await recordOutcome(
      ctx.db,
      retaken[0]!,
      { status: 'pending', nextAttemptAt: new Date(later.getTime() + 30_000), error: 'busy' },
      later,
    );
    expect(await lease(new Date(later.getTime() + 1_000))).toEqual([]);
    expect((await lease(new Date(later.getTime() + 30_000))).map((j) => j.id)).toEqual([taken[0]!.id]);
  });

  it('holds every job while the connection is broken', async () => {
    const connection = await ctx.db.selectFrom('calendar_connections').select('id').executeTakeFirstOrThrow();
    await updateConnection(ctx.db, connection.id, { status: 'broken', last_error: 'invalid_grant' }, NOW);
    expect(await lease(NOW)).toEqual([]);
    await updateConnection(ctx.db, connection.id, { status: 'active' }, NOW);
    expect(await lease(NOW)).toHaveLength(2);
  });
});
