import { startPollingWorker } from '../outbox/polling-worker.js';
import { createEmailDelivery, type EmailDeliveryOptions } from './delivery.worker.js';
import { enqueueDueReminders } from './reminders.job.js';

export interface EmailWorkerOptions extends EmailDeliveryOptions {
  appUrl: string;
  /** How often the outbox is polled. */
  intervalMs?: number;
  /** How often due reminders are looked for (they are due to the minute, not the second). */
  reminderIntervalMs?: number;
}

export interface EmailWorker {
  /** One pass now: queue due reminders, then send until nothing is due. */
  runOnce(): Promise<void>;
  /** No new sends; waits for those in flight, hands back the rest of the batch, closes the transport. */
  stop(): Promise<void>;
}

/** The email side of the server process: reminders in, emails out. */
export function startEmailWorker(options: EmailWorkerOptions): EmailWorker {
  const clock = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 50;
  const delivery = createEmailDelivery({ ...options, batchSize });
  let stopping = false;
  let lastReminderScan = Number.NEGATIVE_INFINITY;

  const pass = async () => {
    const now = clock();
    if (now.getTime() - lastReminderScan >= (options.reminderIntervalMs ?? 60_000)) {
      lastReminderScan = now.getTime();
      await enqueueDueReminders({ db: options.db, appUrl: options.appUrl, now });
    }
    while (!stopping) {
      const report = await delivery.deliverDue();
      if (report.claimed < batchSize) break;
    }
  };
  const polling = startPollingWorker('email', options.intervalMs ?? 2_000, pass);

  return {
    runOnce: polling.runOnce,
    async stop() {
      stopping = true;
      delivery.halt();
      await polling.stop();
      options.transport.close();
    },
  };
}
