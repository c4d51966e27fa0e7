import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { webhookDisabledNotifier } from '../../server/email/webhook-disabled.js';
import type { PollingWorker } from '../../server/outbox/polling-worker.js';
import { startWebhookWorker } from '../../server/webhooks/delivery.worker.js';
import type { Session } from './http.js';
import { call } from './http.js';
import type { TestContext } from './test-app.js';

/** Short, deterministic backoff: the test moves the clock past `maxMs` to make a retry due. */
export const WEBHOOK_TEST_BACKOFF = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 20 };

/** The webhook worker on the test's database and clock; it never polls on its own (the test calls `runOnce`). */
export function webhookWorker(ctx: TestContext, options: { timeoutMs?: number } = {}): PollingWorker {
  const now = () => ctx.clock.now;
  return startWebhookWorker({
    db: ctx.db,
    secretKey: ctx.config.secretKey,
    allowPrivate: ctx.config.webhooksAllowPrivate,
    notifyDisabled: webhookDisabledNotifier({ appUrl: ctx.config.appUrl, now }),
    now,
    intervalMs: 3_600_000,
    backoff: WEBHOOK_TEST_BACKOFF,
    random: () => 1,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
}

export async function createEndpoint(
  ctx: TestContext,
  session: Session,
  url: string,
  events: string[] = ['booking.created', 'booking.rescheduled', 'booking.cancelled'],
): Promise<{ id: number; secret: string }> {
  const res = await call(ctx, 'POST', '/api/admin/webhooks', { session, body: { url, events } });
  if (res.status !== 201) throw new Error(`endpoint failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.endpoint.id, secret: res.body.secret };
}

type Verify = (secret: string, headers: Record<string, unknown>, body: string, now?: number) => boolean;

/** The verification snippet of docs/webhooks.md, exactly as the docs print it, loaded as a module. */
export async function docsVerifier(): Promise<Verify> {
  const doc = readFileSync(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
  const match = /<!-- verification-snippet -->\n```js\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('docs/webhooks.md has no verification snippet');
  const file = join(mkdtempSync(join(tmpdir(), 'webhook-snippet-')), 'verify.mjs');
  writeFileSync(file, match[1]!);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { verifyWebhook: Verify };
  return module.verifyWebhook;
}
