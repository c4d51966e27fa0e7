import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { captureLog, type LogCapture } from '../support/log-capture.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const CUSTOMER = { name: 'Zelda Quimby-Fairweather', email: 'zelda.quimby@example.net', phone: '+49 171 5550199' };
const SLOT = '2026-12-02T09:00:00.000Z';

describe('request logs', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let log: LogCapture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
    log = captureLog('info');
  });
  afterEach(() => log.restore());

  it('log one JSON line per request with its id, echoed in X-Request-Id, and the route pattern, not the URL', async () => {
    const mine = await call(ctx, 'GET', `/api/providers/${provider.slug}`, {
      headers: { 'X-Request-Id': 'lb-4711.a' },
    });
    expect(mine.headers.get('X-Request-Id')).toBe('lb-4711.a');
    // Not an id: a new one is made rather than the caller's text going into the log.
    const odd = await call(ctx, 'GET', `/api/providers/${provider.slug}`, {
      headers: { 'X-Request-Id': 'x"} injected\u00e9' },
    });
    const made = odd.headers.get('X-Request-Id')!;
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const none = await call(ctx, 'GET', '/api/providers/nobody-here');
    expect(none.status).toBe(404);

    const requests = log.lines().filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      reqId: 'lb-4711.a',
      method: 'GET',
      route: '/api/providers/:slug',
      status: 200,
    });
    expect(requests[1]).toMatchObject({ reqId: made, status: 200 });
    expect(requests[2]).toMatchObject({ route: '/api/providers/:slug', status: 404 });
    expect(typeof requests[0]!.seconds).toBe('number');
    expect(log.text()).not.toContain('injected');
    expect(log.text()).not.toContain('nobody-here');
  });

  it("never hold a booking customer's name, email or phone, their manage token, or a cookie", async () => {
    const booked = await call(ctx, 'POST', '/api/bookings', {
      body: bookingBody(provider, SLOT, { customer: CUSTOMER }),
    });
    expect(booked.status).toBe(201);
    const token = new URL(booked.body.booking.manageUrl).searchParams.get('token')!;
    // The same customer again, for a taken slot, with the token in a query string, and on an unknown route.
    expect(
      (await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, SLOT, { customer: CUSTOMER }) })).status,
    ).toBe(409);
    expect((await call(ctx, 'GET', `/api/bookings/${booked.body.booking.id}?token=${token}`)).status).toBe(200);
    await call(ctx, 'GET', `/api/nothing/${encodeURIComponent(CUSTOMER.email)}?phone=${CUSTOMER.phone}`);
    await call(ctx, 'GET', '/api/admin/appointments', { session: provider.session });

    const text = log.text();
    expect(log.lines().filter((line) => line.msg === 'request')).toHaveLength(5);
    for (const secret of [CUSTOMER.name, CUSTOMER.email, CUSTOMER.phone, '5550199', 'zelda', token]) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(text).not.toContain(provider.session.cookie.split('=')[1]!);
  });
});
