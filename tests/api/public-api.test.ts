import { beforeAll, describe, expect, it } from 'vitest';
import { createDirectory, SECRETS } from '../support/directory.js';
import type { ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

describe('public directory and slots', () => {
  let ctx: TestContext;
  let anna: ProviderFixture;
  let physio: ProviderFixture;
  beforeAll(async () => {
    ctx = await createTestContext();
    ({ anna, physio } = await createDirectory(ctx, { service: 'Balayage' }));
  });

  it('searches by text over name, category, city and services, and filters by category and city', async () => {
    const names = async (query: string) =>
      (await call(ctx, 'GET', `/api/providers${query}`)).body.providers.map((p: { slug: string }) => p.slug);
    expect(await names('')).toEqual(['brooklyn-physio', 'studio-anna']);
    expect(await names('?q=balay')).toEqual(['studio-anna']); // a service name
    expect(await names('?q=INJUR')).toEqual(['brooklyn-physio']); // description, any case
    expect(await names('?q=%25')).toEqual([]); // % is literal, not a wildcard
    expect(await names('?category=physiotherapy')).toEqual(['brooklyn-physio']);
    expect(await names('?city=Berlin&q=anna')).toEqual(['studio-anna']);
    const facets = await call(ctx, 'GET', '/api/providers/facets');
    expect(facets.body).toEqual({ categories: ['Hair salon', 'Physiotherapy'], cities: ['Berlin', 'New York'] });
  });

  it('never exposes customer data on public endpoints', async () => {
    const responses = await Promise.all([
      call(ctx, 'GET', '/api/providers'),
      call(ctx, 'GET', '/api/providers?q=anna'),
      call(ctx, 'GET', '/api/providers/studio-anna'),
      call(ctx, 'GET', `/api/providers/studio-anna/slots?service=${anna.serviceId}&from=2026-12-01&to=2026-12-31`),
    ]);
    for (const res of responses) {
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it('serves the profile with active services, price and rating, with open CORS', async () => {
    const res = await call(ctx, 'GET', '/api/providers/studio-anna', {
      headers: { Origin: 'https://anna-hair.example' },
    });
    expect(res.body.provider).toMatchObject({
      slug: 'studio-anna',
      timeZone: 'Europe/Berlin',
      rating: { average: null, count: 0 },
    });
    expect(res.body.services[0]).toMatchObject({
      name: 'Balayage',
      durationMinutes: 60,
      price: { amountMinor: 5000, currency: 'EUR' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await call(ctx, 'GET', '/api/providers/nobody')).status).toBe(404);
  });

  it('lists slots of the customer’s days in their zone, as UTC instants', async () => {
    // New York opens 09:00–17:00 (UTC-5 in December). A Berlin customer's 2 December runs
    // 23:00Z 1 Dec to 23:00Z 2 Dec, so it holds New York's slots from 14:00Z to 22:00Z that day.
    const url = `/api/providers/brooklyn-physio/slots?service=${physio.serviceId}&from=2026-12-02&to=2026-12-02`;
    const berlin = await call(ctx, 'GET', `${url}&tz=Europe/Berlin`);
    expect(berlin.body.timeZone).toBe('Europe/Berlin');
    expect(berlin.body.slots[0]).toEqual({ start: '2026-12-02T14:00:00.000Z', end: '2026-12-02T15:00:00.000Z' });
    expect(berlin.body.slots.at(-1).start).toBe('2026-12-02T21:00:00.000Z');
    const local = await call(ctx, 'GET', url);
    expect(local.body.timeZone).toBe('America/New_York');
    expect(local.body.slots).toEqual(berlin.body.slots);
    const tokyo = await call(ctx, 'GET', `${url}&tz=Asia/Tokyo`);
    // Tokyo's 2 December ends at 15:00Z: only the 14:00Z slot of New York's day starts in it.
    expect(tokyo.body.slots.map((s: { start: string }) => s.start)).toContain('2026-12-02T14:00:00.000Z');
    expect(tokyo.body.slots.map((s: { start: string }) => s.start)).not.toContain('2026-12-02T15:00:00.000Z');
  });

  it('refuses bad zones, inverted and oversized ranges and unknown services', async () => {
    const base = `/api/providers/studio-anna/slots?service=${anna.serviceId}`;
    const cases: [string, number][] = [
      [`${base}&from=2026-12-01&to=2026-12-02&tz=Mars/Olympus`, 400],
      [`${base}&from=2026-12-05&to=2026-12-01`, 400],
      [`${base}&from=2026-12-01&to=2027-03-01`, 400],
      [`${base}&from=2026-12-01&to=2027-02-01`, 400], // 63 days, one more than the documented 62
      [`${base}&from=2026-13-01&to=2026-12-02`, 400],
      [`/api/providers/studio-anna/slots?service=${physio.serviceId}&from=2026-12-01&to=2026-12-02`, 404],
      [`/api/providers/studio-anna/slots?from=2026-12-01&to=2026-12-02`, 400],
    ];
    for (const [url, status] of cases) {
      const res = await call(ctx, 'GET', url);
      expect(res.status, url).toBe(status);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    expect((await call(ctx, 'GET', `${base}&from=2026-12-01&to=2027-01-31`)).status).toBe(200); // 62 days
  });

  it('stops offering slots past the provider’s horizon', async () => {
    const res = await call(
      ctx,
      'GET',
      `/api/providers/studio-anna/slots?service=${anna.serviceId}&from=2027-01-25&to=2027-02-05`,
    );
    const last = res.body.slots.at(-1).start;
    expect(last < '2027-01-30T08:00:00.000Z').toBe(true); // now + 60 days
  });
});
