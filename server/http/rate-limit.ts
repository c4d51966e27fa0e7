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

/**
 * Fixed-window counters kept in memory: enough for one server process. Each call counts one hit against
 * `bucket`; over the limit it throws 429 with `Retry-After` in seconds. For limits that count only some of a
 * route's requests (the slots route counts computations, not cached answers).
 */
export function fixedWindow(options: WindowOptions): (bucket: string) => void {
  const { windowMs, limit, now = Date.now } = options;
  const windows = new Map<string, { resetAt: number; count: number }>();
  return function hit(bucket) {
    const t = now();
    if (windows.size > 50_000) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
    let window = windows.get(bucket);
    if (!window || window.resetAt <= t) {
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
