import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { connectDatabase, migrateToLatest } from '../../server/db/connect.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('files at rest', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the database, its -wal and -shm files and secret.key readable by the owner only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'at-rest-'));
    const url = `sqlite:${join(dir, 'data', 'app.db')}`;
    const config = loadConfig({ DATABASE_URL: url });
    const db = connectDatabase(url);
    try {
      await migrateToLatest(db);
      await sql`select count(*) from users`.execute(db); // the -shm file exists once a reader has looked
      for (const name of ['app.db', 'app.db-wal', 'app.db-shm', 'secret.key'])
        expect(modeOf(join(dir, 'data', name)), name).toBe(0o600);
      expect(config.secretKey).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await db.destroy();
    }
  });

  it('tightens a database file left world-readable by an earlier version', async () => {
    dir = mkdtempSync(join(tmpdir(), 'at-rest-'));
    const file = join(dir, 'old.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const db = connectDatabase(`sqlite:${file}`);
    await db.destroy();
    expect(modeOf(file)).toBe(0o600);
  });
});
