import { z } from 'zod';
import type { ListedApiKey } from './api-keys.repository.js';

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** `read`: GET only; `read_write`: the admin API as the owner's admins use it. */
  scope: z.enum(['read', 'read_write']),
  /** The key's first characters, to tell keys apart. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
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
