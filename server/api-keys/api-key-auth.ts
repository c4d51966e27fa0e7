import type { MiddlewareHandler } from 'hono';
import { tokenMatches } from '../auth/tokens.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { windowCounter } from '../http/rate-limit.js';
import { keyPrefix } from './api-key-secret.js';
import { findApiKeyByPrefix, touchApiKey } from './api-keys.repository.js';

/** A key's `last_used_at` is rewritten when it is older than this: a minute's precision, one write a minute. */
export const LAST_USED_PRECISION_MS = 60_000;
const READ_METHODS = new Set(['GET', 'HEAD']);
const BEARER = /^Bearer +(\S+)$/i;

export interface ApiKeyAuthOptions {
  db: Db;
  now: () => Date;
  /** Requests per minute per key. */
  rateLimit: number;
}

// RFC 6750 §3: a refused bearer token is answered with a challenge saying why.
const invalidKey = () =>
  new AppError('unauthenticated', 'Unknown or revoked API key', undefined, {
    'WWW-Authenticate': 'Bearer realm="admin", error="invalid_token"',
  });
const readOnly = () =>
  new AppError('insufficient_scope', 'This API key may only read: make a read_write key to change things', undefined, {
    'WWW-Authenticate': 'Bearer realm="admin", error="insufficient_scope", scope="read_write"',
  });

/**
 * `Authorization: Bearer <key>` on the admin API: the request acts for the key's business (`c.var.apiKey`; see
 * `requireProvider` for the role it acts as) and any session cookie it also carries is ignored, so the key alone
 * decides what it may do. A header that names no live key is 401, never a fall-back to the cookie. Each key has its
 * own rate limit; a `read` key may only GET and HEAD.
 */
export const apiKeyAuth = (options: ApiKeyAuthOptions): MiddlewareHandler<AppEnv> => {
  // Shared by every instance on PostgreSQL, like the other limits (server/http/rate-limit.ts).
  const hit = windowCounter(options.db, {
    windowMs: 60_000,
    limit: options.rateLimit,
    now: () => options.now().getTime(),
  });
  return async function apiKeyAuthMiddleware(c, next) {
    const header = c.req.header('authorization');
    if (header === undefined) return next();
    const presented = BEARER.exec(header.trim())?.[1] ?? '';
    const prefix = keyPrefix(presented);
    const key = prefix === null ? undefined : await findApiKeyByPrefix(options.db, prefix);
    if (!key || key.revoked_at !== null || !tokenMatches(presented, key.key_hash)) throw invalidKey();
    await hit(`api-key|${key.id}`);
    // Used, even if refused below: the list shows the integration is alive (and is trying what it may not).
    const now = options.now();
    if (key.last_used_at === null || Date.parse(key.last_used_at) <= now.getTime() - LAST_USED_PRECISION_MS) {
      const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS).toISOString();
      await touchApiKey(options.db, key.id, now.toISOString(), staleBefore);
    }
    if (key.scope === 'read' && !READ_METHODS.has(c.req.method)) throw readOnly();
    c.set('apiKey', key);
    c.set('user', null);
    c.set('sessionId', null);
    await next();
  };
};
