import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv, SessionUser } from '../http/app-env.js';
import { rateLimit } from '../http/rate-limit.js';
import { validate } from '../http/validate.js';
import { parseVerificationToken, verificationTokenMatches } from './email-verification.js';
import { requireUser } from './session.middleware.js';
import { findUserById } from './users.repository.js';
import { attachGuestBookings, markEmailVerified } from './verification.repository.js';

export interface VerificationDeps {
  db: Db;
  now: () => Date;
  secretKey: string;
  /** Queues a fresh link for the user: email's `sendVerificationEmail`, wired in app.ts (auth imports no feature). */
  sendVerificationEmail: (user: SessionUser) => Promise<void>;
}

const invalidLink = () => new AppError('invalid_request', 'This confirmation link is invalid or has expired', { token: 'invalid or expired' });

/**
 * `/api/auth/verify-email`: `POST /request` sends a fresh link to the signed-in user; `POST /` with the link's
 * token confirms the address (no session needed: the link may be opened on another device) and attaches the
 * guest bookings made with it to a customer's account.
 */
export function verificationRoutes(deps: VerificationDeps) {
  const { db } = deps;
  const perUser = rateLimit({ windowMs: 60 * 60 * 1000, limit: 5, key: (c) => `verify|${(c.get('user') as SessionUser | null)?.id}` });

  return new Hono<AppEnv>()
    .post('/request', requireUser, perUser, async (c) => {
      const user = c.get('user')!;
      if (user.emailVerified) return c.json({ sent: false, emailVerified: true });
      await deps.sendVerificationEmail(user);
      return c.json({ sent: true, emailVerified: false }, 202);
    })
    .post('/', validate('json', z.object({ token: z.string().max(200) })), async (c) => {
      const parsed = parseVerificationToken(c.req.valid('json').token, deps.now());
      if (!parsed) throw invalidLink();
      const result = await withWriteLock(db, async (trx) => {
        const user = await findUserById(trx, parsed.userId);
        if (!user || !verificationTokenMatches(deps.secretKey, parsed, user.email)) throw invalidLink();
        await markEmailVerified(trx, user.id, deps.now().toISOString());
        const attached = user.role === 'customer' ? await attachGuestBookings(trx, user.id, user.email) : 0;
        return { role: user.role, attached };
      });
      return c.json({ emailVerified: true, ...result });
    });
}
