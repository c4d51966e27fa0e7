import { Migrator, sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { migrations } from '../db/migrations/index.js';

export interface ReadinessDeps {
  db: Db;
  /** The workers this process must run (`server/main.ts` names those it started); none for an app under test. */
  workers: readonly string[];
  /** The workers running now (`runningWorkers` of `server/outbox/polling-worker.ts`). */
  runningWorkers: () => readonly string[];
}

export interface Readiness {
  ready: boolean;
  /** One entry a check: `ok`, or what is wrong. */
  checks: { database: string; migrations: string; workers: string };
}

/**
 * Whether this instance should get traffic: its database answers, its schema is the one this code expects (no
 * migration pending), and its outbox workers are running. Reasons name no path or address, only what to look at.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  let database = 'ok';
  let pending = 'not checked: no database';
  try {
    await sql`select 1`.execute(deps.db);
    pending = await pendingMigrations(deps.db);
  } catch {
    database = 'unreachable';
  }
  const running = deps.runningWorkers();
  const stopped = deps.workers.filter((name) => !running.includes(name));
  const checks = {
    database,
    migrations: pending,
    workers: stopped.length ? `not running: ${stopped.join(', ')}` : 'ok',
  };
  return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
}

/** Compares the migrations the database has applied with those this code registers. */
async function pendingMigrations(db: Db): Promise<string> {
  const known = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).getMigrations();
  const pending = known.filter((migration) => migration.executedAt === undefined).map((m) => m.name);
  return pending.length ? `pending: ${pending.join(', ')}` : 'ok';
}
