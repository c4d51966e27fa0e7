import type { ListedApiKey } from './api-keys.repository.js';

/** A key as the admin lists it (`ApiKey` in site/api/types.ts): never its hash, and the key itself only once. */
export const apiKeyView = (k: Omit<ListedApiKey, 'provider_id'>) => ({
  id: k.id,
  name: k.name,
  scope: k.scope,
  prefix: k.prefix,
  createdAt: k.created_at,
  createdBy: k.created_by_name,
  lastUsedAt: k.last_used_at,
  revokedAt: k.revoked_at,
});
