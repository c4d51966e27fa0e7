import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase, type Db, migrateToLatest } from '../db/connect.js';
import { rememberResponse, replayFor, requestFingerprint } from './idempotency.js';

describe('idempotent answers', () => {
  let db: Db;
  const now = new Date('2026-12-01T08:00:00.000Z');
  const answer = {
    status: 201,
    body: { booking: { id: 7, manageUrl: 'http://booking.test/manage/7?token=abcdefghijklmnopqrstuvwxyz234567' } },
  };
  const fingerprint = requestFingerprint({ provider: 'p', start: 1 });

  beforeEach(async () => {
    db = connectDatabase('sqlite::memory:');
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('replays the answer for the same key and request', async () => {
    await rememberResponse(db, 'booking', 'key-1', fingerprint, answer, now);
    expect(await replayFor(db, 'booking', 'key-1', fingerprint, now)).toEqual(answer);
    expect(await replayFor(db, 'booking', 'key-2', fingerprint, now)).toBeUndefined();
    expect(await replayFor(db, 'reschedule', 'key-1', fingerprint, now)).toBeUndefined();
  });

  it('refuses the same key with another request', async () => {
    await rememberResponse(db, 'booking', 'key-1', fingerprint, answer, now);
    await expect(replayFor(db, 'booking', 'key-1', requestFingerprint({ other: true }), now)).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });

  it('stores neither the key nor the manage link in readable form', async () => {
    await rememberResponse(db, 'booking', 'client-key-123', fingerprint, answer, now);
    const rows = JSON.stringify(await db.selectFrom('idempotency_keys').selectAll().execute());
    expect(rows).not.toContain('client-key-123');
    expect(rows).not.toContain('abcdefghijklmnopqrstuvwxyz234567');
    expect(rows).not.toContain('manageUrl');
  });

  it('forgets answers after a day', async () => {
    await rememberResponse(db, 'booking', 'key-1', fingerprint, answer, now);
    expect(
      await replayFor(db, 'booking', 'key-1', fingerprint, new Date(now.getTime() + 25 * 3_600_000)),
    ).toBeUndefined();
  });
});
