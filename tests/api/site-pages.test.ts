import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../server/http/app-env.js';
import { notFound, onError } from '../../server/http/error-handler.js';
import { pageCache } from '../../server/site/page-cache.js';
import { siteRoutes } from '../../server/site/site.routes.js';
import { noBusyTimes } from '../../server/slots/availability.loader.js';
import { accountRoutes, adminRoutes } from '../../site/lib/routes.js';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

const get = (ctx: TestContext, path: string, session?: { cookie: string }) => call(ctx, 'GET', path, { session });

const meta = (html: string, attr: 'name' | 'property', key: string) =>
  new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1];

describe('site pages', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, {
      slug: 'studio-zoe',
      profile: {
        name: 'Studio Zoë <Hair>',
        description: 'Cuts & colour by Zoë, near the park.',
        category: 'Hair salon',
        city: 'Berlin',
      },
    });
  });

  it('renders the directory on the server with results, rating and next available time', async () => {
    const res = await get(ctx, '/?q=zo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html: string = res.body;
    expect(html).toContain('<title>zo · Book your services</title>');
    expect(html).toContain('<a href="/p/studio-zoe">Studio Zoë &lt;Hair&gt;</a>');
    expect(html).toContain('No reviews yet');
    // NOW is Tuesday 09:00 in Berlin; one hour's notice.
    expect(html).toMatch(
      /Next available: <a href="\/p\/studio-zoe\/book\/\d+\?date=2026-12-01"><time datetime="2026-12-01T09:00:00.000Z">Tue 1 Dec, 10:00<\/time><\/a>/,
    );
    expect((await get(ctx, '/?q=nothing-like-this')).body).toContain('No providers match your search.');
    expect((await get(ctx, '/?category=Hair%20salon&city=Berlin')).body).toContain('/p/studio-zoe');
    expect((await get(ctx, '/?city=Lisbon')).body).not.toContain('/p/studio-zoe');
  });

  it('gives a profile its own title, description and Open Graph meta, services and reviews', async () => {
    const res = await get(ctx, '/p/studio-zoe');
    expect(res.status).toBe(200);
    const html: string = res.body;
    expect(html).toContain('<title>Studio Zoë &lt;Hair&gt; — Hair salon in Berlin · Book your services</title>');
    expect(meta(html, 'name', 'description')).toBe('Cuts &amp; colour by Zoë, near the park.');
    expect(meta(html, 'property', 'og:title')).toBe(
      'Studio Zoë &lt;Hair&gt; — Hair salon in Berlin · Book your services',
    );
    expect(meta(html, 'property', 'og:url')).toBe(`${APP_URL}/p/studio-zoe`);
    expect(meta(html, 'property', 'og:type')).toBe('profile');
    expect(html).toContain('<h3>Consultation</h3>');
    expect(html).toContain('€50.00');
    expect(html).toContain(`href="/p/studio-zoe/book/${provider.serviceId}"`);
    expect(html).toContain('<book-services provider="studio-zoe"');
    // Structured data is a data block: `<` can never end it early.
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(ld).not.toContain('<');
    expect(JSON.parse(ld)).toMatchObject({ '@type': 'LocalBusiness', name: 'Studio Zoë <Hair>' });
  });

  it('serves direct booking links, and 404 pages for unknown providers and services', async () => {
    const book = await get(ctx, `/p/studio-zoe/book/${provider.serviceId}`);
    expect(book.status).toBe(200);
    expect(book.body).toContain(`<book-services provider="studio-zoe" service="${provider.serviceId}"`);
    expect(book.body).toContain('<title>Book Consultation at Studio Zoë &lt;Hair&gt; · Book your services</title>');
    expect((await get(ctx, '/p/studio-zoe/book')).status).toBe(200);
    for (const path of ['/p/nobody', '/p/studio-zoe/book/999', '/p/studio-zoe/book/abc', '/manage/abc']) {
      const res = await get(ctx, path);
      expect(res.status, path).toBe(404);
      expect(res.body).toContain('not found');
      expect(res.body).toContain('<meta name="robots" content="noindex" />');
    }
  });

  it('reads addresses with the API’s schemas: a bad parameter gets its not-found page, a bad query value its default', async () => {
    const notFound = {
      [`/p/${'a'.repeat(61)}`]: 'Provider not found',
      [`/p/${'a'.repeat(61)}/book`]: 'Provider not found',
      '/p/studio-zoe/book/0': 'Service not found',
      '/p/studio-zoe/book/abc': 'Service not found',
      '/manage/-1': 'Booking not found',
      '/waitlist/offers/abc': 'Offer not found',
    };
    for (const [path, message] of Object.entries(notFound)) {
      const res = await get(ctx, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toContain(`<title>${message} · Book your services</title>`);
      expect(res.headers.get('content-security-policy'), path).toContain('frame-ancestors');
    }
    // Unusable values fall back: page 1, no filter, a safe place after sign-in.
    const directory = await get(ctx, `/?q=%01zo&page=abc&city=${'x'.repeat(101)}`);
    expect(directory.status).toBe(200);
    expect(directory.body).toContain('<title>Book your services — find and book local services</title>');
    expect(directory.body).toContain('/p/studio-zoe');
    expect((await get(ctx, '/p/studio-zoe?page=-3')).body).toContain(
      `<link rel="canonical" href="${APP_URL}/p/studio-zoe" />`,
    );
    expect((await get(ctx, '/signup?as=admin&next=https://evil.example')).body).toContain(
      'account-type="customer" next=""',
    );
  });

  it('answers a browser’s mistyped address with a page, and API clients with JSON', async () => {
    const page = await call(ctx, 'GET', '/no-such-page', { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.body).toContain('Page not found');
    const json = await call(ctx, 'GET', '/no-such-page');
    expect(json.status).toBe(404);
    expect(json.body.error.code).toBe('not_found');
    expect((await call(ctx, 'GET', '/api/nothing', { headers: { Accept: 'text/html' } })).body.error.code).toBe(
      'not_found',
    );
  });

  it('sends a strict CSP and security headers; signed-in areas may not be framed', async () => {
    const pub = await get(ctx, '/p/studio-zoe');
    const csp = pub.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(pub.headers.get('x-content-type-options')).toBe('nosniff');
    expect(pub.headers.get('referrer-policy')).toBe('no-referrer');
    // No inline script may run: only data blocks and external modules.
    for (const tag of (pub.body as string).match(/<script[^>]*>/g) ?? [])
      expect(tag).toMatch(/type="application\/(ld\+)?json"|src="/);
    expect(pub.body).not.toMatch(/\sstyle="/);

    const customer = await signUp(ctx, 'customer');
    for (const [path, session] of [
      ['/login', undefined],
      ['/manage/1', undefined],
      ['/waitlist/offers/1?token=abc', undefined],
      ['/join?token=abc', undefined],
      ['/account', customer],
      ['/admin', provider.session],
    ] as const) {
      const res = await get(ctx, path, session);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cache-control'), path).toBe('private, no-cache');
    }
  });

  it('sends visitors to sign in, and each role to its own area', async () => {
    expect((await get(ctx, '/account/emails')).headers.get('location')).toBe('/login?next=%2Faccount%2Femails');
    expect((await get(ctx, '/admin/services')).headers.get('location')).toBe('/login?next=%2Fadmin%2Fservices');
    const customer = await signUp(ctx, 'customer', { name: 'Dana <Customer>' });
    expect((await get(ctx, '/admin', customer)).headers.get('location')).toBe('/account');
    expect((await get(ctx, '/account', provider.session)).headers.get('location')).toBe('/admin');
    expect((await get(ctx, '/login', customer)).headers.get('location')).toBe('/account');
    expect((await get(ctx, '/login?next=/account/emails', customer)).headers.get('location')).toBe('/account/emails');
    // Only our own paths: no open redirect after sign-in.
    expect((await get(ctx, '/login?next=//evil.example/x', customer)).headers.get('location')).toBe('/account');
    expect((await get(ctx, '/login?next=//evil.example/x')).body).toContain('next=""');

    const account = await get(ctx, '/account', customer);
    expect(account.body).toContain('<title>My appointments · Book your services</title>');
    const data = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(account.body)?.[1] ?? '';
    expect(data).not.toContain('<');
    expect(JSON.parse(data).user).toMatchObject({ name: 'Dana <Customer>', role: 'customer' });
    expect((await get(ctx, '/account/nothing', customer)).status).toBe(404);

    // A provider without a profile is sent to the onboarding wizard.
    const newcomer = await signUp(ctx, 'provider');
    expect((await get(ctx, '/admin/services', newcomer)).headers.get('location')).toBe('/admin/onboarding');
    expect((await get(ctx, '/admin/onboarding', newcomer)).status).toBe(200);
    expect((await get(ctx, '/admin/embed', provider.session)).body).toContain(
      '<title>Embed on your website · Book your services</title>',
    );
  });

  it('serves the team invitation page to anyone, with the signed-in user (if any) for joining without a password', async () => {
    const pageData = (body: string) =>
      JSON.parse(/<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(body)?.[1] ?? 'null');
    const visitor = await get(ctx, '/join?token=abc');
    expect(visitor.status).toBe(200);
    expect(visitor.body).toContain('<book-join></book-join>');
    expect(visitor.body).toContain('data-page="join"');
    expect(pageData(visitor.body).user).toBeNull();
    const customer = await signUp(ctx, 'customer', { name: 'Mia' });
    expect(pageData((await get(ctx, '/join?token=abc', customer)).body).user).toMatchObject({ name: 'Mia' });
  });

  it('answers every view of the client router, signed in, with the view’s title', async () => {
    const customer = await signUp(ctx, 'customer');
    // A path each pattern matches: `/admin/appointments/(\d+)` → `/admin/appointments/42`.
    const sample = (pattern: RegExp) =>
      pattern.source
        .replace(/\\\//g, '/')
        .replace(/\(\\d\+\)/, '42')
        .replace(/[\^$?]/g, '');
    const areas = [
      { routes: adminRoutes, session: provider.session },
      { routes: accountRoutes, session: customer },
    ];
    for (const { routes, session } of areas) {
      for (const route of routes) {
        const res = await get(ctx, sample(route.pattern), session);
        expect(res.status, route.view).toBe(200);
        expect(res.body, route.view).toContain(`<title>${route.title} · Book your services</title>`);
      }
    }
  });

  it('links the built entry, the page’s chunks and styles, and serves hashed assets immutable', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'site-'));
    mkdirSync(join(dist, '.vite'), { recursive: true });
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, '.vite/manifest.json'),
      JSON.stringify({
        'main.ts': {
          file: 'assets/main-A1.js',
          src: 'main.ts',
          isEntry: true,
          css: ['assets/main-C1.css'],
          dynamicImports: ['pages/profile.ts'],
        },
        'pages/profile.ts': {
          file: 'assets/profile-B2.js',
          src: 'pages/profile.ts',
          isDynamicEntry: true,
          imports: ['_lit-D4.js'],
          css: ['assets/profile-C2.css'],
        },
        '_lit-D4.js': { file: 'assets/lit-D4.js' },
      }),
    );
    writeFileSync(join(dist, 'assets/main-A1.js'), 'console.log(1)');
    const app = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set('user', null);
        await next();
      })
      .route(
        '/',
        siteRoutes({
          db: ctx.db,
          now: () => ctx.clock.now,
          busyTimes: noBusyTimes,
          appUrl: APP_URL,
          distDir: dist,
          pageCache: pageCache({ now: () => ctx.clock.now }),
        }),
      );
    app.onError(onError);
    app.notFound(notFound);

    const html = await (await app.request('/p/studio-zoe')).text();
    expect(html).toContain('<script type="module" src="/site/assets/main-A1.js"></script>');
    expect(html).toContain('<link rel="modulepreload" href="/site/assets/profile-B2.js" />');
    expect(html).toContain('<link rel="modulepreload" href="/site/assets/lit-D4.js" />');
    expect(html).toContain('<link rel="stylesheet" href="/site/assets/main-C1.css" />');
    expect(html).toContain('<link rel="stylesheet" href="/site/assets/profile-C2.css" />');

    const asset = await app.request('/site/assets/main-A1.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/site/assets/missing.js')).status).toBe(404);
    expect((await app.request('/site/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await app.request('/site/.vite/manifest.json')).status).toBe(404);

    // A new build while the server runs: the next page links the new files.
    writeFileSync(
      join(dist, '.vite/manifest.json'),
      JSON.stringify({ 'main.ts': { file: 'assets/main-Z9.js', src: 'main.ts', isEntry: true } }),
    );
    utimesSync(join(dist, '.vite/manifest.json'), new Date(), new Date(Date.now() + 5_000));
    expect(await (await app.request('/p/studio-zoe')).text()).toContain(
      '<script type="module" src="/site/assets/main-Z9.js"></script>',
    );
  });
});
