// Vitest setup file: every test database is closed after its test (or, if a `beforeAll` opened it, after its file).
import { afterAll, afterEach, beforeEach } from 'vitest';
import { testDatabaseScope } from './test-databases.js';

// Setup-file hooks wrap the test file's own: before hooks run first, after hooks last, so the file's `afterEach`
// and `afterAll` can still use their database.
beforeEach(() => testDatabaseScope.enterTest());
afterEach(() => testDatabaseScope.leaveTest());
afterAll(() => testDatabaseScope.closeAll());
