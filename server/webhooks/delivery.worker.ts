import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { log } from '../logger.js';
import { type BackoffPolicy, parseRetryAfter, retryDelayMs } from '../outbox/backoff.js';
import { type PollingWorker, startPollingWorker } from '../outbox/polling-worker.js';
import { claimDueDeliveries, failWaitingDeliveries, settleDelivery } from './deliveries.repository.js';
import { disableFailingEndpoint, recordEndpointFailure, recordEndpointSuccess } from './endpoints.repository.js';
import { signingSecrets } from './secrets.js';
import { postWebhook } from './send.js';
import { signedHeaders } from './signature.js';
import type { WebhookDeliveryRow } from './webhooks.table.js';
import type { NotifyEndpointDisabled } from './webhooks.types.js';

/** Retries over about a day: 1 min doubling to 4 h, 12 attempts (at least half that schedule, see backoff.ts). */
export const WEBHOOK_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 4 * 60 * 60 * 1000, maxAttempts: 12 };

/** An endpoint is disabled once this many attempts in a row failed, the first of them at least a day ago. */
export const DISABLE_AFTER = { failures: 5, ms: 24 * 60 * 60 * 1000 };

export interface WebhookWorkerDeps {
  db: Db;
  secretKey: string;
  /** WEBHOOKS_ALLOW_PRIVATE: http and non-public addresses allowed (tests, your own network). */
  allowPrivate: boolean;
  notifyDisabled: NotifyEndpointDisabled;
  now?: () => Date;
  /** The whole exchange of one attempt (default 10 s). */
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  batchSize?: number;
  intervalMs?: number;
  random?: () => number;
}

interface Attempt {
  ok: boolean;
  status: number | null;
  durationMs: number;
  error: string | null;
  retryAfterMs: number | undefined;
}

/** The webhook side of the server process: due deliveries out, signed, until none is due. */
export function startWebhookWorker(deps: WebhookWorkerDeps): PollingWorker {
  const now = deps.now ?? (() => new Date());
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const backoff = deps.backoff ?? WEBHOOK_BACKOFF;
  const batchSize = deps.batchSize ?? 20;

  async function attempt(delivery: WebhookDeliveryRow, endpointUrl: string, secrets: string[]): Promise<Attempt> {
    const started = performance.now();
    const headers = signedHeaders(secrets, delivery.event_id, now(), delivery.payload);
    try {
      const answer = await postWebhook(endpointUrl, delivery.payload, headers, {
        timeoutMs,
        allowPrivate: deps.allowPrivate,
      });
      const ok = answer.status >= 200 && answer.status < 300;
      return {
        ok,
        status: answer.status,
        durationMs: Math.round(performance.now() - started),
        error: ok ? null : `HTTP ${answer.status}`,
        retryAfterMs: parseRetryAfter(answer.retryAfter, now().getTime()),
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        status: null,
        durationMs: Math.round(performance.now() - started),
        error: message,
        retryAfterMs: undefined,
      };
    }
  }

  async function deliver(delivery: WebhookDeliveryRow, claimId: string): Promise<void> {
    const endpoint = await deps.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', delivery.endpoint_id)
      .executeTakeFirstOrThrow();
    const result = await attempt(delivery, endpoint.url, signingSecrets(deps.secretKey, endpoint, now()));
    const at = now();
    const common = {
      last_status_code: result.status,
      last_duration_ms: result.durationMs,
      last_error: result.error,
      last_attempt_at: at.toISOString(),
    };
    if (result.ok) {
      await withWriteLock(deps.db, async (trx) => {
        await settleDelivery(trx, delivery.id, claimId, {
          ...common,
          status: 'delivered',
          delivered_at: at.toISOString(),
        });
        await recordEndpointSuccess(trx, endpoint.id);
      });
      return;
    }
    const givenUp = delivery.attempts >= backoff.maxAttempts;
    const retryAt = new Date(at.getTime() + retryDelayMs(backoff, delivery.attempts, result.retryAfterMs, deps.random));
    await withWriteLock(deps.db, async (trx) => {
      const settled = await settleDelivery(trx, delivery.id, claimId, {
        ...common,
        status: givenUp ? 'failed' : 'pending',
        ...(!givenUp && { next_attempt_at: retryAt.toISOString() }),
      });
      if (!settled) return;
      const failing = await recordEndpointFailure(trx, endpoint.id, at);
      if (!failing?.failing_since || failing.failure_count < DISABLE_AFTER.failures) return;
      if (at.getTime() - Date.parse(failing.failing_since) < DISABLE_AFTER.ms) return;
      if (!(await disableFailingEndpoint(trx, endpoint.id, at))) return;
      await failWaitingDeliveries(trx, endpoint.id, 'endpoint disabled after persistent failure');
      await deps.notifyDisabled(trx, {
        providerId: endpoint.provider_id,
        url: endpoint.url,
        failingSince: failing.failing_since,
      });
      log.warn({ endpoint: endpoint.id }, 'webhook endpoint disabled after persistent failure');
    });
  }

  const pass = async () => {
    for (;;) {
      const claimId = randomUUID();
      const claimed = await claimDueDeliveries(deps.db, {
        claimId,
        now: now(),
        // Longer than any attempt can take, so a live delivery is never taken twice.
        leaseUntil: new Date(now().getTime() + timeoutMs * 3),
        limit: batchSize,
      });
      await Promise.all(claimed.map((delivery) => deliver(delivery, claimId)));
      if (claimed.length < batchSize) return;
    }
  };
  return startPollingWorker('webhooks', deps.intervalMs ?? 2_000, pass);
}
