import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { describe } from '../http/route-doc.js';
import { processMetrics } from './metrics.js';
import { metricsAccess } from './metrics-access.js';
import { outboxMetrics } from './outbox-metrics.js';
import { checkReadiness, type ReadinessDeps } from './readiness.js';

const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: z.string(), migrations: z.string(), workers: z.string() }),
});

export interface OpsDeps extends ReadinessDeps {
  db: Db;
  now: () => Date;
  /** `METRICS_TOKEN`; null: `/metrics` answers loopback clients only. */
  metricsToken: string | null;
}

/** `/healthz` (the process answers), `/readyz` (it can serve: 503 with the reasons if not) and `/metrics`. */
export function opsRoutes(deps: OpsDeps) {
  return new Hono()
    .get(
      '/healthz',
      describe({ summary: 'The process answers', responses: { 200: z.object({ status: z.literal('ok') }) } }),
      (c) => c.json({ status: 'ok' }),
    )
    .get(
      '/readyz',
      describe({
        summary: 'The server can serve',
        description:
          'The database answers, migrations are applied and the expected workers run; 503 with the failing checks otherwise.',
        responses: { 200: readiness, 503: { description: 'Not ready', schema: readiness } },
      }),
      async (c) => {
        const { ready, checks } = await checkReadiness(deps);
        return c.json({ status: ready ? 'ready' : 'not_ready', checks }, ready ? 200 : 503);
      },
    )
    .get('/metrics', metricsAccess(deps.metricsToken), async (c) => {
      const text = (await processMetrics.metrics()) + (await outboxMetrics(deps.db, deps.now()));
      return c.body(text, 200, { 'Content-Type': processMetrics.contentType, 'Cache-Control': 'no-store' });
    });
}
