import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connect.js';
import { openTestDatabase } from './test-databases.js';

// The harness (tests/support/close-databases.ts) closes what tests leave open. The tests run in order.
describe('test databases', () => {
  let fromBeforeAll: Db;
  let fromTest: Db;
  const select = (db: Db) => sql`select 1 as one`.execute(db);

  beforeAll(() => {
    fromBeforeAll = openTestDatabase('sqlite::memory:');
  });

  it('may be left open by a test', async () => {
    fromTest = openTestDatabase('sqlite::memory:');
    expect((await select(fromTest)).rows).toEqual([{ one: 1 }]);
  });

  it('are closed once that test is over, while the file’s stay open until the file is done', async () => {
    await expect(select(fromTest)).rejects.toThrow(/destroyed/);
    expect((await select(fromBeforeAll)).rows).toEqual([{ one: 1 }]);
  });
});
