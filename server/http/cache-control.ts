import type { Context, MiddlewareHandler } from 'hono';

/**
 * The public, per-user-free reads: the directory, business profiles and their slots (`/api/providers/...`).
 * Nothing there reads the session, and their answers depend on the URL alone.
 */
export const isPublicRead = (c: Context): boolean =>
  (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.path.startsWith('/api/providers');

/**
 * `Cache-Control` for the API: `publicValue` on successful public reads (see {@link isPublicRead}), so a browser
 * or a CDN in front of the product may answer repeated widget questions; `no-store` on everything else (answers
 * about a signed-in user, errors, rate limits). A handler that set its own header keeps it, and an answer that
 * sets a cookie is never shared.
 */
export const cacheControl = (publicValue: string): MiddlewareHandler =>
  async function cacheControlMiddleware(c, next) {
    await next();
    const headers = c.res.headers;
    if (headers.has('Cache-Control')) return;
    const status = c.res.status;
    const shareable = (status === 200 || status === 304) && isPublicRead(c) && !headers.has('Set-Cookie');
    headers.set('Cache-Control', shareable ? publicValue : 'no-store');
  };
