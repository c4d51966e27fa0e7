import { randomBytes } from 'node:crypto';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { sha256Hex } from '../crypto/hash.js';

/** 160 random bits, base32: the shape the Lucia guide uses for session tokens. */
export function generateToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

/** What we store instead of a token: a leaked table gives no usable tokens. */
export function hashToken(token: string): string {
  return sha256Hex(token);
}

/** Compares a presented token with a stored hash without leaking timing. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = new TextEncoder().encode(hashToken(token));
  const stored = new TextEncoder().encode(storedHash);
  return presented.length === stored.length && constantTimeEqual(presented, stored);
}
