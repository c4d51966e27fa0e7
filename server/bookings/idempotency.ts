import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Replays kept this long; after that a key may be used again. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Keys are stored per purpose, so a booking key can never replay a reschedule's answer. */
const storageKey = (scope: string, key: string) => `${scope}:${key}`;

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
  if (row.request_hash !== fingerprint) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
  }
  return { status: row.status_code, body: JSON.parse(row.response_body) };
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
    response_body: JSON.stringify(response.body),
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
