import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { addDays } from '../../widget/lib/dates.js';
import { chromePath, chromiumArgs, reducedMotion } from '../support/chromium.mjs';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { watchProblems } from '../support/page-problems.js';
import { bindFirst } from '../support/server.js';
import { shiftedClock } from '../support/shifted-clock.mjs';
import { buildSiteToTempDir } from '../support/site-build.js';
import { createTestContext, type TestContext, testConfig } from '../support/test-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Screenshots for people to look at (not compared), beside tests/e2e/site.test.ts's. */
const shots = join(root, 'tests/.artifacts/screenshots');
// The next Wednesday, 03:00 UTC (04:00 or 05:00 in Berlin): the working day and the week lie ahead. Ahead of the
// real clock, not behind it: the browser drops a session cookie whose expiry it finds past.
const real = new Date();
const wednesday = new Date(
  Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate() + ((3 - real.getUTCDay() + 7) % 7 || 7), 3),
);
const DAY = wednesday.toISOString().slice(0, 10);
const THURSDAY = addDays(DAY, 1);
/** A Berlin wall-clock time of `date` as a UTC instant, as the API writes it. */
const berlin = (time: string, date = DAY) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Berlin' }).toUTC().toISO()!;
const dayLabel = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

describe('the owner’s day on a phone', () => {
  const clock = shiftedClock(wednesday.toISOString());
  let ctx: TestContext;
  let owner: ProviderFixture;
  let email = '';
  let base = '';
  let close: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const publicStarts = async () => {
    const res = await fetch(
      `${base}/api/providers/${owner.slug}/slots?service=${owner.serviceId}&from=${DAY}&to=${DAY}`,
    );
    return ((await res.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
  };
  /**
   * Whether a component fits a 360 px wide phone: held to that width, nothing in it sticks out. Asked of the
   * component rather than of the page: the page's own fit (the admin's navigation) is tests/e2e's phone-width check.
   */
  const fitsPhone = (selector: string) =>
    page.locator(selector).evaluate((host: HTMLElement) => {
      const width = host.style.width;
      host.style.width = '360px';
      const inner = [host, ...host.shadowRoot!.querySelectorAll<HTMLElement>('*')];
      const right = host.getBoundingClientRect().right;
      const fits = inner.every((el) => el.getBoundingClientRect().right <= right + 0.5);
      host.style.width = width;
      return fits;
    });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const siteDir = buildSiteToTempDir('walk-in-e2e-site');
    const server = await bindFirst();
    close = server.close;
    base = server.url;
    ctx = await createTestContext({ config: { appUrl: base }, deps: { now: clock.now, siteDistDir: siteDir } });
    // Open every day 09:00–17:00 in Berlin, customers need an hour's notice; a 60-minute service. Set up through
    // the API as our own site on its usual address calls it (the CSRF check wants that origin).
    const setup = { ...ctx, app: createApp({ db: ctx.db, config: testConfig(), now: clock.now }) };
    owner = await createProvider(setup, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    const user = ctx.db.selectFrom('users').select('email').where('id', '=', owner.userId);
    email = (await user.executeTakeFirstOrThrow()).email;
    server.serve(ctx.app);
    browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
    const phone = await browser.newContext({
      ...reducedMotion,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 390, height: 844 },
      // Not `isMobile`: a page wider than the phone is zoomed out then, and taps miss until every admin page fits.
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

  it('signs in and books a walk-in at a free time of today', async () => {
    await page.goto(`${base}/login?next=%2Fadmin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/admin`);

    await page.getByRole('button', { name: 'New appointment' }).click();
    await page.getByRole('group', { name: 'Free times' }).getByRole('button', { name: '10:00' }).click();
    await page.getByLabel('Customer name').fill('Walter Walk-in');
    await page.getByLabel(/^Phone/).fill('+49 170 1234567');
    expect(await fitsPhone('book-new-appointment')).toBe(true);
    await page.locator('book-new-appointment').screenshot({ path: join(shots, 'admin-new-appointment-phone.png') });
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByRole('status').filter({ hasText: 'Booked: Walter Walk-in' }).waitFor();
    const row = await ctx.db.selectFrom('appointments').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      customer_name: 'Walter Walk-in',
      customer_email: '',
      start_at: berlin('10:00'),
    });
    // The list shows it under today.
    await page.locator(`a[href="/admin/appointments/${row.id}"]`).first().waitFor();
  });

  it('blocks the lunch hour, which leaves the public slots', async () => {
    expect(await publicStarts()).toContain(berlin('12:00'));
    await page.getByRole('button', { name: 'Block time' }).click();
    await page.getByLabel('From').fill('12:00');
    await page.getByLabel('To', { exact: true }).fill('13:00');
    await page.getByLabel(/^Label/).fill('Lunch');
    expect(await fitsPhone('book-block-time')).toBe(true);
    await page.getByRole('button', { name: 'Block this time' }).click();
    await page.getByRole('status').filter({ hasText: 'Blocked:' }).waitFor();
    const starts = await publicStarts();
    expect(starts).not.toContain(berlin('12:00'));
    expect(starts).not.toContain(berlin('11:30')); // its hour would run into lunch
    expect(starts).not.toContain(berlin('10:00')); // the walk-in
    expect(starts).toContain(berlin('13:00'));
  });

  it('shows both in the week view, and a click on open time starts a new appointment there', async () => {
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    const week = page.locator('book-week-view');
    await week.locator('a.event').filter({ hasText: 'Walter Walk-in' }).waitFor();
    await expect(week.locator('a.event').textContent()).resolves.toContain('Consultation');
    await expect(week.locator('.blocked').textContent()).resolves.toContain('12:00–13:00 Lunch');
    // Held to a phone's width, the grid scrolls sideways inside its own box, and the box fits.
    const box = await week.evaluate((host: HTMLElement) => {
      host.style.width = '360px';
      const scroller = host.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      const fit = {
        width: scroller.getBoundingClientRect().width,
        scrolls: scroller.scrollWidth > scroller.clientWidth,
      };
      host.style.width = '';
      return fit;
    });
    expect(box).toEqual({ width: 360, scrolls: true });
    await week.screenshot({ path: join(shots, 'admin-week-phone.png') });

    await week.getByRole('button', { name: `New appointment, ${dayLabel(THURSDAY)} 14:00` }).click();
    await page.getByRole('heading', { name: 'New appointment' }).waitFor();
    await expect(page.getByLabel('Date').inputValue()).resolves.toBe(THURSDAY);
    await expect(page.getByLabel(/^Time/).inputValue()).resolves.toBe('14:00');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  it('removes the blocked hour from the week view, which gives the slots back', async () => {
    await page.locator('book-week-view').getByRole('button', { name: 'Remove blocked time 12:00–13:00 Lunch' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed the blocked time' }).waitFor();
    await expect(page.locator('book-week-view .blocked').count()).resolves.toBe(0);
    expect(await publicStarts()).toContain(berlin('12:00'));
  });

  it('threw nothing', () => {
    expect(problems).toEqual([]);
  });
});
