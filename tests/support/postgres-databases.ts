import { createHash } from 'node:crypto';
import pg from 'pg';
import { connectPostgres, type Db } from '../../server/db/connect.js';
import { postgresPool } from '../../server/db/postgres.js';
import { databaseUrl } from './postgres.js';

/** The migrated database every test database is copied from (made by postgres-global-setup.ts). */
export const POSTGRES_TEMPLATE = 'app_template';

let admin: pg.Pool | undefined;
let count = 0;

/**
 * The PostgreSQL stand-in for a test's SQLite URL: `sqlite::memory:` gets a database of its own, dropped when it is
 * destroyed; a SQLite file gets one database per path, kept until the cluster stops, so a test that opens the same
 * file twice (a restart) finds its data again. Each is a copy of the migrated template, made on first use.
 */
export function postgresTestDatabase(clusterUrl: string, sqliteUrl: string): Db {
  const memory = sqliteUrl === 'sqlite::memory:';
  const name = memory
    ? `t_${process.pid}_${++count}`
    : `f_${createHash('sha256').update(sqliteUrl).digest('hex').slice(0, 24)}`;
  const db = connectPostgres(async () => postgresPool(await templateCopy(clusterUrl, name)));
  if (!memory) return db;
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await destroy();
    await dropWhenClosed(adminOf(clusterUrl), name);
  };
  return db;
}

const adminOf = (clusterUrl: string) =>
  (admin ??= new pg.Pool({ connectionString: clusterUrl, max: 2, allowExitOnIdle: true }));

/**
 * The URL of database `name` of the cluster, a copy of the migrated template made unless it exists already (a file
 * opened before). Kept until the cluster stops: for servers run as child processes, which need a URL, not a pool.
 */
export async function templateCopy(clusterUrl: string, name: string): Promise<string> {
  await adminOf(clusterUrl)
    .query(`create database "${name}" template ${POSTGRES_TEMPLATE} strategy file_copy`)
    .catch((error: { code?: string }) => {
      // 42P04: the database exists already.
      if (error.code !== '42P04') throw error;
    });
  return databaseUrl(clusterUrl, name);
}

/**
 * `pg`'s pool has resolved `end()` once it asked its connections to close, not once the server saw them go; a drop
 * `with (force)` would terminate them under their client (an uncaught error). So the drop waits for them instead.
 */
async function dropWhenClosed(cluster: pg.Pool, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await cluster.query(`drop database if exists "${name}"`);
      return;
    } catch (error) {
      // 55006: still in use by the closing connections.
      if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
