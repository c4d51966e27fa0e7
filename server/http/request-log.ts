import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';

/** A caller's request id is kept if it is an id, not a place to smuggle text into the log. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** One answered request, as logged and counted. */
export interface AnsweredRequest {
  method: string;
  /** The route pattern (`/api/bookings/:id`), never the URL: paths and query strings carry tokens and addresses. */
  route: string;
  status: number;
  seconds: number;
}

/**
 * Gives each request an id (the caller's `X-Request-Id` if sane, else a new UUID), echoes it in the response's
 * `X-Request-Id` and logs one line when the answer is ready: method, route pattern, status and duration. `observe`
 * gets the same figures (the metrics count them).
 */
export const requestLog = (log: Logger, observe?: (answer: AnsweredRequest) => void): MiddlewareHandler<AppEnv> =>
  async function requestLog(c, next) {
    const offered = c.req.header('X-Request-Id');
    const requestId = offered && SANE_REQUEST_ID.test(offered) ? offered : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    // On the answer's own headers: Hono's `c.header` on a finished answer copies it into a new one through a body
    // stream, which then goes out chunk by chunk (half the cost of a cached slots answer).
    c.res.headers.set('X-Request-Id', requestId);
    const answer = {
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      seconds: (performance.now() - started) / 1000,
    };
    log.info({ reqId: requestId, ...answer }, 'request');
    observe?.(answer);
  };
