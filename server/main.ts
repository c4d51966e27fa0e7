import { serve } from '@hono/node-server';
import { createApp, waitlistOffers } from './app.js';
import { purgeExpiredKeys } from './bookings/idempotency.js';
import { createCalendarSync } from './calendar/calendar-sync.js';
import { loadConfig } from './config.js';
import { connectDatabase, migrateToLatest } from './db/connect.js';
import { startEmailWorker } from './email/email.worker.js';
import { transportFor } from './email/transport.js';
import { webhookDisabledNotifier } from './email/webhook-disabled.js';
import { log } from './logger.js';
import { runningWorkers, startPollingWorker } from './outbox/polling-worker.js';
import { retentionPass } from './privacy/privacy.service.js';
import { seedDemoData } from './seed/seed-demo.js';
import { createSlotsCache } from './slots/slots-cache.js';
import { slotsVersionsFor } from './slots/slots-versions.js';
import { startWaitlistWorker } from './waitlist/waitlist.worker.js';
import { startWebhookWorker } from './webhooks/delivery.worker.js';

/** Start-up: configuration, database, demo data, the email and calendar workers, HTTP. Stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = connectDatabase(config.databaseUrl);
  await migrateToLatest(db);
  if (config.seedDemo && (await seedDemoData(db, new Date())))
    log.info('Seeded demo data (see README.md for the demo logins).');

  const calendar = createCalendarSync({ db, config });
  const calendarWorkers = calendar.start();
  const emailWorker = startEmailWorker({
    db,
    transport: transportFor(config.smtpUrl),
    from: config.mailFrom,
    appUrl: config.appUrl,
    secretKey: config.secretKey,
  });
  // Webhooks go out signed; an endpoint failing for a day is disabled and its owner emailed (docs/webhooks.md).
  const webhookWorker = startWebhookWorker({
    db,
    secretKey: config.secretKey,
    allowPrivate: config.webhooksAllowPrivate,
    notifyDisabled: webhookDisabledNotifier({ appUrl: config.appUrl, now: () => new Date() }),
  });
  // Stored idempotent answers are only needed while a client may still retry (24 h).
  const idempotencyPurge = startPollingWorker('idempotency purge', 60 * 60 * 1000, () =>
    purgeExpiredKeys(db, new Date()),
  );
  // Contact details of old appointments are erased after RETENTION_DAYS; closed businesses go after their grace period.
  const retention = startPollingWorker('retention', 60 * 60 * 1000, async () => {
    const { erased, purged } = await retentionPass({ db, now: new Date(), retentionDays: config.retentionDays });
    if (erased || purged)
      log.info(`Retention: erased the contact details of ${erased} appointments, deleted ${purged} closed businesses.`);
  });
  void retention.runOnce();
  // Waitlist holds that ran out pass to the next in line; the slots cache is the app's, so their end shows at once.
  const slotsCache = createSlotsCache({ versions: slotsVersionsFor(db) });
  const now = () => new Date();
  const waitlistWorker = startWaitlistWorker(
    db,
    waitlistOffers({ config, now, calendarBusy: calendar.busyTimes, slotsCache }),
  );
  if (!config.smtpUrl)
    log.info('SMTP_URL is not set: emails are kept in the built-in mailbox only (see docs/email.md).');
  // Every worker just started must keep running for /readyz to say ready.
  const app = createApp({ db, config, calendar, slotsCache, workers: runningWorkers() });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info(`Book your services is listening on ${config.appUrl} (port ${info.port})`);
  });

  const shutdown = () => {
    // Sends in flight finish; the rest of the batch goes back to the outbox for the next start.
    const emailStopped = emailWorker.stop();
    const calendarStopped = calendarWorkers.stop();
    const purgeStopped = idempotencyPurge.stop();
    const retentionStopped = retention.stop();
    const webhooksStopped = webhookWorker.stop();
    const waitlistStopped = waitlistWorker.stop();
    server.close(async () => {
      await emailStopped;
      await calendarStopped;
      await purgeStopped;
      await retentionStopped;
      await webhooksStopped;
      await waitlistStopped;
      await db.destroy();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  log.fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
