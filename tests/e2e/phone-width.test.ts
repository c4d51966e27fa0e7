import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, DEMO_PASSWORD, demoProviders } from '../../server/seed/demo-data.js';
import { seedDemoData } from '../../server/seed/seed-demo.js';
import { accountRoutes, adminRoutes, type Route } from '../../site/lib/routes.js';
import { chromePath, chromiumArgs, reducedMotion } from '../support/chromium.mjs';
import { call } from '../support/http.js';
import { bindFirst } from '../support/server.js';
import { buildSiteToTempDir } from '../support/site-build.js';
import { createTestContext, type TestContext } from '../support/test-app.js';
import { offerFor } from '../support/waitlist.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'tests/.artifacts/screenshots/phone');
const PHONE = { width: 360, height: 740 };
const owner = demoProviders[0]!;

/**
 * A URL that a route's pattern matches: its one number parameter (if any) filled in. A pattern this cannot turn
 * into a path fails the test, so whoever adds it gives it an example here.
 */
function pathOf(route: Route<string>, id: number): string {
  const path = route.pattern.source
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\\\/\?$/, '')
    .replace('(\\d+)', String(id))
    .replaceAll('\\/', '/');
  if (!route.pattern.test(path) || /[\\()[\]?*+]/.test(path))
    throw new Error(`No example path for ${route.pattern}: add one to tests/e2e/phone-width.test.ts`);
  return path;
}

describe('signed-in pages at phone width', () => {
  let ctx: TestContext;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let appointmentId = 0;
  const problems: string[] = [];

  const signedIn = async (email: string, viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({
      ...reducedMotion,
      locale: 'en-GB',
      timezoneId: owner.timeZone,
      viewport,
      ...(viewport.width < 500 && { isMobile: true, hasTouch: true }),
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/(admin|account)/);
    return page;
  };

  /** Opens `path` and waits until its view has rendered and finished loading. */
  const visit = async (page: Page, path: string) => {
    await page.goto(`${base}${path}`);
    await page.locator('h1').first().waitFor();
    // Views say "Loading …" in a `.loading` element until their data is in; the check is on the finished page.
    await page.waitForFunction(() => {
      const pending = (node: Document | ShadowRoot): boolean =>
        [...node.querySelectorAll('*')].some(
          (el) => el.classList.contains('loading') || (el.shadowRoot !== null && pending(el.shadowRoot)),
        );
      return !pending(document);
    });
  };

  const width = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

  const expectFits = async (page: Page, path: string) => {
    await expect
      .soft(width(page), `${path} scrolls sideways at ${PHONE.width} px`)
      .resolves.toBeLessThanOrEqual(PHONE.width);
    const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
    expect.soft(signOut, `${path}: no Sign out`).not.toBeNull();
    if (signOut)
      expect.soft(signOut.x + signOut.width, `${path}: Sign out off screen`).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(shots, `${path.replaceAll('/', '_') || 'root'}.png`), fullPage: true });
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const siteDir = buildSiteToTempDir('phone-width-site');

    const server = await bindFirst();
    close = server.close;
    base = server.url;
    ctx = await createTestContext({ config: { appUrl: base }, deps: { now: () => new Date(), siteDistDir: siteDir } });
    await seedDemoData(ctx.db, new Date());
    const appointment = await ctx.db
      .selectFrom('appointments')
      .innerJoin('providers', 'providers.id', 'appointments.provider_id')
      .select('appointments.id')
      .where('providers.slug', '=', owner.slug)
      .where('appointments.status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    appointmentId = appointment.id;
    server.serve(ctx.app);
    browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    await ctx?.db.destroy();
  });

  it('every route has an example path', () => {
    expect(adminRoutes.map((r) => pathOf(r, 1))).toContain('/admin/appointments/1');
    expect(accountRoutes.map((r) => pathOf(r, 1))).toContain('/account');
  });

  it('every admin page fits 360 px, the week view included, with Sign out on screen', async () => {
    const page = await signedIn(owner.email, PHONE);
    const paths = [...adminRoutes.map((r) => pathOf(r, appointmentId)), '/admin?view=week'];
    for (const path of paths) {
      await visit(page, path);
      await expectFits(page, path);
    }
    expect(problems).toEqual([]);
  });

  it('every account page fits 360 px, its tabs whole, with Sign out on screen', async () => {
    const page = await signedIn(DEMO_CUSTOMER.email, PHONE);
    for (const route of accountRoutes) {
      const path = pathOf(route, 0);
      await visit(page, path);
      await expectFits(page, path);
      // Each tab shows its whole title ("My em…" was cut off before).
      for (const tab of accountRoutes) {
        const link = page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: tab.title });
        const box = await link.boundingBox();
        expect.soft(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${path}: tab ${tab.title}`).toBe(true);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a waitlist offer’s page fits 360 px', async () => {
    // Two bookings of the owner's first one-to-one service; the later waits for an earlier time (anyone of the team),
    // the earlier is cancelled: its time is offered to the later one by email, whose link the signed-in customer opens.
    const { services } = (await call(ctx, 'GET', `/api/providers/${owner.slug}`)).body as {
      services: { id: number; seats?: number }[];
    };
    const service = services.find((s) => (s.seats ?? 1) === 1)!.id;
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const { slots } = (
      await call(ctx, 'GET', `/api/providers/${owner.slug}/slots?service=${service}&from=${from}&to=${to}`)
    ).body as { slots: { start: string }[] };
    const bookAt = async (start: string, email: string) => {
      const customer = { name: 'Width Test', email };
      const res = await call(ctx, 'POST', '/api/bookings', {
        body: { provider: owner.slug, service, start, customer },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return {
        id: res.body.booking.id as number,
        token: new URL(res.body.booking.manageUrl).searchParams.get('token'),
      };
    };
    const early = await bookAt(slots[0]!.start, 'early@example.com');
    const late = await bookAt(slots.at(-1)!.start, 'late@example.com');
    const wait = await call(ctx, 'PUT', `/api/bookings/${late.id}/waitlist`, {
      body: { token: late.token, member: 'any' },
    });
    expect(wait.status).toBe(200);
    expect((await call(ctx, 'POST', `/api/bookings/${early.id}/cancel`, { body: { token: early.token } })).status).toBe(
      200,
    );
    const { offerId, token } = await offerFor(ctx, 'late@example.com');

    const page = await signedIn(DEMO_CUSTOMER.email, PHONE);
    const path = `/waitlist/offers/${offerId}?token=${token}`;
    await visit(page, path);
    await page.getByRole('button', { name: /^Move my appointment to/ }).waitFor();
    await expectFits(page, `/waitlist/offers/${offerId}`);
    expect(problems).toEqual([]);
  });

  it('at 1280 px the admin keeps its navigation beside the view', async () => {
    const page = await signedIn(owner.email, { width: 1280, height: 900 });
    await visit(page, '/admin');
    const nav = await page.getByRole('navigation', { name: 'Admin' }).boundingBox();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(nav!.x + nav!.width).toBeLessThanOrEqual(heading!.x);
    await expect(width(page)).resolves.toBeLessThanOrEqual(1280);
  });
});
