import { beforeEach, describe, expect, it } from 'vitest';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

describe('a renamed business keeps its old slug', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  const rename = async (p: ProviderFixture, slug: string) => {
    const { profile } = (await call(ctx, 'GET', '/api/admin/profile', { session: p.session })).body;
    return call(ctx, 'PUT', '/api/admin/profile', { session: p.session, body: { ...profile, slug } });
  };

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { slug: 'old-name' });
    expect((await rename(provider, 'new-name')).status).toBe(200);
  });

  it('redirects its old pages to the new ones for good (301), query kept', async () => {
    const page = await call(ctx, 'GET', '/p/old-name?page=2');
    expect(page.status).toBe(301);
    expect(page.headers.get('location')).toBe('/p/new-name?page=2');
    const booking = await call(ctx, 'GET', `/p/old-name/book/${provider.serviceId}`);
    expect(booking.status).toBe(301);
    expect(booking.headers.get('location')).toBe(`/p/new-name/book/${provider.serviceId}`);
    expect((await call(ctx, 'GET', '/p/new-name')).status).toBe(200);
  });

  it('answers the API under the old slug for the business, so published embeds keep booking it', async () => {
    const detail = await call(ctx, 'GET', '/api/providers/old-name');
    expect(detail.status).toBe(200);
    expect(detail.body.provider.slug).toBe('new-name');
    const slots = (slug: string) =>
      call(ctx, 'GET', `/api/providers/${slug}/slots?service=${provider.serviceId}&from=2026-12-02&to=2026-12-02`);
    const [before, after] = [await slots('old-name'), await slots('new-name')];
    expect(before.status).toBe(200);
    expect(before.body.slots).toEqual(after.body.slots);
    expect((await call(ctx, 'GET', '/api/providers/old-name/reviews')).status).toBe(200);
    const booked = await call(ctx, 'POST', '/api/bookings', {
      body: {
        provider: 'old-name',
        service: provider.serviceId,
        start: '2026-12-02T09:00:00.000Z',
        customer: { name: 'Embed User', email: 'embed@example.com' },
      },
    });
    expect(booked.status).toBe(201);
    expect(booked.body.booking.provider.slug).toBe('new-name');
  });

  it('lets nobody else claim the old slug, and its owner take it back', async () => {
    const other = await createProvider(ctx, { slug: 'someone-else' });
    const claim = await rename(other, 'old-name');
    expect(claim.status).toBe(409);
    expect(claim.body.error.code).toBe('slug_taken');
    const newcomer = await createProvider(ctx, { slug: 'old-name' }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(newcomer).toMatch(/^profile failed: 409 .*slug_taken/);

    expect((await rename(provider, 'old-name')).status).toBe(200);
    const back = await call(ctx, 'GET', '/p/new-name');
    expect(back.status).toBe(301);
    expect(back.headers.get('location')).toBe('/p/old-name');
    expect((await rename(other, 'new-name')).status).toBe(409);
  });
});
