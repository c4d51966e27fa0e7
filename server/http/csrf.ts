import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages: the browser's `Origin` has to be APP_URL's
 * origin (or, without `Origin`, `Sec-Fetch-Site` has to say same-origin). Requests without the session cookie carry no
 * ambient authority, so the public API (the widget's cross-origin calls) passes untouched.
 * `exempt` names requests the cookie does not authenticate (an API key's: a browser never adds that header by itself).
 * See https://owasp.org/www-community/attacks/csrf and the Lucia guide's "Cross-site request forgery".
 */
export const csrfProtection = (options: {
  cookieName: string;
  appOrigin: string;
  exempt?: (c: Context) => boolean;
}): MiddlewareHandler =>
  async function csrfMiddleware(c, next) {
    if (SAFE_METHODS.has(c.req.method) || !getCookie(c, options.cookieName) || options.exempt?.(c)) return next();
    const origin = c.req.header('origin');
    // APP_URL alone says what our origin is: the request's own URL is built from its Host header, which
    // whoever sends the request chooses (a rebound DNS name, another virtual host in front of the same port).
    const trusted = origin ? origin === options.appOrigin : c.req.header('sec-fetch-site') === 'same-origin';
    if (!trusted) throw new AppError('csrf_failed', 'Cross-site request refused');
    await next();
  };
