import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { listen } from '../support/server.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const TOKEN = 'metrics-token-for-the-test-0123';
const SLOT = '2026-12-02T09:00:00.000Z';

/** One sample of the Prometheus text format: `name{label="value",…} number`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * An independent reader of the exposition format (not prom-client's): every line is a `# HELP`/`# TYPE` comment or
 * a sample, and a sample's labels are `name="escaped value"` pairs. NaN and infinities in any case, as Go's ParseFloat
 * (Prometheus's own reader) takes them.
 */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* /.test(line)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|nan|[+-]inf)$/i.exec(line);
    if (!match) throw new Error(`not a Prometheus line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g))
      labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

const sumOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe('GET /metrics', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext({ config: { metricsToken: TOKEN } });
    provider = await createProvider(ctx);
  });

  const scrape = async () => {
    const res = await call(ctx, 'GET', '/metrics', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(res.body as string);
  };

  it('counts requests by route pattern and status, bookings, cancellations, and reads the outboxes', async () => {
    const before = await scrape();
    const booked = await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, SLOT) });
    expect(booked.status).toBe(201);
    const taken = await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, SLOT) });
    expect(taken.status).toBe(409);
    const token = new URL(booked.body.booking.manageUrl).searchParams.get('token')!;
    const cancelled = await call(ctx, 'POST', `/api/bookings/${booked.body.booking.id}/cancel`, { body: { token } });
    expect(cancelled.status).toBe(200);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 90_000);
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) =>
      sumOf(after, name, labels) - sumOf(before, name, labels);
    const bookings = { method: 'POST', route: '/api/bookings' };
    expect(moved('http_requests_total', { ...bookings, status: '201' })).toBe(1);
    expect(moved('http_requests_total', { ...bookings, status: '409' })).toBe(1);
    expect(moved('http_request_duration_seconds_count', { ...bookings, status: '201' })).toBe(1);
    expect(moved('http_request_duration_seconds_bucket', { ...bookings, status: '201', le: '+Inf' })).toBe(1);
    expect(moved('http_requests_total', { route: '/api/bookings/:id/cancel', status: '200' })).toBe(1);
    expect(moved('bookings_created_total', { actor: 'customer' })).toBe(1);
    expect(moved('bookings_cancelled_total')).toBe(1);
    // No raw URL is a label: the booking's id and token appear nowhere.
    expect(after.some((s) => Object.values(s.labels).some((v) => v.includes(token)))).toBe(false);
    expect(after.some((s) => s.labels.route?.includes(String(booked.body.booking.id)))).toBe(false);

    // The booking and its cancellation queued emails (nothing delivers them here); no calendar is connected.
    const emails = await ctx.db.selectFrom('email_outbox').select(['status', 'created_at']).execute();
    expect(emails.length).toBeGreaterThan(0);
    expect(sumOf(after, 'outbox_depth', { queue: 'email' })).toBe(emails.length);
    const oldest = Math.min(...emails.map((e) => Date.parse(e.created_at)));
    // Rows are stamped by the database's clock, not the test's: read the age at a test time after the oldest row.
    ctx.clock.now = new Date(oldest + 90_000);
    expect(sumOf(await scrape(), 'outbox_oldest_age_seconds', { queue: 'email' })).toBeCloseTo(90);
    expect(sumOf(after, 'outbox_depth', { queue: 'calendar' })).toBe(0);
    expect(sumOf(after, 'outbox_failed_jobs', { queue: 'email' })).toBe(0);
    await ctx.db.updateTable('email_outbox').set({ status: 'failed' }).execute();
    expect(sumOf(await scrape(), 'outbox_failed_jobs', { queue: 'email' })).toBe(emails.length);
    expect(after.some((s) => s.name === 'calendar_api_errors_total' || s.name === 'process_cpu_seconds_total')).toBe(
      true,
    );
  });

  it('refuses a wrong or missing token', async () => {
    const missing = await call(ctx, 'GET', '/metrics');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthenticated');
    expect(missing.headers.get('WWW-Authenticate')).toBe('Bearer');
    const wrong = await call(ctx, 'GET', '/metrics', { headers: { Authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  let ctx: TestContext;
  const closers: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    ctx = await createTestContext({ config: { metricsToken: null } });
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('answers a client on the loopback, and refuses one a proxy forwarded or one from elsewhere', async () => {
    const server = await listen(ctx.app);
    closers.push(server.close);
    const local = await fetch(`${server.url}/metrics`);
    expect(local.status).toBe(200);
    expect(parseExposition(await local.text()).some((s) => s.name === 'outbox_depth')).toBe(true);
    const forwarded = await fetch(`${server.url}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(forwarded.status).toBe(403);
    const remote = await ctx.app.request(
      'http://booking.test/metrics',
      {},
      {
        incoming: { socket: { remoteAddress: '203.0.113.9', remotePort: 4000, remoteFamily: 'IPv4' } },
      },
    );
    expect(remote.status).toBe(403);
    expect(((await remote.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });
});
