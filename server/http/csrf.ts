import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages: the browser's `Origin` (or, failing
 * that, `Sec-Fetch-Site`) has to name this site. Requests without the session cookie carry no
 * ambient authority, so the public API (the widget's cross-origin calls) passes untouched.
 * See https://owasp.org/www-community/attacks/csrf and the Lucia guide's "Cross-site request forgery".
 */
export const csrfProtection = (options: { cookieName: string; appOrigin: string }): MiddlewareHandler =>
  async function csrfMiddleware(c, next) {
    if (SAFE_METHODS.has(c.req.method) || !getCookie(c, options.cookieName)) return next();
    const origin = c.req.header('origin');
    const trusted = origin
      ? origin === options.appOrigin || origin === new URL(c.req.url).origin
      : c.req.header('sec-fetch-site') === 'same-origin';
    if (!trusted) throw new AppError('csrf_failed', 'Cross-site request refused');
    await next();
  };
