import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';
import { postgresPool } from './postgres.js';
import { cachingStatements } from './statement-cache.js';

export type Db = Kysely<Database>;

/** Opens the database named by `DATABASE_URL`: `postgres://…` (or `postgresql://…`), else a SQLite file. */
export function connectDatabase(url: string): Db {
  return isPostgresUrl(url) ? connectPostgres(() => postgresPool(url)) : connectSqlite(url);
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/**
 * PostgreSQL through a `pg` pool, or a function that makes one when the first query needs it (tests create their
 * database there).
 */
export function connectPostgres(pool: pg.Pool | (() => Promise<pg.Pool>)): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens a SQLite database (`sqlite:./path.db` or `sqlite::memory:`).
 *
 * `synchronous=FULL` makes every committed booking survive a power cut, at the price of an fsync
 * per commit; group commit (`withWriteLock`) shares that fsync among the bookings of one event-loop turn.
 */
function connectSqlite(url: string): Db {
  const file = sqliteFileOf(url);
  if (file !== ':memory:') ownerOnly(file);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
}

/**
 * The database holds password hashes, sessions and customers' contact details: its file is made readable by its
 * owner only (0600) before SQLite opens it. SQLite gives the `-wal` and `-shm` files it creates the mode of the
 * database file; ones left by an earlier, laxer version are tightened too.
 */
function ownerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

function sqliteFileOf(url: string): string {
  const match = /^sqlite:(.+)$/.exec(url);
  if (!match?.[1])
    throw new Error(`DATABASE_URL must look like sqlite:./data/app.db, sqlite::memory: or postgres://…, got "${url}"`);
  return match[1];
}

/**
 * True when exactly the known migrations have run: the usual start, which then skips the Migrator (it reads the
 * whole schema to find its tables, a good part of start-up). Anything else, a new database included, goes to it.
 */
async function upToDate(db: Db): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const done = new Set(rows.map((r) => r.name));
    return done.size === Object.keys(migrations).length && Object.keys(migrations).every((name) => done.has(name));
  } catch {
    return false; // no migration table yet
  }
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<void> {
  if (await upToDate(db)) return;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
}
