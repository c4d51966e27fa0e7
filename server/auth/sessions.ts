import type { Db } from '../db/connect.js';
import type { SessionUser } from '../http/app-env.js';
import { generateToken, hashToken } from './tokens.js';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used in its last half is extended, so active users stay signed in (sliding expiry). */
const RENEW_WITHIN_MS = 15 * DAY;

export interface ValidatedSession {
  sessionId: string;
  user: SessionUser;
  expiresAt: Date;
  /** True when the expiry moved: the cookie must be sent again. */
  renewed: boolean;
}

export async function createSession(db: Db, userId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db
    .insertInto('sessions')
    .values({ id: hashToken(token), user_id: userId, expires_at: expiresAt.toISOString() })
    .execute();
  return { token, expiresAt };
}

export async function validateSessionToken(db: Db, token: string, now: Date): Promise<ValidatedSession | null> {
  const sessionId = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.expires_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.email_verified_at'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;

  let expiresAt = new Date(row.expires_at);
  if (expiresAt.getTime() <= now.getTime()) {
    await invalidateSession(db, sessionId);
    return null;
  }
  const renewed = expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS;
  if (renewed) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.updateTable('sessions').set({ expires_at: expiresAt.toISOString() }).where('id', '=', sessionId).execute();
  }
  const user: SessionUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
  };
  return { sessionId, user, expiresAt, renewed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
