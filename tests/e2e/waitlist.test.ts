/**
 * The waitlist end to end in a browser, against the real server and a real SMTP inbox: a customer asks on their
 * manage page to be told of an earlier time; another customer cancels the earlier appointment; the first gets the
 * offer email, opens its link on a phone (360 px wide: the page must fit) and moves their appointment with one click.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { chromePath, chromiumArgs, reducedMotion } from '../support/chromium.mjs';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { watchProblems } from '../support/page-problems.js';
import { bindFirst } from '../support/server.js';
import { shiftedClock } from '../support/shifted-clock.mjs';
import { buildSiteToTempDir } from '../support/site-build.js';
import { createTestContext, type TestContext, testConfig } from '../support/test-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'tests/.artifacts/screenshots');
const ZONE = 'Europe/Berlin';
// A Wednesday 03:00 UTC ahead of the real clock (a session cookie's expiry must not look past to the browser); the
// appointments are on the Friday after, open every day, so no weekend or notice period is in the way.
const real = new Date();
const wednesday = new Date(
  Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate() + ((3 - real.getUTCDay() + 7) % 7 || 7), 3),
);
const FRIDAY = DateTime.fromJSDate(wednesday, { zone: 'UTC' }).plus({ days: 2 }).toISODate()!;
const berlin = (time: string) => DateTime.fromISO(`${FRIDAY}T${time}`, { zone: ZONE }).toUTC().toISO()!;

describe('the waitlist in the browser', () => {
  const clock = shiftedClock(wednesday.toISOString());
  const inbox = realInbox();
  let ctx: TestContext;
  let owner: ProviderFixture;
  let base = '';
  let close: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const bookAs = async (name: string, email: string, start: string) => {
    const res = await call(ctx, 'POST', '/api/bookings', {
      body: { provider: owner.slug, service: owner.serviceId, start, customer: { name, email }, timeZone: ZONE },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.booking as { id: number; manageUrl: string };
  };

  const startOf = async (id: number) =>
    (await ctx.db.selectFrom('appointments').select('start_at').where('id', '=', id).executeTakeFirstOrThrow())
      .start_at;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const siteDir = buildSiteToTempDir('waitlist-e2e-site');
    const server = await bindFirst();
    close = server.close;
    base = server.url;
    ctx = await createTestContext({ config: { appUrl: base }, deps: { now: clock.now, siteDistDir: siteDir } });
    // Set up through the admin API as our own site on its usual address calls it (the CSRF check wants that origin).
    const setup = { ...ctx, app: createApp({ db: ctx.db, config: testConfig(), now: clock.now }) };
    owner = await createProvider(setup, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    server.serve(ctx.app);
    browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
    const phone = await browser.newContext({
      ...reducedMotion,
      locale: 'en-GB',
      timezoneId: ZONE,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.addInitScript(clock.script);
    page = watchProblems(await phone.newPage(), problems);
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    await ctx?.db.destroy();
  });

  it('cancelling an earlier appointment offers its time by email, and one click moves the waiting one there', async () => {
    const early = await bookAs('Edda Early', 'edda@example.com', berlin('10:00'));
    const late = await bookAs('Liam Late', 'liam@example.com', berlin('15:00'));

    // Liam asks on his manage page to be told of an earlier time.
    await page.goto(late.manageUrl);
    await page.getByRole('button', { name: 'Tell me if an earlier time frees up' }).click();
    await page.getByRole('button', { name: 'Tell me', exact: true }).click();
    await page.getByText('You are #1 in line for an earlier time').waitFor();

    // Edda cancels: her 10:00 is offered to Liam, by email through the outbox.
    const token = new URL(early.manageUrl).searchParams.get('token');
    expect((await call(ctx, 'POST', `/api/bookings/${early.id}/cancel`, { body: { token } })).status).toBe(200);
    ctx.clock.now = clock.now();
    await inbox.deliver(ctx);
    const links = inbox
      .of('liam@example.com')
      .flatMap((e) => [...(e.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0])))
      .filter((url) => url.pathname.startsWith('/waitlist/offers/'));
    expect(links).toHaveLength(1);

    // The link only shows the offer; the one button takes it.
    await page.goto(links[0]!.href);
    const take = page.getByRole('button', { name: /^Move my appointment to Fri/ });
    await take.waitFor();
    expect(await startOf(late.id)).toBe(berlin('15:00'));
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(shots, 'waitlist-offer-phone.png'), fullPage: true });
    await take.click();
    await page.getByRole('status').filter({ hasText: 'Done: your appointment is moved to' }).waitFor();
    expect(await startOf(late.id)).toBe(berlin('10:00'));
    expect(problems).toEqual([]);
  });
});
