import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam, textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { newKeySecret } from './api-key-secret.js';
import { insertApiKey, listApiKeys, revokeApiKey } from './api-keys.repository.js';
import { apiKeySchema, apiKeyView } from './api-keys.view.js';

const createSchema = z.object({
  name: textSchema(100).pipe(z.string().min(1, 'required')),
  scope: z.enum(['read', 'read_write']),
});

/** Who may: the owner and admins, signed in (a key never manages keys). */
const REFUSED = 'Staff, or an API key';

/**
 * `/api/admin/api-keys` (mounted behind `requireProvider`, for the owner and admins signed in): list, make and revoke
 * the business's keys. The key itself is in the answer that makes it, and nowhere else ever.
 */
export function apiKeysRoutes(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: "The business's API keys",
        description: 'Newest first, revoked ones too; never the key itself.',
        auth: 'session',
        responses: { 200: z.object({ apiKeys: z.array(apiKeySchema) }), 403: REFUSED },
      }),
      async (c) => {
        const keys = await listApiKeys(db, c.get('provider').id);
        return c.json({ apiKeys: keys.map(apiKeyView) });
      },
    )
    .post(
      '/',
      describe({
        summary: 'Make an API key',
        description: '`key` is in this answer only: it is stored as a hash and never shown again.',
        auth: 'session',
        responses: {
          201: z.object({ apiKey: apiKeySchema, key: z.string().regex(/^bys_live_[a-z2-7]{52}$/) }),
          403: REFUSED,
        },
      }),
      validate('json', createSchema),
      async (c) => {
        const input = c.req.valid('json');
        const secret = newKeySecret();
        const row = await withWriteLock(db, (trx) =>
          insertApiKey(trx, {
            provider_id: c.get('provider').id,
            name: input.name,
            scope: input.scope,
            prefix: secret.prefix,
            key_hash: secret.hash,
            created_by: c.get('member').id,
          }),
        );
        const apiKey = apiKeyView({ ...row, created_by_name: c.get('member').name });
        return c.json({ apiKey, key: secret.key }, 201);
      },
    )
    .delete(
      '/:id',
      describe({
        summary: 'Revoke an API key',
        description: 'At once: its next request is 401. Revoking it again keeps the first time.',
        auth: 'session',
        responses: { 204: 'Revoked', 403: REFUSED },
      }),
      validate('param', idParam),
      async (c) => {
        const at = now().toISOString();
        const revoked = await withWriteLock(db, (trx) =>
          revokeApiKey(trx, c.get('provider').id, c.req.valid('param').id, at),
        );
        if (!revoked) throw AppError.notFound('API key');
        return c.body(null, 204);
      },
    );
}
