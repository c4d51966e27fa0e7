import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { idParam, idSchema, textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { findDelivery, insertDeliveries, listDeliveries, redeliver } from './deliveries.repository.js';
import { urlProblem } from './endpoint-url.js';
import { findEndpoint, insertEndpoint, listEndpoints, updateEndpoint } from './endpoints.repository.js';
import { payloadOf, TEST_EVENT, WEBHOOK_EVENTS } from './events.js';
import { ROTATION_OVERLAP_MS, webhookSecrets } from './secrets.js';
import { newEventId, newSecret } from './signature.js';
import { deliveryView, endpointView } from './webhooks.view.js';

/** Enough for any integration; a bound so one business cannot make every booking fan out without end. */
export const MAX_ENDPOINTS = 10;

export interface WebhooksDeps {
  db: Db;
  now: () => Date;
  secretKey: string;
  allowPrivate: boolean;
}

const deliveryParam = z.object({ id: idSchema, deliveryId: idSchema });
const logQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * `/api/admin/webhooks` (mounted behind `requireProvider` and `requireManager`): a business's endpoints, their
 * secrets (shown once), test events and delivery log (docs/webhooks.md). Another business's endpoint is a 404.
 */
export function webhooksRoutes(deps: WebhooksDeps) {
  const { db, now } = deps;
  const url = z
    .string()
    .trim()
    .max(2000)
    .superRefine((value, ctx) => {
      const problem = urlProblem(value, deps.allowPrivate);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
  const events = z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'choose at least one event').max(WEBHOOK_EVENTS.length);
  const createSchema = z.object({ url, events, description: textSchema(200).optional() });
  const updateSchema = z.object({
    url: url.optional(),
    events: events.optional(),
    description: textSchema(200).optional(),
    enabled: z.boolean().optional(),
  });
  const secrets = webhookSecrets(deps.secretKey);

  const owned = async (providerId: number, id: number) => {
    const endpoint = await findEndpoint(db, providerId, id);
    if (!endpoint) throw AppError.notFound('Webhook endpoint');
    return endpoint;
  };
  const mustBeEnabled = (endpoint: { enabled: number }) => {
    if (endpoint.enabled !== 1) throw new AppError('conflict', 'The endpoint is disabled: enable it first');
  };

  return (
    new Hono<AppEnv>()
      .get('/', async (c) => {
        const rows = await listEndpoints(db, c.get('provider').id);
        return c.json({ endpoints: rows.map((row) => endpointView(row, now())), eventTypes: WEBHOOK_EVENTS });
      })
      .post('/', validate('json', createSchema), async (c) => {
        const body = c.req.valid('json');
        const providerId = c.get('provider').id;
        const secret = newSecret();
        const row = await withWriteLock(db, async (trx) => {
          if ((await listEndpoints(trx, providerId)).length >= MAX_ENDPOINTS)
            throw new AppError('unprocessable', `A business can have at most ${MAX_ENDPOINTS} webhook endpoints`);
          const events = [...new Set(body.events)];
          return insertEndpoint(
            trx,
            {
              providerId,
              url: body.url,
              description: body.description ?? '',
              events,
              secretSealed: secrets.seal(secret),
            },
            now(),
          );
        });
        return c.json({ endpoint: endpointView(row, now()), secret }, 201);
      })
      .get('/:id', validate('param', idParam), async (c) => {
        const endpoint = await owned(c.get('provider').id, c.req.valid('param').id);
        return c.json({ endpoint: endpointView(endpoint, now()) });
      })
      .patch('/:id', validate('param', idParam), validate('json', updateSchema), async (c) => {
        const body = c.req.valid('json');
        const row = await updateEndpoint(
          db,
          c.get('provider').id,
          c.req.valid('param').id,
          {
            ...(body.url !== undefined && { url: body.url }),
            ...(body.events && { events: JSON.stringify([...new Set(body.events)]) }),
            ...(body.description !== undefined && { description: body.description }),
            // Enabling starts afresh: the failures that disabled it are behind it.
            ...(body.enabled === true && { enabled: 1, failure_count: 0, failing_since: null, disabled_at: null }),
            ...(body.enabled === false && { enabled: 0 }),
          },
          now(),
        );
        if (!row) throw AppError.notFound('Webhook endpoint');
        return c.json({ endpoint: endpointView(row, now()) });
      })
      .delete('/:id', validate('param', idParam), async (c) => {
        const result = await db
          .deleteFrom('webhook_endpoints')
          .where('id', '=', c.req.valid('param').id)
          .where('provider_id', '=', c.get('provider').id)
          .executeTakeFirst();
        if (result.numDeletedRows === 0n) throw AppError.notFound('Webhook endpoint');
        return c.body(null, 204);
      })
      // The old secret keeps signing alongside the new one for a day, so receivers switch without losing a delivery.
      .post('/:id/rotate-secret', validate('param', idParam), async (c) => {
        const providerId = c.get('provider').id;
        const endpoint = await owned(providerId, c.req.valid('param').id);
        const secret = newSecret();
        const row = await updateEndpoint(
          db,
          providerId,
          endpoint.id,
          {
            secret_sealed: secrets.seal(secret),
            previous_secret_sealed: endpoint.secret_sealed,
            previous_secret_until: new Date(now().getTime() + ROTATION_OVERLAP_MS).toISOString(),
          },
          now(),
        );
        if (!row) throw AppError.notFound('Webhook endpoint');
        return c.json({ endpoint: endpointView(row, now()), secret });
      })
      .post('/:id/test', validate('param', idParam), async (c) => {
        const endpoint = await owned(c.get('provider').id, c.req.valid('param').id);
        mustBeEnabled(endpoint);
        const id = newEventId();
        const payload = payloadOf(id, TEST_EVENT, now(), { message: 'A test event from Book your services' });
        const [row] = await insertDeliveries(
          db,
          [{ endpoint_id: endpoint.id, event_id: id, event_type: TEST_EVENT, payload }],
          now(),
        );
        return c.json({ delivery: deliveryView(row!) }, 202);
      })
      .get('/:id/deliveries', validate('param', idParam), validate('query', logQuery), async (c) => {
        const endpoint = await owned(c.get('provider').id, c.req.valid('param').id);
        const rows = await listDeliveries(db, endpoint.id, c.req.valid('query').limit);
        return c.json({ deliveries: rows.map(deliveryView) });
      })
      .post('/:id/deliveries/:deliveryId/redeliver', validate('param', deliveryParam), async (c) => {
        const { id, deliveryId } = c.req.valid('param');
        const endpoint = await owned(c.get('provider').id, id);
        mustBeEnabled(endpoint);
        const row = await redeliver(db, endpoint.id, deliveryId, now());
        if (row) return c.json({ delivery: deliveryView(row) }, 202);
        if (!(await findDelivery(db, endpoint.id, deliveryId))) throw AppError.notFound('Delivery');
        throw new AppError('conflict', 'The delivery is still under way');
      })
  );
}
