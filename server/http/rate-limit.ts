import type { Context, MiddlewareHandler } from 'hono';
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
}

/** Counts hits per bucket; `size` is how many buckets it holds now. */
export type WindowCounter = ((bucket: string) => void) & { readonly size: number };

/**
 * Fixed-window counters kept in memory: enough for one server process. Each call counts one hit against
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
    if (window.count > limit) {
      const retryAfter = String(Math.ceil((window.resetAt - t) / 1000));
      throw new AppError('rate_limited', 'Too many requests, try again later', undefined, {
        'Retry-After': retryAfter,
      });
    }
  };
  return Object.defineProperty(hit, 'size', { get: () => windows.size }) as WindowCounter;
}

/** {@link fixedWindow} as middleware: every request counts against the bucket `key` names. */
export const rateLimit = (options: RateLimitOptions): MiddlewareHandler => {
  const hit = fixedWindow(options);
  return async function rateLimitMiddleware(c, next) {
    const bucket = await options.key(c);
    if (bucket !== null) hit(bucket);
    await next();
  };
};
