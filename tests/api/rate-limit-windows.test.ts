import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/connect.js';
import { AppError } from '../../server/errors.js';
import { sharedWindow } from '../../server/http/rate-limit.js';
import { openTestDatabase } from '../support/test-databases.js';

/** Two pools on one database file (one PostgreSQL database under `npm run test:pg`): two instances' limits. */
async function twoInstances() {
  const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'rate-limit-')), 'app.db')}`;
  const a = openTestDatabase(url);
  await migrateToLatest(a);
  return [a, openTestDatabase(url)] as const;
}

const refusal = (hit: Promise<void>) =>
  hit.then(
    () => 'let through',
    (error: unknown) => error,
  );

describe('rate limits kept in the database', () => {
  it('counts the hits of every instance against one limit, and refuses over it with the seconds left', async () => {
    const [a, b] = await twoInstances();
    let t = Date.parse('2026-12-01T08:00:00.000Z');
    const options = { windowMs: 60_000, limit: 3, now: () => t };
    const [onA, onB] = [sharedWindow(a, options), sharedWindow(b, options)];
    await onA('login|chris@example.com');
    await onB('login|chris@example.com');
    await onA('login|chris@example.com');
    t += 15_000;
    const refused = await refusal(onB('login|chris@example.com'));
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).headers).toEqual({ 'Retry-After': '45' });
    await onA('login|other@example.com'); // another bucket has its own window
    t += 45_000;
    await onB('login|chris@example.com'); // a new window
  });

  it('starts a new window in one statement when many instances hit at once, and never counts a hit twice', async () => {
    const [a, b] = await twoInstances();
    const t = Date.parse('2026-12-01T08:00:00.000Z');
    const limits = [a, b].map((db) => sharedWindow(db, { windowMs: 60_000, limit: 10, now: () => t }));
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => refusal(limits[i % 2]!('booking|1.2.3.4'))));
    expect(answers.filter((x) => x === 'let through')).toHaveLength(10);
  });

  it('stores no address or email, and sweeps ended windows', async () => {
    const [a] = await twoInstances();
    let t = Date.parse('2026-12-01T08:00:00.000Z');
    const hit = sharedWindow(a, { windowMs: 60_000, limit: 5, now: () => t });
    await hit('chris@example.com|203.0.113.9');
    await hit('dana@example.com|203.0.113.9');
    const rows = await a.selectFrom('rate_limit_windows').selectAll().execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/example|203\.0/);
    t += 60_000;
    await hit('eve@example.com|198.51.100.1');
    expect(await a.selectFrom('rate_limit_windows').select('count').execute()).toEqual([{ count: 1 }]);
  });
});
