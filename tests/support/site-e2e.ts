// The set-up the site's end-to-end tests share: the built site served by the real app on loopback with a real SMTP
// inbox's configuration, one business open every day, a shifted clock in the server and in every page, and Chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp } from '../../server/app.js';
import { chromePath, chromiumArgs, reducedMotion } from './chromium.mjs';
import { createProvider, type ProviderFixture } from './fixtures.js';
import { watchProblems } from './page-problems.js';
import { bindFirst } from './server.js';
import { shiftedClock } from './shifted-clock.mjs';
import { buildSiteToTempDir } from './site-build.js';
import { createTestContext, type TestContext, testConfig } from './test-app.js';

export const E2E_ZONE = 'Europe/Berlin';
export const screenshots = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests/.artifacts/screenshots');

/**
 * A Wednesday 03:00 UTC ahead of the real clock (a session cookie's expiry must not look past to the browser) and
 * the Friday after it, with its Berlin times as UTC instants: open every day, so no weekend or notice period is in
 * the way.
 */
export function aheadOfRealClock() {
  const real = new Date();
  const days = (3 - real.getUTCDay() + 7) % 7 || 7;
  const wednesday = new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate() + days, 3));
  const friday = DateTime.fromJSDate(wednesday, { zone: 'UTC' }).plus({ days: 2 }).toISODate()!;
  const berlin = (time: string) => DateTime.fromISO(`${friday}T${time}`, { zone: E2E_ZONE }).toUTC().toISO()!;
  return { wednesday, friday, berlin };
}

export interface SiteE2E {
  ctx: TestContext;
  owner: ProviderFixture;
  base: string;
  browser: Browser;
  clock: ReturnType<typeof shiftedClock>;
  /** Page errors and console errors of every page opened with `newPage`. */
  problems: string[];
  /** A page in its own context: the test's zone and clock, a phone's touch and zoom when `phone`. */
  newPage(viewport: { width: number; height: number }, phone?: boolean): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the site (built into a folder named after `name`) at the shifted `now`, its owner open 09:00–17:00 daily. */
export async function startSiteE2E(name: string, now: Date): Promise<SiteE2E> {
  mkdirSync(screenshots, { recursive: true });
  const clock = shiftedClock(now.toISOString());
  const siteDir = buildSiteToTempDir(`${name}-e2e-site`);
  const server = await bindFirst();
  const ctx = await createTestContext({
    config: { appUrl: server.url },
    deps: { now: clock.now, siteDistDir: siteDir },
  });
  // Set up through the admin API as our own site on its usual address calls it (the CSRF check wants that origin).
  const setup = { ...ctx, app: createApp({ db: ctx.db, config: testConfig(), now: clock.now }) };
  const owner = await createProvider(setup, {
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  });
  server.serve(ctx.app);
  const browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
  const problems: string[] = [];
  return {
    ctx,
    owner,
    base: server.url,
    browser,
    clock,
    problems,
    async newPage(viewport, phone = false) {
      const context = await browser.newContext({
        ...reducedMotion,
        locale: 'en-GB',
        timezoneId: E2E_ZONE,
        viewport,
        ...(phone && { isMobile: true, hasTouch: true }),
      });
      await context.addInitScript(clock.script);
      return watchProblems(await context.newPage(), problems);
    },
    async close() {
      await browser.close();
      await server.close();
      await ctx.db.destroy();
    },
  };
}
