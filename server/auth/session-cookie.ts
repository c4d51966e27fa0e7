import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const SESSION_COOKIE = 'session';

/**
 * Over https the cookie is `__Host-session`: browsers accept that name only with `Secure`, `Path=/` and no
 * `Domain`, so a sibling subdomain or a plain-http page cannot plant or overwrite it
 * (https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#name-cookie-name-prefixes).
 */
const prefixOf = (secure: boolean) => (secure ? { prefix: 'host' as const } : {});

/** The cookie's full name, as the browser sends it back. */
export const sessionCookieName = (secure: boolean): string => (secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  return secure ? getCookie(c, SESSION_COOKIE, 'host') : getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: Context, token: string, expiresAt: Date, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: expiresAt,
    ...prefixOf(secure),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', secure, path: '/', ...prefixOf(secure) });
}
