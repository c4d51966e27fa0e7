import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { rateLimit } from '../http/rate-limit.js';
import { describe } from '../http/route-doc.js';
import { validate } from '../http/validate.js';
import { log } from '../logger.js';
import type { SendAccountLink } from './account-links.js';
import { consumeAccountToken, dropAccountTokens } from './account-tokens.repository.js';
import { emailOfBody } from './auth.routes.js';
import { emailSchema, passwordSchema } from './auth.schemas.js';
import { hashPassword } from './passwords.js';
import { clearSessionCookie } from './session-cookie.js';
import { invalidateUserSessions } from './sessions.js';
import { findUserByEmail, findUserById, updatePasswordHash } from './users.repository.js';
import { addressProven } from './verification.repository.js';
import { invalidLink, tokenBody } from './verification.routes.js';

export interface PasswordResetDeps {
  db: Db;
  now: () => Date;
  sendAccountLink: SendAccountLink;
  secureCookies: boolean;
  trustProxy: boolean;
}

const HOUR = 60 * 60 * 1000;

/**
 * `/api/auth/password-reset`: `POST /request` emails a link (single use, one hour) to the address if it has an
 * account, and answers the same either way, so nobody learns which addresses have one. `POST /` with the link's
 * token and a new password sets it, ends every session of the account, and counts as proof of the address.
 */
export function passwordResetRoutes(deps: PasswordResetDeps) {
  const { db } = deps;
  const clock = () => deps.now().getTime();
  const perClient = rateLimit({
    db: deps.db,
    windowMs: HOUR,
    limit: 20,
    key: (c) => `reset|${clientAddress(c, deps.trustProxy)}`,
    now: clock,
  });
  const perAddress = rateLimit({
    db: deps.db,
    windowMs: HOUR,
    limit: 5,
    key: async (c) => `reset-to|${await emailOfBody(c)}`,
    now: clock,
  });

  return new Hono<AppEnv>()
    .post(
      '/request',
      describe({
        summary: 'Ask for a password reset link',
        description: 'Always 202, whether or not the address has an account.',
        responses: {
          202: z.object({ sent: z.literal(true) }),
          429: { description: 'Too many emails or attempts', headers: { 'Retry-After': 'Seconds' } },
        },
      }),
      perClient,
      perAddress,
      validate('json', z.object({ email: emailSchema })),
      async (c) => {
        const user = await findUserByEmail(db, c.req.valid('json').email);
        if (user) {
          const outcome = await deps.sendAccountLink(user, { purpose: 'password_reset' });
          if (!outcome.allowed)
            log.warn(`password email for account #${user.id} not queued: its address had its hourly share of emails`);
        }
        return c.json({ sent: true }, 202);
      },
    )
    .post(
      '/',
      describe({
        summary: 'Set a new password with a reset link',
        description: 'Ends every session of the account and confirms the address.',
        responses: {
          200: z.object({ passwordReset: z.literal(true), role: z.enum(['customer', 'provider']) }),
          400: 'A bad, used or expired token (`fields.token`)',
          429: { description: 'Too many emails or attempts', headers: { 'Retry-After': 'Seconds' } },
        },
      }),
      perClient,
      validate('json', tokenBody.extend({ password: passwordSchema })),
      async (c) => {
        const { token, password } = c.req.valid('json');
        const passwordHash = await hashPassword(password);
        const now = deps.now();
        const role = await withWriteLock(db, async (trx) => {
          const link = await consumeAccountToken(trx, token, ['password_reset'], now);
          const user = link && (await findUserById(trx, link.user_id));
          if (!link || !user || user.email !== link.email) throw invalidLink();
          await updatePasswordHash(trx, user.id, passwordHash);
          await invalidateUserSessions(trx, user.id);
          await dropAccountTokens(trx, user.id);
          await addressProven(trx, user, now);
          return user.role;
        });
        if (c.get('sessionId')) clearSessionCookie(c, deps.secureCookies);
        return c.json({ passwordReset: true, role });
      },
    );
}
