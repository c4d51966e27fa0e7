import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDueEmails } from '../../server/email/delivery.repository.js';
import { advance, emailWorker, flushOutbox, outbox, TEST_BACKOFF } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { freePort, startSmtp, type TestSmtp, until } from '../support/smtp.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const SLOTS = ['2026-12-02T09:00:00.000Z', '2026-12-02T10:00:00.000Z', '2026-12-02T11:00:00.000Z'];

describe('email delivery', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  const cleanup: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
    await flushOutbox(ctx);
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const smtpOn = async (port?: number) => {
    const smtp = await startSmtp(port);
    cleanup.push(() => smtp.close());
    return smtp;
  };
  const workerOn = (url: string, options: { concurrency?: number; batchSize?: number } = {}) => {
    const worker = emailWorker(ctx, { smtpUrl: url, ...options });
    cleanup.push(() => worker.stop());
    return worker;
  };
  const messageIds = (smtp: TestSmtp) => smtp.received.map((e) => e.messageId);

  it('books while SMTP refuses connections, then answers 451, and delivers all six emails exactly once when it is back', async () => {
    const port = await freePort();
    const worker = workerOn(`smtp://127.0.0.1:${port}`);
    for (const slot of SLOTS) {
      expect((await book(ctx, provider, slot)).status).toBe(201); // booking never waits for email
      await worker.runOnce();
    }
    let rows = await outbox(ctx);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.status === 'pending' && r.attempts >= 1)).toBe(true);
    expect(rows[0]!.last_error).toMatch(/ECONNECTION|ECONNREFUSED/);

    const smtp = await smtpOn(port);
    smtp.mode = 'tempfail';
    advance(ctx, TEST_BACKOFF.maxMs);
    await worker.runOnce();
    rows = await outbox(ctx);
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    expect(rows.map((r) => r.last_error)).toEqual(Array(6).fill(expect.stringContaining('451')));
    expect(smtp.received).toHaveLength(0);

    smtp.mode = 'accept';
    await worker.runOnce(); // not due yet: backoff holds
    expect(smtp.received).toHaveLength(0);
    advance(ctx, TEST_BACKOFF.maxMs);
    await worker.runOnce();
    advance(ctx, TEST_BACKOFF.maxMs);
    await worker.runOnce();

    expect(smtp.received).toHaveLength(6);
    expect(new Set(messageIds(smtp))).toEqual(new Set(rows.map((r) => r.message_id)));
    expect((await outbox(ctx)).every((r) => r.status === 'sent' && r.transport === 'smtp' && r.sent_at !== null)).toBe(
      true,
    );
  });

  it('stopped in the middle of a batch, finishes what is in flight and a restart sends only the rest', async () => {
    for (const slot of SLOTS) await book(ctx, provider, slot);
    const smtp = await smtpOn();
    let open!: () => void;
    smtp.gate = new Promise((resolve) => (open = resolve));
    const first = workerOn(smtp.url, { concurrency: 2 });

    const pass = first.runOnce();
    await until(() => smtp.waiting === 2); // two messages handed over, the server has not said 250 yet
    const stopped = first.stop();
    open();
    await Promise.all([pass, stopped]);

    expect(smtp.received).toHaveLength(2);
    const rows = await outbox(ctx);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(rows.filter((r) => r.status === 'pending' && r.attempts === 0 && r.claimed_by === null)).toHaveLength(4);

    smtp.gate = null;
    const second = workerOn(smtp.url);
    await second.runOnce();
    await second.runOnce();
    expect(smtp.received).toHaveLength(6);
    expect(new Set(messageIds(smtp)).size).toBe(6);
  });

  it('resumes the rows of a worker that died holding them once their lease runs out, sending each once', async () => {
    for (const slot of SLOTS.slice(0, 2)) await book(ctx, provider, slot);
    const claimed = await claimDueEmails(ctx.db, {
      claimId: 'crashed-worker',
      now: ctx.clock.now,
      leaseUntil: new Date(ctx.clock.now.getTime() + 5 * 60_000),
      limit: 50,
    });
    expect(claimed).toHaveLength(4);
    const smtp = await smtpOn();
    const worker = workerOn(smtp.url);
    await worker.runOnce();
    expect(smtp.received).toHaveLength(0); // still leased

    advance(ctx, 5 * 60_000);
    await worker.runOnce();
    await worker.runOnce();
    expect(smtp.received).toHaveLength(4);
    expect(new Set(messageIds(smtp)).size).toBe(4);
    expect((await outbox(ctx)).map((r) => [r.status, r.attempts])).toEqual(Array(4).fill(['sent', 2]));
  });

  it('marks a 5xx rejection failed at once, shows it to the provider, and sends it when the provider retries', async () => {
    const smtp = await smtpOn();
    smtp.mode = 'permfail';
    const worker = workerOn(smtp.url);
    const res = await book(ctx, provider, SLOTS[0]!);
    expect(res.status).toBe(201);
    await worker.runOnce();

    const log = await call(ctx, 'GET', '/api/admin/emails?status=failed', { session: provider.session });
    expect(log.status).toBe(200);
    expect(log.body.emails).toHaveLength(2); // the admin log holds appointment emails only
    expect(log.body.emails[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('550'),
    });

    const pending = (await outbox(ctx))[0]!;
    smtp.mode = 'accept';
    const again = await call(ctx, 'POST', `/api/admin/emails/${pending.id}/retry`, { session: provider.session });
    expect(again.status).toBe(200);
    expect(again.body.email).toMatchObject({ status: 'pending', attempts: 0 });
    expect(
      (await call(ctx, 'POST', `/api/admin/emails/${pending.id}/retry`, { session: provider.session })).status,
    ).toBe(409);

    await worker.runOnce();
    expect(smtp.received.map((e) => e.messageId)).toEqual([pending.message_id]);
    expect(
      (await call(ctx, 'GET', `/api/admin/emails/${pending.id}`, { session: provider.session })).body.email.status,
    ).toBe('sent');
  });

  it('gives up on a temporary failure after the last attempt', async () => {
    const smtp = await smtpOn();
    smtp.mode = 'tempfail';
    const worker = workerOn(smtp.url);
    await book(ctx, provider, SLOTS[0]!);
    for (let attempt = 1; attempt <= TEST_BACKOFF.maxAttempts + 1; attempt++) {
      await worker.runOnce();
      advance(ctx, TEST_BACKOFF.maxMs);
    }
    expect((await outbox(ctx)).map((r) => [r.status, r.attempts])).toEqual(
      Array(2).fill(['failed', TEST_BACKOFF.maxAttempts]),
    );
  });

  it('without SMTP_URL marks emails delivered to the built-in mailbox and logs one line each', async () => {
    const lines: string[] = [];
    const worker = emailWorker(ctx, { log: (line) => lines.push(line) });
    cleanup.push(() => worker.stop());
    await book(ctx, provider, SLOTS[0]!);
    await worker.runOnce();
    await worker.runOnce();
    expect((await outbox(ctx)).map((r) => [r.status, r.transport])).toEqual(Array(2).fill(['sent', 'mailbox']));
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^email #\d+ kept in the built-in mailbox/));
    expect(lines.join('\n')).not.toContain('@'); // no addresses in logs (personal data)
  });
});
