// Vitest setup file: every test database is closed after its test (or, if a `beforeAll` opened it, after its file).
import { afterAll, afterEach, beforeEach, inject } from 'vitest';
import { testDatabaseScope } from './test-databases.js';

// `npm run test:pg` provides its cluster (tests/support/postgres-global-setup.ts): test databases are made there.
const postgresUrl = inject('postgresUrl');
if (postgresUrl) process.env.TEST_POSTGRES_URL = postgresUrl;

// Setup-file hooks wrap the test file's own: before hooks run first, after hooks last, so the file's `afterEach`
// and `afterAll` can still use their database.
beforeEach(() => testDatabaseScope.enterTest());
afterEach(() => testDatabaseScope.leaveTest());
afterAll(() => testDatabaseScope.closeAll());
