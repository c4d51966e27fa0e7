import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { bookingBody, createProvider } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';

const SLOT = '2026-12-02T09:00:00.000Z'; // Wednesday 10:00 Berlin

/**
 * Idempotency keys live in the database, and the check and the booking share one transaction under the write lock,
 * so a key replayed to several instances at once books once. Two apps on two pools of one database stand for two
 * instances (under `npm run test:pg` one PostgreSQL database; on SQLite two connections to one file).
 */
describe('an Idempotency-Key replayed to several instances at once', () => {
  it('books once, and every instance answers with the same booking', async () => {
    const ctx = await createTestContext({
      config: { databaseUrl: `sqlite:${join(tmpdir(), `idempotency-${randomUUID()}.db`)}` },
    });
    const provider = await createProvider(ctx);
    const other = {
      app: createApp({ db: openTestDatabase(ctx.config.databaseUrl), config: ctx.config, now: () => ctx.clock.now }),
    };

    const headers = { 'Idempotency-Key': randomUUID() };
    const body = bookingBody(provider, SLOT);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(i % 2 ? other : ctx, 'POST', '/api/bookings', { body, headers })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    const first = answers[0]!.body;
    expect(first.booking).toMatchObject({ start: SLOT, status: 'confirmed' });
    for (const answer of answers) expect(answer.body).toEqual(first);
    expect(await ctx.db.selectFrom('appointments').select('id').execute()).toEqual([{ id: first.booking.id }]);
    expect(await ctx.db.selectFrom('idempotency_keys').select('key').execute()).toHaveLength(1);

    // The same key with another body is refused on either instance.
    const misuse = await call(other, 'POST', '/api/bookings', {
      body: bookingBody(provider, '2026-12-02T12:00:00.000Z'),
      headers,
    });
    expect(misuse.status).toBe(422);
    expect(misuse.body.error.code).toBe('idempotency_key_reused');
  });
});
