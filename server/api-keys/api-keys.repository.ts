import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { ApiKeyRow, ApiKeyScope } from './api-keys.table.js';

/** A key as the list shows it: with its maker's name, without its hash. */
export type ListedApiKey = Omit<ApiKeyRow, 'key_hash'> & { created_by_name: string | null };

export async function insertApiKey(
  db: Db,
  values: {
    provider_id: number;
    name: string;
    scope: ApiKeyScope;
    prefix: string;
    key_hash: string;
    created_by: number;
  },
): Promise<ApiKeyRow> {
  return db.insertInto('api_keys').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Every key of the business, newest first, revoked ones too (their last use stays worth seeing). */
export async function listApiKeys(db: Db, providerId: number): Promise<ListedApiKey[]> {
  return db
    .selectFrom('api_keys')
    .leftJoin('team_members', 'team_members.id', 'api_keys.created_by')
    .select([
      'api_keys.id',
      'api_keys.provider_id',
      'api_keys.name',
      'api_keys.scope',
      'api_keys.prefix',
      'api_keys.created_by',
      'api_keys.created_at',
      'api_keys.last_used_at',
      'api_keys.revoked_at',
      'team_members.name as created_by_name',
    ])
    .where('api_keys.provider_id', '=', providerId)
    .orderBy('api_keys.id', 'desc')
    .execute();
}

/** The key with this public prefix, revoked or not. */
export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();
}

/**
 * Revokes a key of the business (one revoked already keeps its first revocation time); false when the business has
 * no such key.
 */
export async function revokeApiKey(db: Db, providerId: number, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: sql<string>`coalesce(revoked_at, ${at})` })
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Records a use, unless one was recorded since `staleBefore`: the condition is in the statement, so requests that
 * race each other write once between them, and a key in steady use costs one write a minute.
 */
export async function touchApiKey(db: Db, id: number, at: string, staleBefore: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleBefore)]))
    .execute();
}
