import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

export interface RateLimitOptions {
  /** Length of the window in milliseconds. */
  windowMs: number;
  limit: number;
  /** The bucket a request counts against; `null` lets it through uncounted. */
  key: (c: Context) => string | null | Promise<string | null>;
  now?: () => number;
}

/**
 * Fixed-window counter kept in memory: enough for one server process. Over the limit it answers
 * 429 with `Retry-After` in seconds.
 */
export const rateLimit = (options: RateLimitOptions): MiddlewareHandler => {
  const { windowMs, limit, key, now = Date.now } = options;
  const windows = new Map<string, { resetAt: number; count: number }>();

  return async function rateLimitMiddleware(c, next) {
    const bucket = await key(c);
    if (bucket === null) return next();
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
      throw new AppError('rate_limited', 'Too many requests, try again later', undefined, { 'Retry-After': retryAfter });
    }
    await next();
  };
};
