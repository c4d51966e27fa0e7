/**
 * Recurring appointments end to end in a browser, against the real server and a real SMTP inbox: the owner lets
 * customers book a service as a repeating series in the admin's service form; a customer books four weekly dates
 * (through the API, as the widget does); they open the manage link from the confirmation email on a phone (360 px
 * wide: the page must fit), reach the second date from the list of the series' dates, and there cancel it and every
 * following one.
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
// series starts on the Friday after, open every day, so no weekend or notice period is in the way.
const real = new Date();
const wednesday = new Date(
  Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate() + ((3 - real.getUTCDay() + 7) % 7 || 7), 3),
);
const FRIDAY = DateTime.fromJSDate(wednesday, { zone: 'UTC' }).plus({ days: 2 }).toISODate()!;
const berlin = (time: string) => DateTime.fromISO(`${FRIDAY}T${time}`, { zone: ZONE }).toUTC().toISO()!;

describe('recurring appointments in the browser', () => {
  const clock = shiftedClock(wednesday.toISOString());
  const inbox = realInbox();
  let ctx: TestContext;
  let owner: ProviderFixture;
  let ownerEmail = '';
  let base = '';
  let close: () => Promise<void>;
  let browser: Browser;
  const problems: string[] = [];

  const newPage = async (viewport: { width: number; height: number }, phone = false): Promise<Page> => {
    const context = await browser.newContext({
      ...reducedMotion,
      locale: 'en-GB',
      timezoneId: ZONE,
      viewport,
      ...(phone && { isMobile: true, hasTouch: true }),
    });
    await context.addInitScript(clock.script);
    return watchProblems(await context.newPage(), problems);
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const siteDir = buildSiteToTempDir('recurring-e2e-site');
    const server = await bindFirst();
    close = server.close;
    base = server.url;
    ctx = await createTestContext({ config: { appUrl: base }, deps: { now: clock.now, siteDistDir: siteDir } });
    // Set up through the admin API as our own site on its usual address calls it (the CSRF check wants that origin).
    const setup = { ...ctx, app: createApp({ db: ctx.db, config: testConfig(), now: clock.now }) };
    owner = await createProvider(setup, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    ownerEmail = (
      await ctx.db.selectFrom('users').select('email').where('id', '=', owner.userId).executeTakeFirstOrThrow()
    ).email;
    server.serve(ctx.app);
    browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    await ctx?.db.destroy();
  });

  it('the owner offers a series; the customer cancels the second date and all following from the emailed link', async () => {
    // The owner turns the setting on in the service form: weekly or every two weeks, up to 8 dates (the default).
    const admin = await newPage({ width: 1280, height: 900 });
    await admin.goto(`${base}/login?next=%2Fadmin%2Fservices`);
    await admin.getByLabel('Email').fill(ownerEmail);
    await admin.getByLabel('Password').fill('correct horse battery');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(`${base}/admin/services`);
    const editor = admin.locator('book-services-editor');
    await editor.getByRole('button', { name: 'Edit Consultation' }).click();
    await editor.getByLabel('Customers may book this as a repeating series').check();
    await expect(editor.getByLabel('Most appointments in a series').inputValue()).resolves.toBe('8');
    await editor.getByLabel('Every 2 weeks').check();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByRole('status').filter({ hasText: 'Saved Consultation.' }).waitFor();
    const services = await call(ctx, 'GET', '/api/admin/services', { session: owner.session });
    expect(services.body.services[0].repeat).toEqual({ maxCount: 8, everyWeeks: [1, 2] });

    // Four weekly dates from Friday 10:00, booked as the widget books them.
    const res = await call(ctx, 'POST', '/api/bookings/series', {
      body: {
        provider: owner.slug,
        service: owner.serviceId,
        start: berlin('10:00'),
        customer: { name: 'Rita Repeat', email: 'rita@example.com' },
        timeZone: ZONE,
        everyWeeks: 1,
        count: 4,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const bookings = res.body.bookings as { id: number }[];
    expect(bookings).toHaveLength(4);

    // One confirmation email for the series, with its manage link.
    ctx.clock.now = clock.now();
    await inbox.deliver(ctx);
    const links = inbox
      .of('rita@example.com')
      .flatMap((e) => [...(e.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0])))
      .filter((url) => url.pathname.startsWith('/manage/'));
    expect(links).toHaveLength(1);
    const token = links[0]!.searchParams.get('token')!;

    // The link opens an occurrence of the series; the series' one token opens each of its dates, the second too.
    const phone = await newPage({ width: 360, height: 740 }, true);
    await phone.goto(links[0]!.href);
    await phone.getByText(/^Appointment \d of 4 · every week$/).waitFor();
    // Its page lists every date of the series; the second date's own page is one tap away, with the same token.
    const dates = phone.locator('book-series-dates');
    await expect(dates.locator('li').count()).resolves.toBe(4);
    await dates.locator(`a[href="/manage/${bookings[1]!.id}?token=${encodeURIComponent(token)}"]`).click();
    await phone.waitForURL(`${base}/manage/${bookings[1]!.id}?token=${encodeURIComponent(token)}`);
    await phone.getByText('Appointment 2 of 4 · every week').waitFor();
    await expect(dates.locator('li[aria-current=true]').getAttribute('value')).resolves.toBe('2');
    await phone.getByRole('button', { name: 'Cancel booking' }).click();
    await phone.getByLabel('This and all following dates (appointments 2 to 4)').check();
    expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: join(shots, 'recurring-cancel-following-phone.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Yes, cancel' }).click();
    await phone
      .getByRole('status')
      .filter({ hasText: '3 appointments are cancelled: this date and the following ones.' })
      .waitFor();
    // The page lists the series anew: the first date still on, this one and the following cancelled.
    await expect
      .poll(() => dates.locator('.badge').allTextContents())
      .toEqual(['Confirmed', 'Cancelled', 'Cancelled', 'Cancelled']);

    const rows = await ctx.db
      .selectFrom('appointments')
      .select(['series_index', 'status'])
      .where('series_id', '=', res.body.series.id)
      .orderBy('series_index')
      .execute();
    expect(rows.map((r) => [r.series_index, r.status])).toEqual([
      [0, 'confirmed'],
      [1, 'cancelled'],
      [2, 'cancelled'],
      [3, 'cancelled'],
    ]);
    expect(problems).toEqual([]);
  });
});
