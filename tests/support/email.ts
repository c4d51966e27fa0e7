import { written } from '../../server/email/draft.js';
import { type EmailWorker, startEmailWorker } from '../../server/email/email.worker.js';
import { type MailTransport, mailboxTransport, smtpTransport } from '../../server/email/transport.js';
import type { TestContext } from './test-app.js';

/** Fast, deterministic retries: the test moves the clock past `maxMs` to make every row due again. */
export const TEST_BACKOFF = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 };

/**
 * The email worker on the test's database and clock. It never polls on its own (the test
 * calls `runOnce`); reminders are looked for on every pass.
 */
export function emailWorker(
  ctx: TestContext,
  options: {
    smtpUrl?: string;
    transport?: MailTransport;
    log?: (line: string) => void;
    concurrency?: number;
    batchSize?: number;
  } = {},
): EmailWorker {
  const log = options.log ?? (() => {});
  const transport =
    options.transport ??
    (options.smtpUrl
      ? smtpTransport(options.smtpUrl, { connectionTimeoutMs: 2_000, socketTimeoutMs: 5_000 })
      : mailboxTransport(log));
  return startEmailWorker({
    db: ctx.db,
    transport,
    from: 'Book your services <bookings@booking.test>',
    appUrl: ctx.config.appUrl,
    secretKey: ctx.config.secretKey,
    now: () => ctx.clock.now,
    intervalMs: 3_600_000,
    reminderIntervalMs: 0,
    policy: TEST_BACKOFF,
    random: () => 1,
    log,
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
  });
}

export const advance = (ctx: TestContext, ms: number) => {
  ctx.clock.now = new Date(ctx.clock.now.getTime() + ms);
};

/** The appointment emails in the outbox (account emails such as address verification left out), as they read. */
export async function outbox(ctx: TestContext) {
  const rows = await ctx.db
    .selectFrom('email_outbox')
    .selectAll()
    .where('appointment_id', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map(written);
}

/** Delivers whatever the set-up queued (account emails) to the built-in mailbox, so a test counts only its own. */
export async function flushOutbox(ctx: TestContext): Promise<void> {
  const worker = emailWorker(ctx);
  await worker.runOnce();
  await worker.stop();
}
