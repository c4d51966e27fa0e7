/**
 * The hosted site end to end, as its people use it: the real server on 127.0.0.1 (seeded with the demo
 * directory), the built site, headless Chromium. A new provider signs up and onboards; a customer finds them by
 * search, books through the widget and sees it in "My appointments"; the provider sees it on the dashboard and
 * completes it; the customer reviews it and the review shows on the profile. A screenshot of each main page is
 * saved to tests/.artifacts/screenshots/ for people to look at (not compared).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../server/seed/seed-demo.js';
import { widgetRoutes } from '../../server/widget/widget.routes.js';
import { chromePath, chromiumArgs, reducedMotion } from '../support/chromium.mjs';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { bindFirst } from '../support/server.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'tests/.artifacts/screenshots');
const PASSWORD = 'correct horse battery staple';
const ZONE = 'Europe/Berlin';
const POLICY_TEXT = 'Late cancellations are charged half the price.';

describe('the hosted site', () => {
  let ctx: TestContext;
  const inbox = realInbox();
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let providerSide: BrowserContext;
  let customerSide: BrowserContext;
  let provider: Page;
  let customer: Page;
  /** How far the server's clock runs ahead of the real one (the test jumps past the appointment). */
  let offset = 0;
  const serverNow = () => new Date(Date.now() + offset);
  /** CSP violations, script errors and failed requests seen by any page. */
  const problems: string[] = [];
  let appointmentId = 0;
  let appointmentEnd = '';

  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  const watch = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${page.url()}: ${m.text().slice(0, 160)}`);
    });
    return page;
  };

  /** A phone-sized page without an account. */
  const phonePage = async () =>
    watch(
      await browser.newPage({
        ...reducedMotion,
        locale: 'en-GB',
        timezoneId: ZONE,
        viewport: { width: 390, height: 844 },
      }),
    );

  /** The service the onboarding test gave Kiez Barber. */
  const kiezService = () =>
    ctx.db
      .selectFrom('services')
      .innerJoin('providers', 'providers.id', 'services.provider_id')
      .select('services.id')
      .where('providers.slug', '=', 'kiez-barber')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // The pages must get what `npm run build` ships. The widget goes to a folder of our own: another test file
    // rebuilds dist/widget/ at the same time.
    const widgetDir = mkdtempSync(join(tmpdir(), 'site-e2e-widget-'));
    const buildWidget = `import { build } from 'vite'; await build({ configFile: 'widget/vite.config.ts', mode: 'production', logLevel: 'warn', build: { outDir: process.argv[1], emptyOutDir: true } });`;
    execFileSync(process.execPath, ['--input-type=module', '-e', buildWidget, widgetDir], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    execFileSync(process.execPath, ['site/build.mjs'], { cwd: root, stdio: 'pipe' });

    const server = await bindFirst();
    close = server.close;
    base = server.url;
    ctx = await createTestContext({ config: { appUrl: base }, deps: { now: serverNow } });
    await seedDemoData(ctx.db, new Date());
    const app = new Hono().route('/', widgetRoutes({ distDir: widgetDir })).route('/', ctx.app);
    server.serve(app);

    browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
    const options = { ...reducedMotion, locale: 'en-GB', timezoneId: ZONE, viewport: { width: 1280, height: 900 } };
    providerSide = await browser.newContext(options);
    customerSide = await browser.newContext({
      ...options,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    provider = watch(await providerSide.newPage());
    customer = watch(await customerSide.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    await ctx?.db.destroy();
  });

  it('a new provider signs up, completes onboarding and sees their booking link', async () => {
    await provider.goto(`${base}/signup?as=provider`);
    await provider.getByLabel('Your name').fill('Kai Barber');
    await provider.getByLabel('Email').fill('kai@kiez-barber.test');
    await provider.getByLabel('Password').fill(PASSWORD);
    await provider.getByRole('button', { name: 'Create account' }).click();
    await provider.waitForURL(`${base}/admin/onboarding`);

    await provider.getByLabel('Business name').fill('Kiez Barber');
    await expect(provider.getByLabel('Page address').inputValue()).resolves.toBe('kiez-barber');
    await provider.getByRole('textbox', { name: /^Category/ }).fill('Barber');
    await provider.getByRole('textbox', { name: /^City/ }).fill('Hamburg');
    await provider.getByRole('textbox', { name: /^Address/ }).fill('Schanzenstraße 5, 20357 Hamburg');
    await provider.getByRole('textbox', { name: /^Phone/ }).fill('+49 40 1234567');
    await provider.getByLabel('Description').fill('Fades, beard trims and hot towel shaves in the Schanze.');
    await provider.getByLabel('Time zone').selectOption(ZONE);
    await provider.getByRole('button', { name: 'Save and continue' }).click();

    await provider.getByRole('heading', { name: 'Add your first service' }).waitFor();
    await provider.getByLabel('Service name').fill('Skin fade');
    await provider.getByLabel('Duration').selectOption('30');
    await provider.getByLabel('Price').fill('25');
    await provider.getByRole('button', { name: 'Save and continue' }).click();

    await provider.getByRole('heading', { name: 'When are you open?' }).waitFor();
    // Open every day, so the test finds free times whatever day it runs on.
    for (const day of ['Saturday', 'Sunday']) {
      await provider.getByRole('group', { name: day }).getByLabel('Open').check();
    }
    await provider.getByRole('button', { name: 'Save and continue' }).click();

    // Booking rules in hours and days, with defaults; the cut-off and the policy customers see.
    await provider.getByRole('heading', { name: 'How customers book and cancel' }).waitFor();
    await expect(provider.getByLabel('Minimum notice', { exact: true }).inputValue()).resolves.toBe('1');
    await expect(provider.getByLabel('Minimum notice: unit').inputValue()).resolves.toBe('hours');
    await expect(provider.getByLabel('Cancel or reschedule online until', { exact: true }).inputValue()).resolves.toBe(
      '1',
    );
    await expect(provider.getByLabel('Cancel or reschedule online until: unit').inputValue()).resolves.toBe('days');
    await provider.getByLabel(/^Your policy for customers/).fill(POLICY_TEXT);
    await shot(provider, 'admin-onboarding-rules');
    await provider.getByRole('button', { name: 'Save and finish' }).click();

    await provider
      .getByRole('heading', { name: 'You’re ready to take bookings' })
      .or(provider.getByRole('heading', { name: "You're ready to take bookings" }))
      .waitFor();
    await expect(provider.locator('[data-booking-link]').textContent()).resolves.toBe(`${base}/p/kiez-barber`);
    await expect(provider.locator('book-onboarding pre').textContent()).resolves.toContain(
      '<book-services provider="kiez-barber"></book-services>',
    );
    await shot(provider, 'admin-onboarding-done');

    const row = await ctx.db
      .selectFrom('providers')
      .selectAll()
      .where('slug', '=', 'kiez-barber')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: 'Kiez Barber',
      city: 'Hamburg',
      time_zone: ZONE,
      min_notice_minutes: 60,
      change_cutoff_hours: 24,
      policy_text: POLICY_TEXT,
    });
    // The directory lists the business once its owner's address is confirmed, and onboarding says so.
    await expect(provider.locator('book-onboarding [data-directory-note]').textContent()).resolves.toContain(
      'confirm your email address',
    );
    await ctx.db
      .updateTable('users')
      .set({ email_verified_at: new Date().toISOString() })
      .where('id', '=', row.user_id)
      .execute();
  });

  it('a customer finds them by search, books, and sees the appointment in "My appointments"', async () => {
    await customer.goto(`${base}/signup`);
    await customer.getByLabel('Name', { exact: true }).fill('Petra Kunde');
    await customer.getByLabel('Email').fill('petra@example.com');
    await customer.getByLabel('Password').fill(PASSWORD);
    await customer.getByRole('button', { name: 'Create account' }).click();
    await customer.waitForURL(`${base}/account`);

    await customer.goto(`${base}/`);
    await shot(customer, 'directory-phone');
    await customer.getByLabel('Search').fill('barber');
    await customer.getByRole('button', { name: 'Search' }).click();
    await customer.waitForURL(/\?q=barber/);
    // Choosing a filter searches at once.
    await customer.getByLabel('City').selectOption('Hamburg');
    await customer.waitForURL(/\?q=barber&category=&city=Hamburg/);
    const card = customer.locator('.card', { hasText: 'Kiez Barber' });
    await expect(card.locator('.next').textContent()).resolves.toMatch(
      /Next available: \w{3} \d{1,2} \w{3}, \d\d:\d\d/,
    );
    await expect(customer.locator('.card').count()).resolves.toBe(1);
    await card.getByRole('link', { name: 'Kiez Barber', exact: true }).click();
    await customer.waitForURL(`${base}/p/kiez-barber`);
    await expect(customer.title()).resolves.toBe('Kiez Barber — Barber in Hamburg · Book your services');

    // The profile's booking is the widget itself.
    await customer.getByRole('button', { name: /Skin fade/ }).click();
    // It opens on the first free day, with that day's times.
    await customer.getByRole('heading', { name: 'Choose a time' }).waitFor();
    await customer.locator('book-times li button').first().click();
    // Signed in: the details come prefilled from the account.
    await expect(customer.getByLabel('Name').inputValue()).resolves.toBe('Petra Kunde');
    await expect(customer.getByLabel('Email').inputValue()).resolves.toBe('petra@example.com');
    const booked = customer.evaluate(
      () =>
        new Promise<{ id: number; end: string }>((resolve) =>
          document.addEventListener('book-booked', (e) => resolve((e as CustomEvent).detail), { once: true }),
        ),
    );
    await customer.getByRole('button', { name: 'Confirm booking' }).click();
    ({ id: appointmentId, end: appointmentEnd } = await booked);
    await customer.getByRole('heading', { name: /booked/ }).waitFor();

    // Booked with the session: the appointment belongs to the account.
    const row = await ctx.db
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', appointmentId)
      .executeTakeFirstOrThrow();
    expect(row.customer_user_id).not.toBeNull();

    await customer.goto(`${base}/account`);
    const upcoming = customer.locator('book-my-appointments section', {
      has: customer.getByRole('heading', { name: 'Upcoming' }),
    });
    await upcoming.getByRole('heading', { name: 'Skin fade' }).waitFor();
    await expect(upcoming.getByRole('link', { name: 'Kiez Barber' }).count()).resolves.toBe(1);
    await expect(upcoming.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href')).resolves.toBe(
      `/api/bookings/${appointmentId}/calendar.ics`,
    );
    await shot(customer, 'account-appointments-phone');
  });

  it('a customer searching "Friseur" finds Studio Anna, and the card’s next free time opens that day', async () => {
    const page = watch(await customerSide.newPage());
    await page.goto(`${base}/?q=Friseur`);
    // A German word for a hairdresser: the salon, and the barber too, but not the physio, yoga or dentist.
    const names = await page.locator('.card h2').allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(['Kiez Barber', 'Studio Anna']);
    const card = page.locator('.card', { hasText: 'Studio Anna' });
    await expect(card.locator('.price').textContent()).resolves.toBe('from €18');
    await expect(card.locator('.logo').textContent()).resolves.toBe('S'); // no logo uploaded: the initial
    await expect(card.getByRole('link', { name: 'Book Studio Anna' }).getAttribute('href')).resolves.toBe(
      '/p/studio-anna/book',
    );
    await shot(page, 'directory-search-phone');
    const next = card.locator('.next a');
    const day = /[?&]date=(\d{4}-\d{2}-\d{2})$/.exec((await next.getAttribute('href')) ?? '')?.[1];
    expect(day).toBeTruthy();
    const promised = ((await next.textContent()) ?? '').trim().slice(-5); // "Tue 1 Dec, 10:00" → "10:00"
    await next.click();
    await page.waitForURL(/\/p\/studio-anna\/book\/\d+\?date=/);
    const widget = page.locator('book-services');
    await widget.getByRole('heading', { name: 'Choose a time' }).waitFor();
    await expect(widget.locator('book-times').getAttribute('date')).resolves.toBe(day);
    // The browser is in Berlin like the salon: the first time of the day is the one the card promised.
    await expect(widget.locator('book-times li button').first().textContent()).resolves.toContain(promised);
    await page.close();
  });

  it('"My appointments" shows each time in the zone it happens in, saying which', async () => {
    // A class in Sydney for the same customer (booked as a guest, then linked to her account as a signed-in booking is).
    const yoga = await ctx.db
      .selectFrom('services')
      .innerJoin('providers', 'providers.id', 'services.provider_id')
      .select('services.id')
      .where('providers.slug', '=', 'harbour-yoga')
      .where('services.name', '=', 'Private class')
      .executeTakeFirstOrThrow();
    const first = await call(ctx, 'GET', `/api/providers/harbour-yoga/next-available?service=${yoga.id}`);
    const res = await call(ctx, 'POST', '/api/bookings', {
      body: {
        provider: 'harbour-yoga',
        service: yoga.id,
        start: first.body.slot.start,
        customer: { name: 'Petra Kunde', email: 'petra@example.com' },
      },
    });
    expect(res.status).toBe(201);
    const petra = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'petra@example.com')
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('appointments')
      .set({ customer_user_id: petra.id })
      .where('id', '=', res.body.booking.id)
      .execute();

    await customer.goto(`${base}/account`);
    const when = (service: string) =>
      customer
        .locator('book-my-appointments li', { has: customer.getByRole('heading', { name: service }) })
        .locator('.when');
    const clock = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    await expect(when('Private class').textContent()).resolves.toContain(
      `${clock(first.body.slot.start, 'Australia/Sydney')}–${clock(first.body.slot.end, 'Australia/Sydney')} Sydney time`,
    );
    // The customer's browser is in Berlin: the Sydney class is not shown in Berlin time.
    await expect(when('Private class').textContent()).resolves.not.toContain(clock(first.body.slot.start, ZONE));
    await expect(when('Skin fade').textContent()).resolves.toMatch(/Berlin time$/);
    await expect(customer.getByText(/Times are shown in/).count()).resolves.toBe(0);
  });

  it('the provider sees it on the dashboard, in the list and the week view', async () => {
    await provider.goto(`${base}/admin`);
    const item = provider.locator(`a[href="/admin/appointments/${appointmentId}"]`).first();
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Petra Kunde');
    await expect(item.textContent()).resolves.toContain('Skin fade');
    await shot(provider, 'admin-dashboard');

    await provider.getByRole('button', { name: 'Week', exact: true }).click();
    const start = await ctx.db
      .selectFrom('appointments')
      .select('start_at')
      .where('id', '=', appointmentId)
      .executeTakeFirstOrThrow();
    // The week the appointment is in (it may be next week).
    if (!(await provider.locator(`book-week-view a[href="/admin/appointments/${appointmentId}"]`).isVisible())) {
      await provider.getByRole('button', { name: 'Next week' }).click();
    }
    await provider.locator(`book-week-view a[href="/admin/appointments/${appointmentId}"]`).waitFor();
    expect(start.start_at).toBeTruthy();
    await shot(provider, 'admin-week');

    // Moving it starts from where it is: the booked month, the booked day marked.
    await provider.goto(`${base}/admin/appointments/${appointmentId}`);
    await provider.getByRole('button', { name: 'Reschedule' }).click();
    const picker = provider.locator('book-reschedule book-calendar');
    const bookedDay = new Date(start.start_at).toLocaleDateString('sv', { timeZone: ZONE });
    await expect(picker.locator('button.booked').getAttribute('data-date')).resolves.toBe(bookedDay);
    await expect(picker.getAttribute('month')).resolves.toBe(bookedDay.slice(0, 7));
    await provider.getByRole('button', { name: 'Keep the current time' }).click();
  });

  it('after completion the customer leaves a review that shows on the profile', async () => {
    // Jump past the appointment, on the server and in both browsers.
    const later = new Date(Date.parse(appointmentEnd) + 5 * 60_000);
    offset = later.getTime() - Date.now();
    await providerSide.clock.setFixedTime(later);
    await customerSide.clock.setFixedTime(later);

    await provider.goto(`${base}/admin`);
    await provider.getByRole('heading', { name: 'To close' }).waitFor();
    await provider.locator(`a[href="/admin/appointments/${appointmentId}"]`).first().click();
    await provider.waitForURL(`${base}/admin/appointments/${appointmentId}`);
    // The customer's contact is shown here (and only in the admin).
    await provider.getByRole('link', { name: 'petra@example.com' }).waitFor();
    await provider.getByRole('button', { name: 'Mark completed' }).click();
    await provider.getByText('Marked as completed.').waitFor();
    await shot(provider, 'admin-appointment');

    await customer.goto(`${base}/account`);
    await customer.getByRole('button', { name: 'Leave a review for Kiez Barber' }).click();
    await customer.locator('label[for="star-5"]').click();
    await customer.getByLabel('Your review').fill('Quick, friendly and a perfect fade.');
    await customer.getByRole('button', { name: 'Publish review' }).click();
    await customer
      .getByText('Thanks! Your review is on Kiez Barber’s page.')
      .or(customer.getByText("Thanks! Your review is on Kiez Barber's page."))
      .waitFor();

    await customer.goto(`${base}/p/kiez-barber`);
    const review = customer.locator('.review').first();
    await expect(review.textContent()).resolves.toContain('Petra K.');
    await expect(review.textContent()).resolves.toContain('Quick, friendly and a perfect fade.');
    await expect(review.textContent()).resolves.not.toContain('Kunde');
    await expect(customer.locator('.review-summary').textContent()).resolves.toMatch(/5\.0.*1 review/s);
    await shot(customer, 'profile-phone');
  });

  it('confirms the customer’s email through the link in their real inbox, never shown in "My emails"', async () => {
    ctx.clock.now = serverNow();
    await inbox.deliver(ctx);
    await customer.goto(`${base}/account/emails`);
    await customer.locator('book-mailbox details').first().waitFor();
    await expect(
      customer.locator('book-mailbox details', { hasText: 'Confirm your email address' }).count(),
    ).resolves.toBe(0);
    const token = inbox.token('petra@example.com', '/verify-email');
    await customer.goto(`${base}/verify-email?token=${encodeURIComponent(token)}`);
    await customer.getByText('Thanks, your email address is confirmed.').waitFor();
    await customer.goto(`${base}/account`);
    await expect(customer.getByText('Confirm your email address.').count()).resolves.toBe(0);
  });

  it('a customer who forgot their password sets a new one from the emailed link and signs in with it', async () => {
    const signup = await call(ctx, 'POST', '/api/auth/signup', {
      body: { email: 'rita@example.com', password: PASSWORD, name: 'Rita Reset', role: 'customer' },
    });
    expect(signup.status).toBe(201);
    const page = await phonePage();
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(`${base}/forgot-password`);
    await page.getByLabel('Email').fill('rita@example.com');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page
      .getByText('If rita@example.com has an account, a link to choose a new password is on its way.')
      .waitFor();
    await shot(page, 'forgot-password-phone');

    ctx.clock.now = serverNow();
    await inbox.deliver(ctx);
    const token = inbox.token('rita@example.com', '/reset-password');
    await page.goto(`${base}/reset-password?token=${encodeURIComponent(token)}`);
    await page.getByLabel('New password').fill('rita’s brand new passphrase');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your new password is set').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.waitForURL(`${base}/login`);
    await page.getByLabel('Email').fill('rita@example.com');
    await page.getByLabel('Password').fill('rita’s brand new passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/account`);
    await page.close();
  });

  it('offers the customer their data as a download, and a way to delete the account', async () => {
    await customer.goto(`${base}/account/settings`);
    const download = customer.getByRole('link', { name: 'Download my data' });
    await expect(download.getAttribute('href')).resolves.toBe('/api/me/export');
    const exported = await customer.request.get(`${base}/api/me/export`);
    expect(exported.status()).toBe(200);
    expect((await exported.json()).account.email).toBe('petra@example.com');
    await customer.getByRole('button', { name: 'Delete my account' }).waitFor();
  });

  it('signs out, and signs back in to where the customer was going', async () => {
    await customer.goto(`${base}/account`);
    await customer.getByRole('button', { name: 'Sign out' }).click();
    await customer.waitForURL(`${base}/`);
    await customer.getByRole('link', { name: 'Sign in' }).waitFor();
    await customer.goto(`${base}/account/emails`);
    await customer.waitForURL(`${base}/login?next=%2Faccount%2Femails`);
    await customer.getByLabel('Email').fill('petra@example.com');
    await customer.getByLabel('Password').fill('wrong password');
    await customer.getByRole('button', { name: 'Sign in' }).click();
    await customer.getByText('Wrong email or password').waitFor();
    await customer.getByLabel('Password').fill(PASSWORD);
    await customer.getByRole('button', { name: 'Sign in' }).click();
    await customer.waitForURL(`${base}/account/emails`);
    await customer.getByRole('heading', { name: 'My emails' }).waitFor();
  });

  it('a guest books through a direct link and manages the booking from the manage link', async () => {
    const guest = await phonePage();
    // The server's clock has jumped ahead: the guest's browser must agree on what today is.
    await guest.clock.setFixedTime(serverNow());
    const service = await kiezService();
    await guest.goto(`${base}/p/kiez-barber/book/${service.id}`);
    await expect(guest.title()).resolves.toBe('Book Skin fade at Kiez Barber · Book your services');
    // The service is preset: the widget opens at the calendar and the times.
    await guest.getByRole('heading', { name: 'Choose a time' }).waitFor();
    // Next month always has free days (bookable 60 days ahead); late on a month's last day, this one has none.
    await guest.getByRole('button', { name: 'Next month' }).click();
    await guest.locator('book-calendar [data-date].free').first().click();
    await guest.locator('book-times li button').first().click();
    await guest.getByLabel('Name').fill('Gustav Gast');
    await guest.getByLabel('Email').fill('gustav@example.com');
    await guest.getByRole('button', { name: 'Confirm booking' }).click();
    const manage = guest.locator('book-confirmation [part="manage-link"]');
    const href = await manage.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${base}/manage/\\d+\\?token=`));

    await guest.goto(href!);
    await guest.getByRole('heading', { name: 'Skin fade at Kiez Barber' }).waitFor();
    await guest.locator('book-manage').getByText('Confirmed').first().waitFor();
    await guest
      .locator('book-mailbox')
      .getByText(/Booking confirmed: Skin fade at Kiez Barber/)
      .waitFor();
    await expect(guest.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href')).resolves.toContain(
      '/calendar.ics?token=',
    );
    await shot(guest, 'manage-phone');

    const id = Number(/manage\/(\d+)/.exec(href!)![1]);
    const booked = await ctx.db
      .selectFrom('appointments')
      .select('start_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const bookedDay = new Date(booked.start_at).toLocaleDateString('sv', { timeZone: ZONE });
    await guest.getByRole('button', { name: 'Reschedule' }).click();
    // The picker opens on the booked month, the booked day marked (and chosen, its other times listed).
    const picker = guest.locator('book-reschedule book-calendar');
    await expect(picker.getAttribute('month')).resolves.toBe(bookedDay.slice(0, 7));
    await expect(picker.locator('button.booked').getAttribute('data-date')).resolves.toBe(bookedDay);
    await expect(picker.locator('button.booked').getAttribute('aria-label')).resolves.toMatch(/your current booking$/);
    await picker.locator('td[aria-selected=true] button.booked').waitFor();
    await guest.locator('book-reschedule book-calendar [data-date].free').first().click();
    await guest.locator('book-reschedule book-times li button').last().click();
    await guest.getByRole('button', { name: /^Move to / }).click();
    await guest.getByText(/^Moved to /).waitFor();

    await guest.getByRole('button', { name: 'Cancel booking' }).click();
    await guest.getByRole('button', { name: 'Yes, cancel' }).click();
    await guest.getByText('Your booking is cancelled.').waitFor();
    await guest.locator('book-manage').getByText('Cancelled').first().waitFor();
    const row = await ctx.db
      .selectFrom('appointments')
      .select(['status', 'sequence', 'cancelled_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', sequence: 2, cancelled_by: 'customer' });

    await guest.getByRole('button', { name: 'Erase my details' }).click();
    await guest.getByRole('button', { name: 'Yes, erase my details' }).click();
    await guest.getByText('Your details are erased from this booking.').first().waitFor();
    const erased = await ctx.db
      .selectFrom('appointments')
      .select(['customer_name', 'customer_email'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(erased).toEqual({ customer_name: 'Former customer', customer_email: '' });
    await guest.close();
    // A wrong token is the same as no booking (the page's 404 from the API is expected here, so it is not watched).
    const stranger = await browser.newPage(reducedMotion);
    await stranger.goto(`${base}/manage/${id}?token=wrong`);
    await stranger.getByText('We could not find this booking.').waitFor();
    await stranger.close();
  });

  it('past the cut-off, the manage page offers only contacting the business, and the API refuses a cancel', async () => {
    // Any free time in the next day is inside Kiez Barber's 24-hour cut-off (open 09:00–17:00 every day).
    const service = await kiezService();
    const today = serverNow().toLocaleDateString('sv-SE', { timeZone: ZONE });
    const tomorrow = new Date(serverNow().getTime() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: ZONE });
    const slots = await call(
      ctx,
      'GET',
      `/api/providers/kiez-barber/slots?service=${service.id}&from=${today}&to=${tomorrow}&tz=${ZONE}`,
    );
    const first = slots.body.slots[0] as { start: string };
    expect(Date.parse(first.start) - serverNow().getTime()).toBeLessThan(24 * 3_600_000);

    const guest = await phonePage();
    await guest.clock.setFixedTime(serverNow());
    // The site's booking page is the widget: the policy is there before confirming and on the confirmation.
    await guest.goto(`${base}/p/kiez-barber/book/${service.id}`);
    await guest.getByRole('heading', { name: 'Choose a time' }).waitFor();
    const day = new Date(first.start).toLocaleDateString('sv-SE', { timeZone: ZONE });
    await guest.locator('book-calendar [data-date]').first().waitFor();
    if (!(await guest.locator(`book-calendar [data-date="${day}"]`).count()))
      await guest.getByRole('button', { name: 'Next month' }).click();
    await guest.locator(`book-calendar [data-date="${day}"].free`).click();
    await guest.locator('book-times li button').first().click();
    const policy = guest.locator('book-details book-policy [part=policy]');
    await expect(policy.textContent()).resolves.toContain(
      'You can cancel or reschedule online up to 1 day before the appointment.',
    );
    await expect(policy.textContent()).resolves.toContain(POLICY_TEXT);
    await guest.getByLabel('Name').fill('Lena Late');
    await guest.getByLabel('Email').fill('lena@example.com');
    await guest.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(guest.locator('book-confirmation book-policy [part=policy]').textContent()).resolves.toContain(
      POLICY_TEXT,
    );
    const href = (await guest.locator('book-confirmation [part="manage-link"]').getAttribute('href'))!;
    const id = Number(/manage\/(\d+)/.exec(href)![1]);
    const token = new URL(href).searchParams.get('token')!;

    await guest.goto(href);
    await guest.getByRole('heading', { name: 'Skin fade at Kiez Barber' }).waitFor();
    const contact = guest.locator('book-contact-business');
    await contact.getByText('It is too late to cancel or reschedule online').waitFor();
    await expect(contact.getByRole('link', { name: 'Call +49 40 1234567' }).getAttribute('href')).resolves.toBe(
      'tel:+49401234567',
    );
    await expect(contact.getByRole('link', { name: 'Email kai@kiez-barber.test' }).getAttribute('href')).resolves.toBe(
      'mailto:kai@kiez-barber.test',
    );
    await expect(contact.locator('input, textarea, form').count()).resolves.toBe(0);
    await expect(guest.getByRole('button', { name: 'Reschedule' }).count()).resolves.toBe(0);
    await expect(guest.getByRole('button', { name: 'Cancel booking' }).count()).resolves.toBe(0);
    await expect(guest.locator('book-manage book-policy [part=policy]').textContent()).resolves.toContain(POLICY_TEXT);
    await shot(guest, 'manage-after-cutoff-phone');
    await guest.close();

    // Straight to the API with the manage link's token: refused, with the reason.
    const refused = await fetch(`${base}/api/bookings/${id}/cancel`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify({ token }),
    });
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('cancellation_cutoff_passed');
    expect(error.message).toMatch(
      /^Kiez Barber lets customers cancel or reschedule online up to 1 day before the appointment \(until .+ Europe\/Berlin\)\. It can no longer be cancelled online: please contact Kiez Barber\.$/,
    );
    const row = await ctx.db.selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
  });

  it('saves a screenshot of each main page', async () => {
    const desktop = watch(
      await customerSide
        .browser()!
        .newPage({ ...reducedMotion, locale: 'en-GB', timezoneId: ZONE, viewport: { width: 1280, height: 900 } }),
    );
    await desktop.clock.setFixedTime(serverNow()); // the server's clock has jumped ahead
    for (const [path, name] of [
      ['/', 'directory'],
      ['/p/studio-anna', 'profile'],
      [`/p/kiez-barber/book`, 'booking-link'],
      ['/login', 'login'],
      ['/demo/embed', 'widget'],
    ] as const) {
      await desktop.goto(base + path);
      const widget = desktop.locator('book-services').first();
      if (name === 'profile' || name === 'booking-link') {
        await widget
          .getByRole('heading', { name: 'Choose a service' })
          .or(widget.getByRole('heading', { name: 'Choose a time' }))
          .waitFor();
      }
      if (name === 'widget') {
        // The embed at its most telling step: the first free day's month beside that day's times.
        await widget.getByRole('button', { name: /Haircut/ }).click();
        // Studio Anna's stylists all cut hair: who, then when.
        await widget.getByRole('heading', { name: 'Choose a team member' }).waitFor();
        await shot(desktop, 'widget-team');
        await widget.getByRole('button', { name: /Any available/ }).click();
        await widget.getByRole('heading', { name: 'Choose a time' }).waitFor();
        await widget.locator('book-times li button').first().waitFor();
      }
      await shot(desktop, name);
    }
    await desktop.close();
    for (const [path, name] of [
      ['/admin/services', 'admin-services'],
      ['/admin/schedule', 'admin-schedule'],
      ['/admin/profile', 'admin-profile'],
      ['/admin/reviews', 'admin-reviews'],
      ['/admin/emails', 'admin-emails'],
      ['/admin/calendar', 'admin-calendar'],
      ['/admin/embed', 'admin-embed'],
    ] as const) {
      await provider.goto(base + path);
      await provider
        .locator('.loading')
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await provider.waitForLoadState('networkidle');
      await shot(provider, name);
    }
    await customer.goto(`${base}/account/emails`);
    await shot(customer, 'account-emails-phone');
  });

  it('pages do not shift as they load, and pass an accessibility audit', async () => {
    // Layout shifts as the browser measures them (CLS); 0.1 is the "good" threshold.
    // Once the network is idle, two frames are painted (any shift is measured in the frame it happens in), then the
    // shifts the observer has queued but not yet delivered are taken too: no fixed wait for its callback.
    const measure = async (page: Page, path: string) => {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      return page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve((window as unknown as { __cls: () => number }).__cls())),
            ),
          ),
      );
    };
    const visitor = watch(
      await browser.newPage({
        ...reducedMotion,
        locale: 'en-GB',
        timezoneId: ZONE,
        viewport: { width: 390, height: 844 },
      }),
    );
    await visitor.addInitScript(() => {
      let cls = 0;
      const add = (entries: PerformanceEntryList) => {
        for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) cls += entry.value;
        }
      };
      const observer = new PerformanceObserver((list) => add(list.getEntries()));
      observer.observe({ type: 'layout-shift', buffered: true });
      (window as unknown as { __cls: () => number }).__cls = () => {
        add(observer.takeRecords());
        return cls;
      };
    });
    for (const path of ['/', '/p/studio-anna', '/p/kiez-barber/book', '/login']) {
      expect(await measure(visitor, path), path).toBeLessThan(0.1);
    }
    await visitor.close();

    // axe-core (the engine behind the widget's component audits), injected into each page: no serious or
    // critical WCAG 2 A/AA violations. Injecting a script needs the CSP bypassed, in this context only.
    const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const audit = await browser.newContext({
      ...reducedMotion,
      bypassCSP: true,
      locale: 'en-GB',
      timezoneId: ZONE,
      viewport: { width: 1280, height: 900 },
    });
    const login = (email: string) =>
      audit.request.post(`${base}/api/auth/login`, { data: { email, password: PASSWORD }, headers: { origin: base } });
    const page = await audit.newPage();
    const violations: string[] = [];
    const check = async (path: string) => {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.addScriptTag({ path: axeSource });
      const found = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                c: unknown,
                o: unknown,
              ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target)).slice(0, 200)}`);
      });
      violations.push(...found.map((v) => `${path} ${v}`));
    };
    for (const path of [
      '/',
      '/p/studio-anna',
      '/p/kiez-barber/book',
      '/login',
      '/signup?as=provider',
      '/forgot-password',
    ])
      await check(path);
    expect((await login('petra@example.com')).status()).toBe(200);
    for (const path of ['/account', '/account/emails']) await check(path);
    expect((await login('kai@kiez-barber.test')).status()).toBe(200);
    for (const path of [
      '/admin',
      `/admin/appointments/${appointmentId}`,
      '/admin/services',
      '/admin/schedule',
      '/admin/profile',
      '/admin/embed',
    ])
      await check(path);
    await audit.close();
    expect(violations).toEqual([]);
  });

  it('no page broke its CSP or threw', () => {
    // The one error the story causes on purpose: the wrong password's 401.
    const wrongPassword = /\/login\?next=%2Faccount%2Femails: Failed to load resource: .* 401/;
    // Not the site's either: Playwright runs its own helper scripts in every frame, and Chromium reports them blocked
    // in the email frames, which are sandboxed without scripts on purpose; whether Playwright tried while such a frame
    // was open depends on timing (microsoft/playwright#33343).
    const playwrightInEmailFrame = /Blocked script execution in '[^']*\/emails\/\d+\/html\b/;
    expect(problems.filter((p) => !wrongPassword.test(p) && !playwrightInEmailFrame.test(p))).toEqual([]);
  });
});
