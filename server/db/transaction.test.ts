import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase, type Db } from './connect.js';
import { MAX_GROUP, withWriteLock } from './transaction.js';

describe('withWriteLock (group commit)', () => {
  let dir: string;
  let db: Db;
  let observer: SQLite.Database; // a second connection: sees only what is committed
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'write-lock-'));
    db = connectDatabase(`sqlite:${join(dir, 'test.db')}`);
    await sql`create table counter (n integer primary key)`.execute(db);
    await sql`create table parent (id integer primary key)`.execute(db);
    await sql`create table child (parent_id integer references parent(id) deferrable initially deferred)`.execute(db);
    observer = new SQLite(join(dir, 'test.db'), { readonly: true });
  });
  afterEach(async () => {
    observer.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const committed = () =>
    (observer.prepare('select n from counter order by n').all() as { n: number }[]).map((r) => r.n);
  /** Reads the highest number and writes the next: only correct if writes never interleave. */
  const increment = (trx: Db) =>
    sql<{ n: number }>`insert into counter (n) select coalesce(max(n), 0) + 1 from counter returning n`
      .execute(trx)
      .then((r) => r.rows[0]!.n);

  it('commits a lone write before resolving with its value', async () => {
    expect(await withWriteLock(db, increment)).toBe(1);
    expect(committed()).toEqual([1]);
  });

  it('runs writes queued in one turn in one transaction, one after another, and resolves them after the commit', async () => {
    const seenByOthers: number[][] = [];
    const writes = Array.from({ length: 20 }, () =>
      withWriteLock(db, async (trx) => {
        seenByOthers.push(committed());
        return increment(trx);
      }),
    );
    expect((await Promise.all(writes)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Nothing was visible to another connection while the group ran: they shared a single commit.
    expect(seenByOthers.every((rows) => rows.length === 0)).toBe(true);
    expect(committed()).toHaveLength(20);
  });

  it(`splits more than ${MAX_GROUP} queued writes into several commits`, async () => {
    const seenByOthers: number[] = [];
    const writes = Array.from({ length: MAX_GROUP + 5 }, () =>
      withWriteLock(db, async (trx) => {
        seenByOthers.push(committed().length);
        return increment(trx);
      }),
    );
    await Promise.all(writes);
    expect(seenByOthers.slice(0, MAX_GROUP).every((n) => n === 0)).toBe(true);
    expect(seenByOthers.slice(MAX_GROUP).every((n) => n === MAX_GROUP)).toBe(true);
  });

  it('rolls back only the write that threw; the rest of its group commits', async () => {
    const results = await Promise.allSettled([
      withWriteLock(db, increment),
      withWriteLock(db, async (trx) => {
        await increment(trx);
        throw new Error('refused');
      }),
      withWriteLock(db, increment),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect(committed()).toEqual([1, 2]);
  });

  it('fails every write of a group whose commit fails, and writes nothing', async () => {
    const results = await Promise.allSettled([
      withWriteLock(db, increment),
      // A deferred foreign key is only checked at COMMIT: this makes the shared commit fail.
      withWriteLock(db, (trx) => sql`insert into child (parent_id) values (42)`.execute(trx)),
      withWriteLock(db, increment),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committed()).toEqual([]);
    expect(await withWriteLock(db, increment)).toBe(1); // and the next group works
  });

  it('when the transaction is lost mid-group, fails the writes before it and runs the ones after in a new group', async () => {
    const results = await Promise.allSettled([
      withWriteLock(db, increment),
      withWriteLock(db, async (trx) => {
        await sql`rollback`.execute(trx); // what SQLite does by itself on some I/O errors
        throw new Error('disk trouble');
      }),
      withWriteLock(db, increment),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(committed()).toEqual([1]);
  });

  it('lets readers that queued before a group go first', async () => {
    const order: string[] = [];
    const read = db
      .selectFrom('counter' as never)
      .selectAll()
      .execute()
      .then(() => order.push('read'));
    const write = withWriteLock(db, increment).then(() => order.push('write'));
    await Promise.all([read, write]);
    expect(order).toEqual(['read', 'write']);
  });
});
