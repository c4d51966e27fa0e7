import { describe, expect, it } from 'vitest';
import { confirmAddress, createProvider } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext } from '../support/test-app.js';

describe('the directory lists a business once its owner confirmed their email address', () => {
  it('leaves an unconfirmed one out of search, facets and the directory page, while its own page and booking work', async () => {
    const ctx = await createTestContext();
    await createProvider(ctx, {
      slug: 'confirmed-studio',
      profile: { name: 'Confirmed Studio', city: 'Berlin', category: 'Hair salon' },
    });
    const pending = await createProvider(ctx, {
      slug: 'unconfirmed-studio',
      confirmed: false,
      profile: { name: 'Unconfirmed Studio', city: 'Hamburg', category: 'Massage' },
    });
    const listed = async () =>
      (await call(ctx, 'GET', '/api/providers')).body.providers.map((p: { slug: string }) => p.slug);
    expect(await listed()).toEqual(['confirmed-studio']);
    expect((await call(ctx, 'GET', '/api/providers?q=unconfirmed')).body.providers).toEqual([]);
    expect((await call(ctx, 'GET', '/api/providers/facets')).body).toEqual({
      categories: ['Hair salon'],
      cities: ['Berlin'],
    });
    const directory = await call(ctx, 'GET', '/');
    expect(directory.body).toContain('Confirmed Studio');
    expect(directory.body).not.toContain('Unconfirmed Studio');
    expect((await call(ctx, 'GET', '/p/unconfirmed-studio')).status).toBe(200);
    expect((await call(ctx, 'GET', '/api/providers/unconfirmed-studio')).status).toBe(200);

    // What the confirmation link does (tests/api/account.test.ts follows the link itself).
    await confirmAddress(ctx, pending.userId);
    expect(await listed()).toEqual(['confirmed-studio', 'unconfirmed-studio']);
    expect((await call(ctx, 'GET', '/api/providers/facets')).body.cities).toEqual(['Berlin', 'Hamburg']);
  });
});
