import type { Db } from '../db/connect.js';
import type { AccountTokenPurpose, AccountTokenRow, Role } from './auth.table.js';
import { generateToken, hashToken } from './tokens.js';

const HOUR = 60 * 60 * 1000;

/** How long each link works: a password link an hour, as OWASP's Forgot Password cheat sheet advises. */
export const ACCOUNT_TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * HOUR,
  signup: HOUR,
  password_reset: HOUR,
};

export interface NewAccountToken {
  userId: number;
  email: string;
  purpose: AccountTokenPurpose;
  /** A repeated sign-up's password hash, name and role, applied when its link is opened. */
  claim?: { passwordHash: string; name: string; role: Role };
}

/** Stores a new link's token by hash and returns the token, which exists nowhere else once the email is sent. */
export async function issueAccountToken(db: Db, token: NewAccountToken, now: Date): Promise<string> {
  await db
    .deleteFrom('account_tokens')
    .where('user_id', '=', token.userId)
    .where('expires_at', '<=', now.toISOString())
    .execute();
  const plain = generateToken();
  await db
    .insertInto('account_tokens')
    .values({
      token_hash: hashToken(plain),
      user_id: token.userId,
      purpose: token.purpose,
      email: token.email,
      password_hash: token.claim?.passwordHash ?? null,
      name: token.claim?.name ?? null,
      role: token.claim?.role ?? null,
      expires_at: new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_MS[token.purpose]).toISOString(),
    })
    .execute();
  return plain;
}

/** Takes a live token of one of `purposes` out of the table: a link works once. */
export async function consumeAccountToken(
  db: Db,
  token: string,
  purposes: readonly AccountTokenPurpose[],
  now: Date,
): Promise<AccountTokenRow | undefined> {
  return db
    .deleteFrom('account_tokens')
    .where('token_hash', '=', hashToken(token))
    .where('purpose', 'in', [...purposes])
    .where('expires_at', '>', now.toISOString())
    .returningAll()
    .executeTakeFirst();
}

/** Every outstanding link of an account stops working (its password changed hands). */
export async function dropAccountTokens(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
}
