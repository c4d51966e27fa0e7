import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

/** Shapes that a broken or hostile client sends: wrong types, huge and odd strings, bad dates. */
const nasty = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '💥'.repeat(500),
    'x'.repeat(70_000),
    '2026-02-30T10:00:00Z',
    'Mars/Olympus',
    '-1',
    'NaN',
  ),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double(),
  fc.record({
    provider: fc.anything(),
    service: fc.anything(),
    start: fc.oneof(
      fc.string(),
      fc.date({ noInvalidDate: false }).map((d) => String(d)),
    ),
    customer: fc.anything(),
  }),
);

describe('bad input never causes a 500 or a write', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let bookingId: number;
  beforeAll(async () => {
    ctx = await createTestContext({ config: { bookingRateLimit: 100_000, loginRateLimit: 100_000 } });
    provider = await createProvider(ctx, { slug: 'target' });
    bookingId = (await book(ctx, provider, '2026-12-02T09:00:00.000Z')).body.booking.id;
  });

  const counts = async () => ({
    appointments: (await ctx.db.selectFrom('appointments').select('id').execute()).length,
    users: (await ctx.db.selectFrom('users').select('id').execute()).length,
    keys: (await ctx.db.selectFrom('idempotency_keys').select('key').execute()).length,
    sequence: (await ctx.db.selectFrom('appointments').select('sequence').executeTakeFirstOrThrow()).sequence,
  });

  it('answers hundreds of malformed requests on every public route with 4xx JSON errors', async () => {
    const before = await counts();
    const writes = [
      '/api/bookings',
      `/api/bookings/${bookingId}/cancel`,
      `/api/bookings/${bookingId}/reschedule`,
      '/api/auth/signup',
      '/api/auth/login',
    ];
    const reads = (v: string) => [
      `/api/providers?q=${encodeURIComponent(v)}&limit=${encodeURIComponent(v)}`,
      `/api/providers/${encodeURIComponent(v)}`,
      `/api/providers/target/slots?service=${encodeURIComponent(v)}&from=${encodeURIComponent(v)}&to=2026-12-03&tz=${encodeURIComponent(v)}`,
      `/api/bookings/${encodeURIComponent(v)}?token=${encodeURIComponent(v)}`,
    ];
    const samples = fc.sample(nasty, { numRuns: 300, seed: 42 });
    const contentTypes = [
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ];
    let requests = 0;
    for (const [i, sample] of samples.entries()) {
      const printed = fc.stringify(sample);
      let body: string;
      try {
        body = i % 7 === 0 ? `{"broken": ${printed.slice(0, 50)}` : (JSON.stringify(sample) ?? 'undefined');
      } catch {
        body = printed; // not JSON-serialisable (BigInt, cycles): send fast-check's rendering as raw text
      }
      for (const path of writes) {
        const res = await ctx.app.request(`${APP_URL}${path}`, {
          method: 'POST',
          headers: {
            'Content-Type': contentTypes[i % contentTypes.length]!,
            Origin: APP_URL,
            'Idempotency-Key': i % 5 ? `k${i}` : '\u00e9',
          },
          body,
        });
        requests++;
        expect(res.status, `${path} ${body.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${path} ${body.slice(0, 80)}`).toBeLessThan(500);
        const json = (await res.json()) as { error: { code: string; message: string } };
        expect(json.error.code).toEqual(expect.any(String));
      }
      for (const path of reads(typeof sample === 'string' ? sample.slice(0, 2000) : printed.slice(0, 200))) {
        const res = await ctx.app.request(`${APP_URL}${path}`);
        requests++;
        expect(res.status, path).toBeLessThan(500);
      }
    }
    expect(requests).toBeGreaterThan(2000);
    expect(await counts()).toEqual(before);
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await ctx.app.request(`${APP_URL}/api/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ note: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await ctx.app.request(`${APP_URL}/api/nothing/here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
