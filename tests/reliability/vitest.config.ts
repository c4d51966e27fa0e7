import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: crash safety, faults, fuzzing, the authorization matrix and security checks. Files
 * run one after another: several start servers and browsers of their own, and the machine has two cores.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/reliability/**/*.test.ts'],
    globalSetup: ['tests/reliability/support/global-setup.ts'],
    setupFiles: ['tests/support/close-databases.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
