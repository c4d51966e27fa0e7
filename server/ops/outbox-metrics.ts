import { Gauge, Registry } from 'prom-client';
import type { SyncJobStatus } from '../calendar/calendar.table.js';
import type { Db } from '../db/connect.js';
import type { OutboxStatus } from '../email/email.table.js';
import type { WebhookDeliveryStatus } from '../webhooks/webhooks.table.js';

type Status = OutboxStatus | SyncJobStatus | WebhookDeliveryStatus;

/** One outbox table and the statuses its rows have while waiting, being worked on, and after giving up. */
interface Queue {
  name: string;
  table: 'email_outbox' | 'sync_jobs' | 'webhook_deliveries';
  waiting: Status[];
  failed: Status;
}

/** Every outbox (reminders are rows of the email outbox, `kind = 'reminder'`). */
const QUEUES: Queue[] = [
  { name: 'email', table: 'email_outbox', waiting: ['pending', 'sending'], failed: 'failed' },
  { name: 'calendar', table: 'sync_jobs', waiting: ['pending', 'running'], failed: 'failed' },
  { name: 'webhooks', table: 'webhook_deliveries', waiting: ['pending', 'sending'], failed: 'failed' },
];

interface QueueFigures {
  depth: number;
  oldestAgeSeconds: number;
  failed: number;
}

async function figuresOf(db: Db, queue: Queue, now: Date): Promise<QueueFigures> {
  const row = await db
    .selectFrom(queue.table)
    .select(({ fn, eb }) => [
      fn.countAll<number>().filterWhere('status', 'in', queue.waiting).as('depth'),
      fn
        .min<string | null>(eb.case().when('status', 'in', queue.waiting).then(eb.ref('created_at')).end())
        .as('oldest'),
      fn.countAll<number>().filterWhere('status', '=', queue.failed).as('failed'),
    ])
    .executeTakeFirstOrThrow();
  const oldest = row.oldest ? Date.parse(row.oldest) : now.getTime();
  return {
    depth: Number(row.depth),
    oldestAgeSeconds: Math.max(0, (now.getTime() - oldest) / 1000),
    failed: Number(row.failed),
  };
}

/**
 * The outbox queues as the database has them now, read at each scrape: every instance on one database reports the
 * same figures (take `max`, not `sum`, across instances).
 */
export async function outboxMetrics(db: Db, now: Date): Promise<string> {
  const registry = new Registry();
  const labelNames = ['queue'] as const;
  const registers = [registry];
  const depth = new Gauge({ name: 'outbox_depth', help: 'Jobs waiting or in progress', labelNames, registers });
  const age = new Gauge({
    name: 'outbox_oldest_age_seconds',
    help: 'Age of the oldest job waiting or in progress (0 when none)',
    labelNames,
    registers,
  });
  const failed = new Gauge({ name: 'outbox_failed_jobs', help: 'Jobs given up on', labelNames, registers });
  for (const queue of QUEUES) {
    const figures = await figuresOf(db, queue, now);
    depth.set({ queue: queue.name }, figures.depth);
    age.set({ queue: queue.name }, figures.oldestAgeSeconds);
    failed.set({ queue: queue.name }, figures.failed);
  }
  return registry.metrics();
}
