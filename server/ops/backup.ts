import { chmodSync, closeSync, openSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/**
 * Copies the SQLite database `file` to `destination` with SQLite's online backup API, through a connection of its
 * own: the server keeps reading and writing meanwhile, and the copy is one consistent state of the database (a write
 * during the copy makes SQLite restart it). The copy holds what the database holds, customers' details included, so
 * it is made readable by its owner only, like the database.
 */
export async function backupDatabase(file: string, destination: string): Promise<{ pages: number }> {
  closeSync(openSync(destination, 'w', 0o600));
  chmodSync(destination, 0o600);
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await source.backup(destination);
    return { pages: totalPages };
  } finally {
    source.close();
  }
}
