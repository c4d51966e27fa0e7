import { defineConfig } from 'vitest/config';
import { postgresAvailable } from './support/postgres.js';
import base from './vitest.config.js';

/**
 * `npm run test:pg`: the database-facing suites again, on a throw-away PostgreSQL cluster (tests/support/postgres.ts)
 * instead of SQLite. The list grows as suites are made to pass; docs/postgresql.md says what is left.
 */
const suites = [
  'tests/postgres/**/*.test.ts',
  'tests/api/**/*.test.ts',
  'tests/email/**/*.test.ts',
  'tests/calendar/**/*.test.ts',
  'tests/outbox/**/*.test.ts',
  'tests/multi-instance/**/*.test.ts',
  'tests/webhooks/**/*.test.ts',
  'server/seed/seed-demo.test.ts',
];

const available = postgresAvailable();
// CI sets REQUIRE_POSTGRES: there, a machine without the binaries is a failure, not a skip.
if (!available && process.env.REQUIRE_POSTGRES)
  throw new Error("test:pg: no PostgreSQL binaries (Debian's postgresql, or PG_BIN)");
if (!available) console.warn("test:pg skipped: no PostgreSQL binaries (install Debian's postgresql, or set PG_BIN)");

// Spread, not mergeConfig: that would add these lists to the base's instead of replacing them.
export default defineConfig({
  test: {
    ...base.test,
    include: available ? suites : [],
    passWithNoTests: true,
    globalSetup: available ? ['tests/support/postgres-global-setup.ts'] : [],
  },
});
