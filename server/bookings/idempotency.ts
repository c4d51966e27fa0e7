import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Replays kept this long; after that a key may be used again. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

const hex = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

/**
 * Keys are stored per purpose, so a booking key can never replay a reschedule's answer, and hashed: a stored answer
 * holds the booking's manage link, so it is sealed (AES-256-GCM) under a key derived from the Idempotency-Key itself,
 * which only the client has. A copy of the table yields neither keys nor usable links, as with the appointments'
 * token hashes; the client that retries with its key gets its answer back.
 */
const storageKey = (scope: string, key: string) => `${scope}:${hex(key)}`;
const cipherKey = (key: string) => Buffer.from(hkdfSync('sha256', key, 'book-your-services', 'idempotent-response', 32));

function seal(key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(key), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

function open(key: string, sealed: string): string | undefined {
  const [version, payload] = sealed.split('.');
  if (version !== 'v1' || !payload) return undefined;
  const raw = Buffer.from(payload, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', cipherKey(key), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export function requestFingerprint(body: unknown): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(body))));
}

/**
 * The answer already given to this key, or undefined for a new key. The same key with another
 * body is a client bug we refuse (422) rather than guess about.
 */
export async function replayFor(db: Db, scope: string, key: string, fingerprint: string, now: Date): Promise<StoredResponse | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('key', '=', storageKey(scope, key))
    .where('created_at', '>', new Date(now.getTime() - KEY_LIFETIME_MS).toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  const body = row.request_hash === fingerprint ? open(key, row.response_body) : undefined;
  if (body === undefined) throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
  return { status: row.status_code, body: JSON.parse(body) };
}

export async function rememberResponse(
  db: Db,
  scope: string,
  key: string,
  fingerprint: string,
  response: StoredResponse,
  now: Date,
): Promise<void> {
  const values = {
    key: storageKey(scope, key),
    request_hash: fingerprint,
    status_code: response.status,
    response_body: seal(key, JSON.stringify(response.body)),
    created_at: now.toISOString(),
  };
  await db
    .insertInto('idempotency_keys')
    .values(values)
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

/** Stored answers hold manage links: they are not kept longer than a retry can need them. */
export async function purgeExpiredKeys(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<=', new Date(now.getTime() - KEY_LIFETIME_MS).toISOString()).execute();
}
