import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connect.js';
import { isUniqueViolation } from '../../server/db/errors.js';
import { withWriteLock } from '../../server/db/transaction.js';
import { book, createProvider } from '../support/fixtures.js';
import { createTestContext } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';

// Only `npm run test:pg` has a cluster; under `npm test` these would test SQLite, which other suites do.
describe.skipIf(!process.env.TEST_POSTGRES_URL)('on PostgreSQL', () => {
  it('serializes withWriteLock across two pools on one database, as two instances would be', async () => {
    // One file URL opened twice: two pools (up to 10 connections each) on one PostgreSQL database.
    const url = `sqlite:/pg/${randomUUID()}.db`;
    const [a, b] = [openTestDatabase(url), openTestDatabase(url)] as [Db, Db];
    await sql`create table counter (n integer primary key)`.execute(a);
    // Reads the highest number and writes the next: two writers interleaving would write one number twice.
    const increment = (trx: Db) =>
      sql<{ n: number }>`insert into counter (n) select coalesce(max(n), 0) + 1 from counter returning n`
        .execute(trx)
        .then((r) => r.rows[0]!.n);
    const writes = Array.from({ length: 60 }, (_, i) =>
      // Each its own event-loop turn half of the time, so groups of every size meet on the lock.
      i % 2
        ? withWriteLock(i % 4 === 1 ? a : b, increment)
        : new Promise<number>((resolve, reject) => {
            setImmediate(() => withWriteLock(i % 4 === 0 ? a : b, increment).then(resolve, reject));
          }),
    );
    expect((await Promise.all(writes)).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('refuses overlapping live appointments of one member in the database itself, as a conflict', async () => {
    const ctx = await createTestContext();
    const provider = await createProvider(ctx);
    expect((await book(ctx, provider, '2026-12-02T09:00:00.000Z')).status).toBe(201);
    const { id: _, ...booked } = await ctx.db.selectFrom('appointments').selectAll().executeTakeFirstOrThrow();
    const at = (start: string, end: string) => ({
      ...booked,
      start_at: start,
      end_at: end,
      blocked_start_at: start,
      blocked_end_at: end,
      manage_token_hash: randomUUID(),
    });
    const overlapping = await ctx.db
      .insertInto('appointments')
      .values(at('2026-12-02T09:30:00.000Z', '2026-12-02T10:30:00.000Z'))
      .execute()
      .catch((error: unknown) => error);
    expect(overlapping).toMatchObject({ code: '23P01', constraint: 'appointments_no_overlap' });
    expect(isUniqueViolation(overlapping, 'appointments')).toBe(true);
    // Back to back is no overlap, and a cancelled appointment holds no time.
    await ctx.db
      .insertInto('appointments')
      .values(at('2026-12-02T10:00:00.000Z', '2026-12-02T11:00:00.000Z'))
      .execute();
    await ctx.db
      .insertInto('appointments')
      .values({ ...at('2026-12-02T09:30:00.000Z', '2026-12-02T10:30:00.000Z'), status: 'cancelled' })
      .execute();
  });
});
