import { sql } from 'kysely';
import type { Db } from './connect.js';

/**
 * Runs `work` in a transaction that holds the database write lock from its first statement
 * (SQLite `BEGIN IMMEDIATE`), so a check-then-insert inside it cannot interleave with another
 * writer, in this process or any other.
 */
export async function withWriteLock<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
