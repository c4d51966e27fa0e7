import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['server/**/*.test.ts', 'tests/**/*.test.ts'],
    // tests/reliability has its own config and command (npm run test:reliability).
    exclude: ['**/node_modules/**', 'widget/**', 'site/**', 'tests/reliability/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
