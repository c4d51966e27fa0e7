import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connect.js';
import { withWriteLock } from '../../server/db/transaction.js';
import { claimDueEmails } from '../../server/email/delivery.repository.js';
import { openTestDatabase } from '../support/test-databases.js';

const NOW = new Date('2026-12-01T08:00:00.000Z');

/** A promise the test settles when it chooses: holds a transaction open meanwhile. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

// On SQLite claims take the write lock (one writer anyway): what is tested here is PostgreSQL's.
describe.skipIf(!process.env.TEST_POSTGRES_URL)('outbox claims on PostgreSQL', () => {
  let a: Db;
  let b: Db;

  beforeEach(async () => {
    // Two pools on one database, as two instances.
    const url = `sqlite:/pg/${randomUUID()}.db`;
    a = openTestDatabase(url);
    await a
      .insertInto('email_outbox')
      .values(
        [1, 2, 3].map((n) => ({
          to_address: `customer${n}@example.com`,
          kind: 'confirmation',
          subject: `Email ${n}`,
          html: '<p>Hello</p>',
          text: 'Hello',
          message_id: `<${n}@test>`,
          status: 'pending' as const,
          next_attempt_at: NOW.toISOString(),
          to_role: 'customer' as const,
          appointment_id: null,
          to_user_id: null,
          ics: null,
          lease_until: null,
          last_error: null,
          sent_at: null,
          dedupe_key: null,
          claimed_by: null,
          transport: null,
          reply_to: null,
        })),
      )
      .execute();
    b = openTestDatabase(url);
  });
  afterEach(async () => {
    await Promise.all([a.destroy(), b.destroy()]);
  });

  const claim = (db: Db) =>
    claimDueEmails(db, { claimId: randomUUID(), now: NOW, leaseUntil: new Date(NOW.getTime() + 60_000), limit: 10 });

  // Were a claim to queue on the write lock, it would wait for the lock's holder, which waits for the claim: a hang.
  it('claims while another instance holds the write lock', async () => {
    const held = gate();
    const locked = gate();
    const holder = withWriteLock(a, async () => {
      locked.open();
      await held.opened;
    });
    await locked.opened;
    expect((await claim(b)).map((r) => r.id)).toEqual([1, 2, 3]);
    held.open();
    await holder;
  });

  it('skips a row another claimer has locked instead of waiting for it', async () => {
    const held = gate();
    const locked = gate();
    const other = a.transaction().execute(async (trx) => {
      await trx.selectFrom('email_outbox').select('id').where('id', '=', 2).forUpdate().execute();
      locked.open();
      await held.opened;
    });
    await locked.opened;
    expect((await claim(b)).map((r) => r.id)).toEqual([1, 3]);
    held.open();
    await other;
    expect((await claim(b)).map((r) => r.id)).toEqual([2]);
  });
});
