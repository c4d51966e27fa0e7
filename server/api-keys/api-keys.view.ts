import { z } from 'zod';
import type { ListedApiKey } from './api-keys.repository.js';

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  scope: z.enum(['read', 'read_write']),
  /** The key's public start, `bys_live_` and 12 characters. */
  prefix: z.string(),
  createdAt: z.string(),
  /** The member who made it; null once they are gone. */
  createdBy: z.string().nullable(),
  /** To the minute. */
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** A key as the admin lists it (`ApiKey` in site/api/types.ts): never its hash, and the key itself only once. */
export const apiKeyView = (k: Omit<ListedApiKey, 'provider_id'>): z.output<typeof apiKeySchema> => ({
  id: k.id,
  name: k.name,
  scope: k.scope,
  prefix: k.prefix,
  createdAt: k.created_at,
  createdBy: k.created_by_name,
  lastUsedAt: k.last_used_at,
  revokedAt: k.revoked_at,
});
