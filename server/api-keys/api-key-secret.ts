import { randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { hashToken } from '../auth/tokens.js';

const LIVE = 'bys_live_';
/** How many characters of the random part are public: 60 bits, so two keys never share a prefix in practice. */
const PREFIX_CHARS = 12;
/** `bys_live_` and 32 random bytes in lowercase base32 (52 characters). */
const KEY_SHAPE = /^bys_live_[a-z2-7]{52}$/;

export interface NewKeySecret {
  /** The whole key: shown once, never stored. */
  key: string;
  prefix: string;
  hash: string;
}

/**
 * A new key: 256 random bits, so a plain SHA-256 is the right way to store it (a slow password hash protects guessable
 * secrets; nobody guesses 256 bits). The `bys_live_` start lets secret scanners and people recognise it.
 */
export function newKeySecret(): NewKeySecret {
  const key = `${LIVE}${encodeBase32LowerCaseNoPadding(randomBytes(32))}`;
  return { key, prefix: prefixOf(key), hash: hashToken(key) };
}

/** The public prefix of something shaped like a key, or null: anything else is not worth a database lookup. */
export function keyPrefix(presented: string): string | null {
  return KEY_SHAPE.test(presented) ? prefixOf(presented) : null;
}

const prefixOf = (key: string) => key.slice(0, LIVE.length + PREFIX_CHARS);
