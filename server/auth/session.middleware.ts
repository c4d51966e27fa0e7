import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.js';
import { validateSessionToken } from './sessions.js';

/** Resolves the session cookie (if any) to `c.var.user`; a dead cookie is cleared. */
export const loadSession = (options: { db: Db; now: () => Date; secureCookies: boolean }): MiddlewareHandler<AppEnv> =>
  async function loadSessionMiddleware(c, next) {
    c.set('user', null);
    c.set('sessionId', null);
    const token = readSessionCookie(c, options.secureCookies);
    if (token) {
      const session = await validateSessionToken(options.db, token, options.now());
      if (session) {
        c.set('user', session.user);
        c.set('sessionId', session.sessionId);
        if (session.renewed) setSessionCookie(c, token, session.expiresAt, options.secureCookies);
      } else {
        clearSessionCookie(c, options.secureCookies);
      }
    }
    await next();
  };

export const requireUser: MiddlewareHandler<AppEnv> = async function requireUserMiddleware(c, next) {
  if (!c.get('user')) throw new AppError('unauthenticated', 'Sign in first');
  await next();
};
