import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, migrateToLatest } from '../../server/db/connect.js';
import type { NewEmail } from '../../server/email/email.table.js';
import { outboxClaims } from '../../server/outbox/claim.js';
import { openTestDatabase } from '../support/test-databases.js';

const NOW = new Date('2026-12-01T08:00:00.000Z');
const LEASE_MS = 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const emails = outboxClaims({ table: 'email_outbox', waiting: 'pending', working: 'sending' });

const email = (n: number): NewEmail => ({
  appointment_id: null,
  to_user_id: null,
  to_address: `customer${n}@example.com`,
  kind: 'confirmation',
  subject: `Email ${n}`,
  html: '<p>Hello</p>',
  text: 'Hello',
  ics: null,
  message_id: `<${n}@test>`,
  status: 'pending',
  next_attempt_at: NOW.toISOString(),
  lease_until: null,
  last_error: null,
  sent_at: null,
  to_role: 'customer',
  dedupe_key: null,
  claimed_by: null,
  transport: null,
  reply_to: null,
});

/**
 * Two pools on one database stand for two instances (under `npm run test:pg` a SQLite file URL stands for one
 * PostgreSQL database; on SQLite they are two connections to one file).
 */
describe('outbox claims, by several claimers on two pools of one database', () => {
  let a: Db;
  let b: Db;

  beforeEach(async () => {
    const url = `sqlite:${join(tmpdir(), `claims-${randomUUID()}.db`)}`;
    a = openTestDatabase(url);
    await migrateToLatest(a);
    b = openTestDatabase(url);
  });
  afterEach(async () => {
    await Promise.all([a.destroy(), b.destroy()]);
  });

  const insert = async (count: number) => {
    const rows = Array.from({ length: count }, (_, i) => email(i + 1));
    for (let i = 0; i < rows.length; i += 50)
      await a
        .insertInto('email_outbox')
        .values(rows.slice(i, i + 50))
        .execute();
  };
  const statuses = () =>
    a.selectFrom('email_outbox').select(['id', 'status', 'attempts', 'claimed_by']).orderBy('id').execute();

  it('leases no row to two claims and delivers every row exactly once, with many passes at once', async () => {
    await insert(200);
    const delivered: number[] = [];
    const leased = new Map<number, string>();
    // Eight workers, four on each pool, each claiming small batches until nothing is due: all in flight at once.
    const worker = async (db: Db) => {
      for (;;) {
        const claimId = randomUUID();
        const rows = await emails.claim(db, { claimId, now: NOW, leaseUntil: at(LEASE_MS), limit: 7 });
        if (!rows.length) return;
        for (const row of rows) {
          expect(leased.has(row.id), `row ${row.id} leased twice`).toBe(false);
          leased.set(row.id, claimId);
          delivered.push(row.id);
          expect(await emails.settle(db, row.id, claimId, { status: 'sent', sent_at: NOW.toISOString() })).toBe(true);
        }
      }
    };
    await Promise.all([a, b, a, b, a, b, a, b].map(worker));
    expect(delivered.sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const rows = await statuses();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.claimed_by === null)).toBe(true);
  });

  it('takes back the rows of a claimer that died once its lease runs out; only the new holder settles them', async () => {
    await insert(3);
    const dead = randomUUID();
    expect(await emails.claim(a, { claimId: dead, now: NOW, leaseUntil: at(LEASE_MS), limit: 10 })).toHaveLength(3);
    // Within the lease nobody else gets them, however many ask.
    const early = await Promise.all(
      [a, b, b].map((db) =>
        emails.claim(db, { claimId: randomUUID(), now: at(LEASE_MS - 1), leaseUntil: at(2 * LEASE_MS), limit: 10 }),
      ),
    );
    expect(early.flat()).toEqual([]);

    // Past it, the rows are due again, once, and each claim counts as an attempt.
    const late = await Promise.all(
      [b, a].map((db) =>
        emails.claim(db, { claimId: randomUUID(), now: at(LEASE_MS), leaseUntil: at(2 * LEASE_MS), limit: 10 }),
      ),
    );
    expect(late.map((rows) => rows.length).sort()).toEqual([0, 3]);
    const taken = late.flat();
    expect(taken.map((r) => [r.id, r.attempts])).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
    const holder = taken[0]!.claimed_by!;

    // The dead claimer was only slow: its outcome changes nothing.
    expect(await emails.settle(b, 1, dead, { status: 'sent' })).toBe(false);
    expect(await emails.settle(a, 1, holder, { status: 'sent' })).toBe(true);
    // Stopping, the holder hands back what it did not try: due at once, the attempt not counted.
    await emails.release(b, [2, 3], dead);
    await emails.release(b, [2, 3], holder);
    expect(await statuses()).toEqual([
      { id: 1, status: 'sent', attempts: 2, claimed_by: null },
      { id: 2, status: 'pending', attempts: 1, claimed_by: null },
      { id: 3, status: 'pending', attempts: 1, claimed_by: null },
    ]);
    const again = await emails.claim(a, {
      claimId: randomUUID(),
      now: at(LEASE_MS),
      leaseUntil: at(LEASE_MS * 2),
      limit: 10,
    });
    expect(again.map((r) => r.id)).toEqual([2, 3]);
  });

  it('takes rows waiting for a retry only when their time has come, oldest due first', async () => {
    await insert(3);
    await a
      .updateTable('email_outbox')
      .set({ next_attempt_at: at(5_000).toISOString() })
      .where('id', '=', 1)
      .execute();
    const claim = (ms: number, limit: number) =>
      emails.claim(b, { claimId: randomUUID(), now: at(ms), leaseUntil: at(ms + LEASE_MS), limit });
    expect((await claim(0, 1)).map((r) => r.id)).toEqual([2]);
    expect((await claim(4_999, 10)).map((r) => r.id)).toEqual([3]);
    expect((await claim(5_000, 10)).map((r) => r.id)).toEqual([1]);
  });
});
