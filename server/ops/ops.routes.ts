import { Hono } from 'hono';
import type { Db } from '../db/connect.js';
import { processMetrics } from './metrics.js';
import { metricsAccess } from './metrics-access.js';
import { outboxMetrics } from './outbox-metrics.js';
import { checkReadiness, type ReadinessDeps } from './readiness.js';

export interface OpsDeps extends ReadinessDeps {
  db: Db;
  now: () => Date;
  /** `METRICS_TOKEN`; null: `/metrics` answers loopback clients only. */
  metricsToken: string | null;
}

/** `/healthz` (the process answers), `/readyz` (it can serve: 503 with the reasons if not) and `/metrics`. */
export function opsRoutes(deps: OpsDeps) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      const { ready, checks } = await checkReadiness(deps);
      return c.json({ status: ready ? 'ready' : 'not_ready', checks }, ready ? 200 : 503);
    })
    .get('/metrics', metricsAccess(deps.metricsToken), async (c) => {
      const text = (await processMetrics.metrics()) + (await outboxMetrics(deps.db, deps.now()));
      return c.body(text, 200, { 'Content-Type': processMetrics.contentType, 'Cache-Control': 'no-store' });
    });
}
