import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxMetrics } from '../../server/ops/outbox-metrics.js';
import type { PollingWorker } from '../../server/outbox/polling-worker.js';
import { DISABLE_AFTER } from '../../server/webhooks/delivery.worker.js';
import { advance, emailWorker, flushOutbox } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { startSmtp, until } from '../support/smtp.js';
import { createTestContext, type TestContext } from '../support/test-app.js';
import { closedPort, startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { createEndpoint, docsVerifier, WEBHOOK_TEST_BACKOFF, webhookWorker } from '../support/webhooks.js';

const SLOT = '2026-12-02T09:00:00.000Z';
const LATER = '2026-12-08T10:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;

describe('webhook delivery to a real receiver', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let verify: Awaited<ReturnType<typeof docsVerifier>>;
  const cleanup: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    verify = await docsVerifier();
  });
  beforeEach(async () => {
    ctx = await createTestContext({ config: { webhooksAllowPrivate: true } });
    provider = await createProvider(ctx);
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const receiver = async (port?: number) => {
    const r = await startReceiver(port);
    cleanup.push(() => r.close());
    return r;
  };
  const worker = (options: { timeoutMs?: number } = {}): PollingWorker => {
    const w = webhookWorker(ctx, options);
    cleanup.push(() => w.stop());
    return w;
  };
  const deliveries = async (endpointId: number) =>
    (await call(ctx, 'GET', `/api/admin/webhooks/${endpointId}/deliveries`, { session: provider.session })).body
      .deliveries;
  const verifies = (secret: string, r: WebhookReceiver, i: number) =>
    verify(secret, r.received[i]!.headers, r.received[i]!.body, ctx.clock.now.getTime());

  it('POSTs a booking signed as the docs say, with the appointment as the admin API shows it', async () => {
    const r = await receiver();
    const endpoint = await createEndpoint(ctx, provider.session, r.url);
    const booked = await book(ctx, provider, SLOT);
    expect(booked.status).toBe(201);
    await worker().runOnce();

    expect(r.received).toHaveLength(1);
    const { headers, body } = r.received[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifies(endpoint.secret, r, 0)).toBe(true);
    // Tampered, replayed long after, or under another secret: refused.
    expect(verify(endpoint.secret, headers, body.replace('booking', 'bookinG'), ctx.clock.now.getTime())).toBe(false);
    expect(verify(endpoint.secret, headers, body, ctx.clock.now.getTime() + 10 * 60_000)).toBe(false);
    expect(verify('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', headers, body, ctx.clock.now.getTime())).toBe(false);

    const payload = JSON.parse(body);
    expect(payload).toMatchObject({ id: headers['webhook-id'], type: 'booking.created', data: { actor: 'customer' } });
    const admin = await call(ctx, 'GET', `/api/admin/appointments/${booked.body.booking.id}`, {
      session: provider.session,
    });
    expect(payload.data.appointment).toEqual(admin.body.appointment);
    expect(payload.data.appointment.customer.email).toBe('chris@example.com');

    const [logged] = await deliveries(endpoint.id);
    expect(logged).toMatchObject({
      status: 'delivered',
      statusCode: 200,
      attempts: 1,
      error: null,
      nextAttemptAt: null,
    });
  });

  it('retries while the receiver is down and delivers exactly once when it is back', async () => {
    const port = await closedPort();
    const endpoint = await createEndpoint(ctx, provider.session, `http://127.0.0.1:${port}/hooks`);
    const w = worker();
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
    await w.runOnce();
    let [logged] = await deliveries(endpoint.id);
    expect(logged).toMatchObject({ status: 'pending', attempts: 1, statusCode: null });
    expect(logged.error).toMatch(/ECONNREFUSED/);
    expect(Date.parse(logged.nextAttemptAt)).toBeGreaterThan(ctx.clock.now.getTime());

    expect(await outboxMetrics(ctx.db, ctx.clock.now)).toContain('outbox_depth{queue="webhooks"} 1');

    const r = await receiver(port);
    await w.runOnce(); // not due yet: the backoff holds it
    expect(r.received).toHaveLength(0);
    advance(ctx, WEBHOOK_TEST_BACKOFF.maxMs);
    await w.runOnce();
    advance(ctx, WEBHOOK_TEST_BACKOFF.maxMs);
    await w.runOnce();
    expect(r.received).toHaveLength(1);
    expect(verifies(endpoint.secret, r, 0)).toBe(true);
    [logged] = await deliveries(endpoint.id);
    expect(logged).toMatchObject({ status: 'delivered', attempts: 2, statusCode: 200 });
    expect(await outboxMetrics(ctx.db, ctx.clock.now)).toContain('outbox_depth{queue="webhooks"} 0');
  });

  it('gives up on a slow answer after the timeout and retries under the same Webhook-Id', async () => {
    const r = await receiver();
    r.mode = 'hang';
    const endpoint = await createEndpoint(ctx, provider.session, r.url);
    const w = worker({ timeoutMs: 300 });
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
    await w.runOnce();
    expect(r.received).toHaveLength(1);
    let [logged] = await deliveries(endpoint.id);
    expect(logged).toMatchObject({ status: 'pending', attempts: 1 });
    expect(logged.error).toMatch(/no answer within/);

    r.mode = 'ok';
    advance(ctx, WEBHOOK_TEST_BACKOFF.maxMs);
    await w.runOnce();
    expect(r.received).toHaveLength(2);
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    expect(r.received[1]!.body).toBe(r.received[0]!.body);
    [logged] = await deliveries(endpoint.id);
    expect(logged).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('disables an endpoint failing for a day and emails the owner over SMTP', async () => {
    const smtp = await startSmtp();
    cleanup.push(() => smtp.close());
    await flushOutbox(ctx);
    const r = await receiver();
    r.mode = 'fail';
    const endpoint = await createEndpoint(ctx, provider.session, r.url);
    const w = worker();
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
    // Five failures over more than a day: 0 h, 6 h, … 30 h.
    for (let i = 0; i < DISABLE_AFTER.failures; i++) {
      await w.runOnce();
      const state = await call(ctx, 'GET', `/api/admin/webhooks/${endpoint.id}`, { session: provider.session });
      expect(state.body.endpoint.enabled).toBe(i < DISABLE_AFTER.failures - 1);
      advance(ctx, DAY / 4);
    }
    expect(r.received).toHaveLength(DISABLE_AFTER.failures);
    const state = await call(ctx, 'GET', `/api/admin/webhooks/${endpoint.id}`, { session: provider.session });
    expect(state.body.endpoint).toMatchObject({ enabled: false, failureCount: DISABLE_AFTER.failures });
    expect(state.body.endpoint.disabledAt).not.toBeNull();
    const [logged] = await deliveries(endpoint.id);
    expect(logged).toMatchObject({ status: 'failed', statusCode: 503 });

    const mail = emailWorker(ctx, { smtpUrl: smtp.url });
    cleanup.push(() => mail.stop());
    await mail.runOnce();
    const disabledEmail = () => smtp.received.find((e) => e.subject === 'A webhook endpoint was disabled');
    await until(() => disabledEmail() !== undefined);
    const email = disabledEmail();
    const owner = await ctx.db.selectFrom('users').select('email').where('id', '=', provider.userId).executeTakeFirst();
    expect(email!.to?.[0]?.address).toBe(owner?.email);
    expect(email!.text).toContain(r.url);

    // Disabled: no new deliveries; enabled again, it starts afresh.
    expect((await book(ctx, provider, LATER)).status).toBe(201);
    expect(await deliveries(endpoint.id)).toHaveLength(1);
    const enabled = await call(ctx, 'PATCH', `/api/admin/webhooks/${endpoint.id}`, {
      session: provider.session,
      body: { enabled: true },
    });
    expect(enabled.body.endpoint).toMatchObject({ enabled: true, failureCount: 0, disabledAt: null });
  });

  it('signs with the new and the old secret for a day after a rotation, then with the new one only', async () => {
    const r = await receiver();
    const endpoint = await createEndpoint(ctx, provider.session, r.url);
    const rotated = await call(ctx, 'POST', `/api/admin/webhooks/${endpoint.id}/rotate-secret`, {
      session: provider.session,
    });
    expect(rotated.status).toBe(200);
    const secret: string = rotated.body.secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(endpoint.secret);
    const w = worker();
    const booked = await book(ctx, provider, SLOT);
    expect(booked.status).toBe(201);
    await w.runOnce();
    expect(String(r.received[0]!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifies(secret, r, 0)).toBe(true);
    expect(verifies(endpoint.secret, r, 0)).toBe(true);

    advance(ctx, DAY + 60_000);
    const cancel = await call(ctx, 'POST', `/api/admin/appointments/${booked.body.booking.id}/cancel`, {
      session: provider.session,
      body: {},
    });
    expect(cancel.status).toBe(200);
    await w.runOnce();
    expect(r.received).toHaveLength(2);
    expect(JSON.parse(r.received[1]!.body).type).toBe('booking.cancelled');
    expect(verifies(secret, r, 1)).toBe(true);
    expect(verifies(endpoint.secret, r, 1)).toBe(false);
  });

  it('sends a test event and redelivers a delivery under its same id', async () => {
    const r = await receiver();
    const endpoint = await createEndpoint(ctx, provider.session, r.url);
    const test = await call(ctx, 'POST', `/api/admin/webhooks/${endpoint.id}/test`, { session: provider.session });
    expect(test.status).toBe(202);
    const w = worker();
    await w.runOnce();
    expect(JSON.parse(r.received[0]!.body).type).toBe('webhook.test');
    const again = await call(
      ctx,
      'POST',
      `/api/admin/webhooks/${endpoint.id}/deliveries/${test.body.delivery.id}/redeliver`,
      { session: provider.session },
    );
    expect(again.status).toBe(202);
    await w.runOnce();
    await w.runOnce();
    expect(r.received).toHaveLength(2);
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    expect(verifies(endpoint.secret, r, 1)).toBe(true);
  });

  it("sends a business only its own appointments' events, and only those it subscribed to", async () => {
    const r = await receiver();
    const other = await createProvider(ctx);
    const mine = await createEndpoint(ctx, provider.session, r.url, ['booking.cancelled']);
    const theirs = await createEndpoint(ctx, other.session, r.url, ['booking.created']);
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
    await worker().runOnce();
    expect(r.received).toHaveLength(0);
    expect(await deliveries(mine.id)).toHaveLength(0);
    const otherLog = await call(ctx, 'GET', `/api/admin/webhooks/${theirs.id}/deliveries`, { session: other.session });
    expect(otherLog.body.deliveries).toHaveLength(0);
  });
});
