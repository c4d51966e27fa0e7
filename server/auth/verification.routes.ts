import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv, SessionUser } from '../http/app-env.js';
import { rateLimit } from '../http/rate-limit.js';
import { describe } from '../http/route-doc.js';
import { validate } from '../http/validate.js';
import { linkRefused, type SendAccountLink } from './account-links.js';
import { consumeAccountToken, dropAccountTokens } from './account-tokens.repository.js';
import { requireUser } from './session.middleware.js';
import { setSessionCookie } from './session-cookie.js';
import { createSession, invalidateUserSessions } from './sessions.js';
import { applyRepeatedSignup, findUserById } from './users.repository.js';
import { addressProven } from './verification.repository.js';

export interface VerificationDeps {
  db: Db;
  now: () => Date;
  sendAccountLink: SendAccountLink;
  secureCookies: boolean;
}

export const tokenBody = z.object({ token: z.string().max(200) });
export const invalidLink = () =>
  new AppError('invalid_request', 'This link is invalid, used or expired', { token: 'invalid or expired' });

/**
 * `/api/auth/verify-email`: `POST /request` sends a fresh link to the signed-in user; `POST /` with the link's
 * token confirms the address (no session needed: the link may be opened on another device) and attaches the
 * guest bookings made with it to a customer's account. The same page takes the link of a repeated sign-up of an
 * unconfirmed address: the account takes the new password, its other sessions end, and this browser signs in.
 */
export function verificationRoutes(deps: VerificationDeps) {
  const { db } = deps;
  const perUser = rateLimit({
    db: deps.db,
    windowMs: 60 * 60 * 1000,
    limit: 5,
    key: (c) => `verify|${(c.get('user') as SessionUser | null)?.id}`,
    now: () => deps.now().getTime(),
  });

  return new Hono<AppEnv>()
    .post(
      '/request',
      describe({
        summary: 'Send a new confirmation link',
        auth: 'session',
        responses: {
          200: z.object({ sent: z.literal(false), emailVerified: z.literal(true) }),
          202: z.object({ sent: z.literal(true), emailVerified: z.literal(false) }),
          429: { description: 'Too many emails or attempts', headers: { 'Retry-After': 'Seconds' } },
        },
      }),
      requireUser,
      perUser,
      async (c) => {
        const user = c.get('user')!;
        if (user.emailVerified) return c.json({ sent: false, emailVerified: true });
        const outcome = await deps.sendAccountLink(user, { purpose: 'verify_email' });
        if (!outcome.allowed) throw linkRefused(outcome);
        return c.json({ sent: true, emailVerified: false }, 202);
      },
    )
    .post(
      '/',
      describe({
        summary: 'Confirm an email address',
        description:
          "With the token of the emailed link; gives a customer the bookings made as a guest with the address. A repeated sign-up's link also signs in.",
        responses: {
          200: z.object({
            emailVerified: z.literal(true),
            role: z.enum(['customer', 'provider']),
            attached: z.number().int(),
            signedIn: z.boolean(),
          }),
          400: 'A bad, used or expired token (`fields.token`)',
        },
      }),
      validate('json', tokenBody),
      async (c) => {
        const now = deps.now();
        const result = await withWriteLock(db, async (trx) => {
          const link = await consumeAccountToken(trx, c.req.valid('json').token, ['verify_email', 'signup'], now);
          const user = link && (await findUserById(trx, link.user_id));
          if (!link || !user || user.email !== link.email) throw invalidLink();
          if (link.purpose === 'signup') {
            await applyRepeatedSignup(trx, user.id, {
              passwordHash: link.password_hash!,
              name: link.name!,
              role: link.role!,
            });
            await invalidateUserSessions(trx, user.id);
            await dropAccountTokens(trx, user.id);
          }
          const claimed = (await findUserById(trx, user.id))!;
          const attached = await addressProven(trx, claimed, now);
          const session = link.purpose === 'signup' ? await createSession(trx, user.id, now) : undefined;
          return { role: claimed.role, attached, session };
        });
        if (result.session) setSessionCookie(c, result.session.token, result.session.expiresAt, deps.secureCookies);
        return c.json({
          emailVerified: true,
          role: result.role,
          attached: result.attached,
          signedIn: result.session !== undefined,
        });
      },
    );
}
