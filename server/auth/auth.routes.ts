import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../errors.js';
import type { AppEnv, SessionUser } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { rateLimit } from '../http/rate-limit.js';
import { describe } from '../http/route-doc.js';
import { validate } from '../http/validate.js';
import { linkRefused, type SendAccountLink, sendVerificationEmail } from './account-links.js';
import { changePasswordSchema, loginSchema, sessionUserSchema, signupSchema } from './auth.schemas.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { requireUser } from './session.middleware.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { createSession, invalidateSession, invalidateUserSessions } from './sessions.js';
import { findUserByEmail, findUserById, insertUser, updatePasswordHash } from './users.repository.js';

const HOUR = 60 * 60 * 1000;

export interface AuthDeps {
  db: Db;
  now: () => Date;
  sendAccountLink: SendAccountLink;
  secureCookies: boolean;
  trustProxy: boolean;
  loginRateLimit: number;
  /** Sign-ups per hour per client address. */
  signupRateLimit: number;
}

// A hash of a random password: verifying against it makes unknown emails as slow as known ones.
const timingDecoy = hashPassword('timing-decoy-password');

export function authRoutes(deps: AuthDeps) {
  const { db, now, secureCookies } = deps;

  const clock = () => now().getTime();
  const loginLimit = rateLimit({
    db: deps.db,
    windowMs: 15 * 60 * 1000,
    limit: deps.loginRateLimit,
    key: async (c) => `${await emailOfBody(c)}|${clientAddress(c, deps.trustProxy)}`,
  });
  const signupLimit = rateLimit({
    db: deps.db,
    windowMs: HOUR,
    limit: deps.signupRateLimit,
    key: (c) => `signup|${clientAddress(c, deps.trustProxy)}`,
    now: clock,
  });

  const startSession = async (c: Parameters<typeof setSessionCookie>[0], userId: number) => {
    const { token, expiresAt } = await createSession(db, userId, now());
    setSessionCookie(c, token, expiresAt, secureCookies);
  };

  return new Hono<AppEnv>()
    .post(
      '/signup',
      describe({
        summary: 'Sign up',
        description:
          'A new address gets an account and a session; an address whose account was never confirmed gets a link by email instead (202, no session).',
        responses: {
          201: z.object({ user: sessionUserSchema }),
          202: z.object({ confirmationSent: z.literal(true) }),
          409: 'A confirmed account has this address (`email_taken`)',
          429: { description: 'Too many attempts', headers: { 'Retry-After': 'Seconds' } },
        },
      }),
      signupLimit,
      validate('json', signupSchema),
      async (c) => {
        const input = c.req.valid('json');
        const existing = await findUserByEmail(db, input.email);
        if (existing?.email_verified_at) throw new AppError('email_taken', 'An account with this email exists');
        const passwordHash = await hashPassword(input.password);
        if (existing) {
          // Nobody ever proved this address, so whoever holds the account may not own it: the address's owner gets a
          // link that gives them the account with this password. Until it is opened nothing changes, and no session.
          const claim = { passwordHash, name: input.name, role: input.role };
          const outcome = await deps.sendAccountLink(existing, { purpose: 'signup', claim });
          if (!outcome.allowed) throw linkRefused(outcome);
          return c.json({ confirmationSent: true }, 202);
        }
        const id = await insertUser(db, { ...input, passwordHash }).catch((error: unknown) => {
          // Two signups racing for one email: the unique index decides.
          if (isUniqueViolation(error, 'users')) throw new AppError('email_taken', 'An account with this email exists');
          throw error;
        });
        const user: SessionUser = { id, email: input.email, name: input.name, role: input.role, emailVerified: false };
        await startSession(c, id);
        await sendVerificationEmail(deps.sendAccountLink, user);
        return c.json({ user }, 201);
      },
    )
    .post(
      '/login',
      describe({
        summary: 'Sign in',
        description: 'Sets a new session cookie.',
        responses: {
          200: z.object({ user: sessionUserSchema }),
          401: 'Wrong email or password',
          429: { description: 'Too many attempts', headers: { 'Retry-After': 'Seconds' } },
        },
      }),
      loginLimit,
      validate('json', loginSchema),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const user = await findUserByEmail(db, email);
        const ok = await verifyPassword(user?.password_hash ?? (await timingDecoy), password);
        if (!user || !ok) throw new AppError('unauthenticated', 'Wrong email or password');
        // A fresh session on every login: a session id planted before login is worthless after it.
        const previous = c.get('sessionId');
        if (previous) await invalidateSession(db, previous);
        await startSession(c, user.id);
        return c.json({ user: toSessionUser(user) });
      },
    )
    .post(
      '/logout',
      describe({ summary: 'Sign out', responses: { 204: 'The session is ended server-side' } }),
      async (c) => {
        const sessionId = c.get('sessionId');
        if (sessionId) await invalidateSession(db, sessionId);
        clearSessionCookie(c, secureCookies);
        return c.body(null, 204);
      },
    )
    .post(
      '/password',
      describe({
        summary: 'Change the password',
        description: 'Signs out every other session.',
        auth: 'session',
        responses: { 204: 'Changed', 401: 'Wrong current password' },
      }),
      requireUser,
      validate('json', changePasswordSchema),
      async (c) => {
        const { currentPassword, newPassword } = c.req.valid('json');
        const user = await findUserById(db, c.get('user')!.id);
        if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
          throw new AppError('unauthenticated', 'Wrong current password');
        }
        await updatePasswordHash(db, user.id, await hashPassword(newPassword));
        await invalidateUserSessions(db, user.id);
        await startSession(c, user.id);
        return c.body(null, 204);
      },
    );
}

/** The `email` of a JSON body, normalised, for rate-limit keys ('' when there is none). */
export async function emailOfBody(c: Context): Promise<string> {
  const body = (await c.req.json().catch(() => null)) as { email?: unknown } | null;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
}

function toSessionUser(row: {
  id: number;
  email: string;
  name: string;
  role: SessionUser['role'];
  email_verified_at: string | null;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
  };
}
