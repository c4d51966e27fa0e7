import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { migrations } from '../../server/db/migrations/index.js';
import { startPollingWorker } from '../../server/outbox/polling-worker.js';
import { call } from '../support/http.js';
import { createTestContext, testConfig } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('GET /healthz', () => {
  it('answers 200 while the process runs, even when it is not ready', async () => {
    const ctx = await createTestContext({ deps: { workers: ['email'] } });
    await ctx.db.destroy();
    const res = await call(ctx, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('GET /readyz', () => {
  it('is ready with the database up, every migration applied and every worker running', async () => {
    const worker = startPollingWorker('email', 3_600_000, async () => {});
    stops.push(worker.stop);
    const ctx = await createTestContext({ deps: { workers: ['email'] } });
    const res = await call(ctx, 'GET', '/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', workers: 'ok' } });
  });

  it('answers 503 naming the worker once a required worker has stopped', async () => {
    const worker = startPollingWorker('calendar sync', 3_600_000, async () => {});
    const ctx = await createTestContext({ deps: { workers: ['calendar sync'] } });
    expect((await call(ctx, 'GET', '/readyz')).status).toBe(200);
    await worker.stop();
    const res = await call(ctx, 'GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'not_ready', checks: { workers: 'not running: calendar sync' } });
  });

  it('answers 503 when the database is closed', async () => {
    const ctx = await createTestContext();
    expect((await call(ctx, 'GET', '/readyz')).status).toBe(200);
    await ctx.db.destroy();
    const res = await call(ctx, 'GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'not_ready', checks: { database: 'unreachable' } });
  });

  it('answers 503 naming the migration the database has not applied yet', async () => {
    const config = testConfig();
    const db = openTestDatabase(config.databaseUrl);
    const names = Object.keys(migrations);
    const last = names.at(-1)!;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(names.at(-2)!)).error).toBeUndefined();
    const app = createApp({ db, config });
    const res = await call({ app }, 'GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'not_ready', checks: { database: 'ok', migrations: `pending: ${last}` } });
  });
});
