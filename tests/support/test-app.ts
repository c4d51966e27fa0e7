import { type AppDeps, createApp } from '../../server/app.js';
import { type Config, loadConfig } from '../../server/config.js';
import { type Db, migrateToLatest } from '../../server/db/connect.js';
import { openTestDatabase } from './test-databases.js';

export const APP_URL = 'http://booking.test';
/** A Tuesday morning in Berlin; every test that needs "now" starts here. */
export const NOW = new Date('2026-12-01T08:00:00.000Z');

export interface TestContext {
  db: Db;
  config: Config;
  app: ReturnType<typeof createApp>;
  clock: { now: Date };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:', APP_URL, SEED_DEMO: 'false' }),
    ...overrides,
  };
}

/** A migrated in-memory database and the real app on it, with a clock the test can move. */
export async function createTestContext(
  options: { config?: Partial<Config>; deps?: Partial<Omit<AppDeps, 'db' | 'config'>> } = {},
): Promise<TestContext> {
  const config = testConfig(options.config);
  const db = openTestDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const clock = { now: NOW };
  const app = createApp({ db, config, now: () => clock.now, ...options.deps });
  return { db, config, app, clock };
}
