import { beforeEach, describe, expect, it } from 'vitest';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/** What a visitor reads on the page: the business's name as its heading. */
const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

describe('public pages for visitors who are not signed in (a micro-cache)', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  const profile = () => call(ctx, 'GET', '/p/studio-ina');
  // A change that does not come through this server, as another instance's write would.
  const renameElsewhere = (name: string) =>
    ctx.db.updateTable('providers').set({ name }).where('slug', '=', provider.slug).execute();

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { slug: 'studio-ina', profile: { name: 'Studio Ina' } });
  });

  it('renders a page once for a few seconds, then afresh', async () => {
    expect(heading((await profile()).body)).toBe('Studio Ina');
    await renameElsewhere('Studio Ina & Co');
    expect(heading((await profile()).body)).toBe('Studio Ina');
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 5_001);
    expect(heading((await profile()).body)).toBe('Studio Ina &amp; Co');
  });

  it('shows a change made through this server at once', async () => {
    expect(heading((await profile()).body)).toBe('Studio Ina');
    const directory = await call(ctx, 'GET', '/?q=ina');
    expect(directory.body).toContain('Studio Ina');
    const saved = await call(ctx, 'PUT', '/api/admin/profile', {
      session: provider.session,
      body: {
        slug: 'studio-ina',
        name: 'Ina Hair',
        category: 'Hair salon',
        description: 'A test business',
        city: 'Berlin',
        address: 'Teststraße 1, Berlin',
        phone: '+49 30 000000',
        timeZone: 'Europe/Berlin',
        bookingRules: { minNoticeMinutes: 60, maxDaysAhead: 60, slotStepMinutes: 30 },
      },
    });
    expect(saved.status).toBe(200);
    expect(heading((await profile()).body)).toBe('Ina Hair');
    expect((await call(ctx, 'GET', '/?q=ina')).body).toContain('Ina Hair');
  });

  it('never keeps a signed-in visitor’s page, nor serves a kept one to them', async () => {
    await profile();
    await renameElsewhere('Studio Ina & Co');
    const signedIn = await call(ctx, 'GET', '/p/studio-ina', { session: provider.session });
    expect(heading(signedIn.body)).toBe('Studio Ina &amp; Co');
    expect(signedIn.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('keeps the security headers on a kept page', async () => {
    const first = await profile();
    const second = await profile();
    expect(second.body).toBe(first.body);
    for (const header of ['content-security-policy', 'x-content-type-options', 'content-type', 'cache-control'])
      expect(second.headers.get(header)).toBe(first.headers.get(header));
  });
});
