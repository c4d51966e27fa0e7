import { connectDatabase, type Db } from '../../server/db/connect.js';
import { postgresTestDatabase } from './postgres-databases.js';

/**
 * Every database a test opens goes through here, so none outlives its test: `tests/support/close-databases.ts` (a
 * vitest setup file) closes what a test opened and left open once the test is over, and what a file's `beforeAll`
 * opened once the file is. A test may still close its database itself, earlier; this module imports nothing from
 * vitest, so the widget's test server (run by web-test-runner) uses it too.
 *
 * Under `npm run test:pg` (`TEST_POSTGRES_URL` set) a SQLite URL stands for a PostgreSQL database of that cluster,
 * so the same tests run on both databases.
 */
const open = new Map<Db, 'test' | 'file'>();
let scope: 'test' | 'file' = 'file';

export function openTestDatabase(url: string): Db {
  const cluster = process.env.TEST_POSTGRES_URL;
  const db = cluster && url.startsWith('sqlite:') ? postgresTestDatabase(cluster, url) : connectDatabase(url);
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    open.delete(db);
    await destroy();
  };
  open.set(db, scope);
  return db;
}

async function closeOpened(which: 'test' | 'all'): Promise<void> {
  const left = [...open].filter(([, opened]) => which === 'all' || opened === which).map(([db]) => db);
  await Promise.all(left.map((db) => db.destroy()));
}

export const testDatabaseScope = {
  /** From here on, databases opened belong to the running test. */
  enterTest(): void {
    scope = 'test';
  },
  /** Closes the databases the test opened and left open. */
  async leaveTest(): Promise<void> {
    scope = 'file';
    await closeOpened('test');
  },
  /** Closes every database still open (the file's). */
  closeAll: () => closeOpened('all'),
};
