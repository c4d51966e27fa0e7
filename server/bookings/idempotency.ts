import { sha256Hex } from '../crypto/hash.js';
import { sealer } from '../crypto/seal.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Replays kept this long; after that a key may be used again. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Keys are stored per purpose, so a booking key can never replay a reschedule's answer, and hashed: a stored answer
 * holds the booking's manage link, so it is sealed (AES-256-GCM) under a key derived from the Idempotency-Key itself,
 * which only the client has. A copy of the table yields neither keys nor usable links, as with the appointments'
 * token hashes; the client that retries with its key gets its answer back.
 */
const storageKey = (scope: string, key: string) => `${scope}:${sha256Hex(key)}`;
const answerSealer = (key: string) => sealer(key, 'idempotent-response');

export function requestFingerprint(body: unknown): string {
  return sha256Hex(JSON.stringify(body));
}

/**
 * The answer already given to this key, or undefined for a new key. The same key with another
 * body is a client bug we refuse (422) rather than guess about.
 */
export async function replayFor(
  db: Db,
  scope: string,
  key: string,
  fingerprint: string,
  now: Date,
): Promise<StoredResponse | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('key', '=', storageKey(scope, key))
    .where('created_at', '>', new Date(now.getTime() - KEY_LIFETIME_MS).toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  const body = row.request_hash === fingerprint ? answerSealer(key).open(row.response_body) : undefined;
  if (body === undefined)
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
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
    response_body: answerSealer(key).seal(JSON.stringify(response.body)),
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
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<=', new Date(now.getTime() - KEY_LIFETIME_MS).toISOString())
    .execute();
}

/**
 * `write` under the write lock, once per Idempotency-Key of `scope` (without a key: every time). The same key and
 * body get the answer given first; an answer of success is kept for that, a refusal is not (a retry asks again).
 */
export async function idempotentWrite(
  db: Db,
  request: { scope: string; key: string | undefined; body: unknown; now: Date },
  write: (trx: Db) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const { scope, key, now } = request;
  const fingerprint = requestFingerprint(request.body);
  return withWriteLock(db, async (trx) => {
    if (key) {
      const replay = await replayFor(trx, scope, key, fingerprint, now);
      if (replay) return replay;
    }
    const response = await write(trx);
    if (key && response.status < 300) await rememberResponse(trx, scope, key, fingerprint, response, now);
    return response;
  });
}
