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
  'tests/webhooks/**/*.test.ts',
  'tests/outbox/**/*.test.ts',
  'server/seed/seed-demo.test.ts',
];

/** They search the directory by text, which is SQLite's FTS5 still (docs/postgresql.md, "Not done yet"). */
const textSearch = [
  'tests/api/booking-policy.test.ts',
  'tests/api/directory-cards.test.ts',
  'tests/api/directory-listing.test.ts',
  'tests/api/malformed-input.test.ts',
  'tests/api/next-available.test.ts',
  'tests/api/public-api.test.ts',
  'tests/api/search.test.ts',
  'tests/api/site-pages.test.ts',
];

const available = postgresAvailable();
if (!available) console.warn("test:pg skipped: no PostgreSQL binaries (install Debian's postgresql, or set PG_BIN)");

// Spread, not mergeConfig: that would add these lists to the base's instead of replacing them.
export default defineConfig({
  test: {
    ...base.test,
    include: available ? suites : [],
    exclude: [...(base.test?.exclude ?? []), ...textSearch],
    passWithNoTests: true,
    globalSetup: available ? ['tests/support/postgres-global-setup.ts'] : [],
  },
});
