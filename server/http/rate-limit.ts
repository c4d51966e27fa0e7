import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { isPostgres } from '../db/dialect.js';
import { AppError } from '../errors.js';

export interface WindowOptions {
  /** Length of the window in milliseconds. */
  windowMs: number;
  limit: number;
  now?: () => number;
}

export interface RateLimitOptions extends WindowOptions {
  /** The bucket a request counts against; `null` lets it through uncounted. */
  key: (c: Context) => string | null | Promise<string | null>;
  /** The database: on PostgreSQL the windows are kept there, shared by every instance (see {@link windowCounter}). */
  db?: Db;
}

/** Counts hits per bucket; `size` is how many buckets it holds now. */
export type WindowCounter = ((bucket: string) => void) & { readonly size: number };

/**
 * Fixed-window counters kept in memory: enough for one server process (see {@link windowCounter}). Each call counts one hit against
 * `bucket`; over the limit it throws 429 with `Retry-After` in seconds. For limits that count only some of a
 * route's requests (the slots route counts computations, not cached answers).
 *
 * At most `maxBuckets` are kept: when full, ended windows go, and if every client is still inside its window
 * (a flood from that many addresses) the oldest tenth goes too. Memory stays bounded; a client forgotten that way
 * starts a fresh window, which a flood from that many addresses gets past anyway.
 */
export function fixedWindow(options: WindowOptions & { maxBuckets?: number }): WindowCounter {
  const { windowMs, limit, now = Date.now, maxBuckets = 50_000 } = options;
  const windows = new Map<string, { resetAt: number; count: number }>();
  const makeRoom = (t: number) => {
    for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
    if (windows.size < maxBuckets) return;
    const oldest = [...windows.keys()].slice(0, Math.ceil(maxBuckets / 10));
    for (const k of oldest) windows.delete(k);
  };
  const hit = (bucket: string) => {
    const t = now();
    let window = windows.get(bucket);
    if (!window || window.resetAt <= t) {
      if (!window && windows.size >= maxBuckets) makeRoom(t);
      // Re-inserted, so the Map's order stays oldest window first.
      windows.delete(bucket);
      window = { resetAt: t + windowMs, count: 0 };
      windows.set(bucket, window);
    }
    window.count += 1;
    if (window.count > limit) throw tooMany(window.resetAt, t);
  };
  return Object.defineProperty(hit, 'size', { get: () => windows.size }) as WindowCounter;
}

/** The refusal over a limit, with the seconds left in the window. */
const tooMany = (resetAt: number, t: number) =>
  new AppError('rate_limited', 'Too many requests, try again later', undefined, {
    'Retry-After': String(Math.ceil((resetAt - t) / 1000)),
  });

/**
 * {@link fixedWindow}'s counting in the database (`rate_limit_windows`), so that instances sharing it share the
 * limit: one upsert a hit, which starts a new window when the stored one ended. Buckets are stored hashed (with
 * the window's length, so limits of different windows never share one); ended windows are deleted once a window.
 */
export function sharedWindow(db: Db, options: WindowOptions): (bucket: string) => Promise<void> {
  const { windowMs, limit, now = Date.now } = options;
  let swept = Number.NEGATIVE_INFINITY;
  return async (bucket) => {
    const t = now();
    const at = new Date(t).toISOString();
    if (t - swept >= windowMs) {
      swept = t;
      await db.deleteFrom('rate_limit_windows').where('reset_at', '<=', at).execute();
    }
    const ended = sql<boolean>`rate_limit_windows.reset_at <= ${at}`;
    const window = await db
      .insertInto('rate_limit_windows')
      .values({
        bucket: createHash('sha256').update(`${windowMs}|${bucket}`).digest('base64url'),
        reset_at: new Date(t + windowMs).toISOString(),
        count: 1,
      })
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet({
          count: sql`case when ${ended} then 1 else rate_limit_windows.count + 1 end`,
          reset_at: sql`case when ${ended} then excluded.reset_at else rate_limit_windows.reset_at end`,
        }),
      )
      .returning(['count', 'reset_at'])
      .executeTakeFirstOrThrow();
    if (window.count > limit) throw tooMany(Date.parse(window.reset_at), t);
  };
}

/**
 * The counter a limit uses. SQLite is served by one process: memory is right there and costs no write. On
 * PostgreSQL any number of instances serve one database, and a limit (logins, bookings) must count them all.
 */
export function windowCounter(db: Db | undefined, options: WindowOptions): (bucket: string) => void | Promise<void> {
  return db && isPostgres(db) ? sharedWindow(db, options) : fixedWindow(options);
}

/** A limit as middleware: every request counts against the bucket `key` names. */
export const rateLimit = (options: RateLimitOptions): MiddlewareHandler => {
  const hit = windowCounter(options.db, options);
  return async function rateLimitMiddleware(c, next) {
    const bucket = await options.key(c);
    if (bucket !== null) await hit(bucket);
    await next();
  };
};
