import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['server/**/*.test.ts', 'tests/**/*.test.ts'],
    // tests/reliability has its own config and command (npm run test:reliability).
    exclude: ['**/node_modules/**', 'widget/**', 'site/**', 'tests/reliability/**'],
    // Timeouts catch a hang, never a slow machine: under `npm run test:stress` a test takes many times its idle time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['tests/support/close-databases.ts'],
  },
});
