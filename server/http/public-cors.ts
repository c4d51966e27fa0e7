import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for the public, cookie-less API: any origin, no credentials. Preflights go to Hono's `cors`. On other
 * requests the one header is set after the handler, on its response: Hono's `cors` sets it on `c.res` before the
 * handler, and a response that exists before the handler's makes Hono copy the handler's into a new one by its
 * body stream, which @hono/node-server then writes chunk by chunk (a third of a cached slots answer).
 */
export const publicCors = (options: { allowHeaders: string[]; maxAge: number }): MiddlewareHandler => {
  const preflight = cors({ origin: '*', ...options });
  return async function publicCorsMiddleware(c, next) {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
  };
};
