import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a verification link works. */
export const VERIFICATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const mac = (secret: string, userId: number, email: string, expiresAt: number) =>
  createHmac('sha256', secret).update(`verify-email|${userId}|${email}|${expiresAt}`).digest('base64url');

/**
 * A stateless email-verification token: `userId.expiresAt.mac`, the MAC keyed with the server secret and
 * covering the address, so the link dies with a changed address as well as with time. Nothing to store or
 * clean up; verifying twice is harmless.
 */
export function createVerificationToken(secret: string, user: { id: number; email: string }, now: Date): string {
  const expiresAt = now.getTime() + VERIFICATION_LIFETIME_MS;
  return `${user.id}.${expiresAt}.${mac(secret, user.id, user.email, expiresAt)}`;
}

/** The user id the token was made for, if it is well-formed and unexpired (the address is checked by `verify`). */
export function parseVerificationToken(token: string, now: Date): { userId: number; expiresAt: number; mac: string } | null {
  const match = /^(\d{1,15})\.(\d{13,15})\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const expiresAt = Number(match[2]);
  if (expiresAt <= now.getTime()) return null;
  return { userId: Number(match[1]), expiresAt, mac: match[3]! };
}

/** True when the token's MAC matches this user's current address. Constant time. */
export function verificationTokenMatches(secret: string, parsed: { userId: number; expiresAt: number; mac: string }, email: string): boolean {
  const expected = Buffer.from(mac(secret, parsed.userId, email, parsed.expiresAt));
  const presented = Buffer.from(parsed.mac);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}
