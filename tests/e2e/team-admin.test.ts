/**
 * The owner's team in the browser over the real server: the Team page (invite by email, the invitee joins from the
 * link and sees only their own work), then the week with a column per member and the member filter. Screenshots
 * (team-page.png, week-per-member.png) go to tests/.artifacts/screenshots for people to look at (not compared).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { DateTime } from 'luxon';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { addDays } from '../../widget/lib/dates.js';
import { freePort } from '../support/child-server.js';
import { chromePath, chromiumArgs, reducedMotion } from '../support/chromium.mjs';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { png } from '../support/images.js';
import { shiftedClock } from '../support/shifted-clock.mjs';
import { buildSiteToTempDir } from '../support/site-build.js';
import { MEMBER_PASSWORD, tokenOfInvitation } from '../support/team.js';
import { createTestContext, type TestContext, testConfig } from '../support/test-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'tests/.artifacts/screenshots');
// A Wednesday ahead of the real clock (the browser drops a session cookie whose expiry it finds past), 03:00 UTC.
const real = new Date();
const wednesday = new Date(
  Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate() + ((3 - real.getUTCDay() + 7) % 7 || 7), 3),
);

const MONDAY = addDays(wednesday.toISOString().slice(0, 10), -2);
const THURSDAY = addDays(MONDAY, 3);
const berlin = (time: string, date = THURSDAY) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Berlin' }).toUTC().toISO()!;

describe('the team in the admin', () => {
  const clock = shiftedClock(wednesday.toISOString());
  let ctx: TestContext;
  let setup: TestContext;
  let owner: ProviderFixture;
  let base = '';
  let close: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let miaId = 0;
  const problems: string[] = [];

  const newPage = async (context: BrowserContext): Promise<Page> => {
    await context.addInitScript(clock.script);
    const p = await context.newPage();
    p.on('pageerror', (e) => problems.push(`${p.url()}: ${e.message}`));
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${p.url()}: ${m.text().slice(0, 160)}`);
    });
    return p;
  };
  const desktop = () =>
    browser.newContext({
      ...reducedMotion,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1280, height: 900 },
    });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const siteDir = buildSiteToTempDir('team-admin-e2e-site');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ctx = await createTestContext({ config: { appUrl: base }, deps: { now: clock.now, siteDistDir: siteDir } });
    // Set up through the API as our own site on its usual address calls it (the CSRF check wants that origin).
    setup = { ...ctx, app: createApp({ db: ctx.db, config: testConfig(), now: clock.now }) };
    owner = await createProvider(setup, {
      profile: { name: 'Studio Anna' },
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: ctx.app.fetch, port, hostname: '127.0.0.1' }, () => resolve());
      close = () => new Promise((done) => server.close(() => done()));
    });
    browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
    page = await newPage(await desktop());
    const { email } = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    await page.goto(`${base}/login?next=%2Fadmin%2Fteam`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/admin/team`);
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    await ctx?.db.destroy();
  });

  it('invites a member by email from the Team page; they join from the link as staff, then the owner makes them an admin', async () => {
    const team = page.locator('book-team');
    await team.locator('[part=member]').first().waitFor();
    const invite = team.locator('book-invite-form');
    await invite.getByLabel('Name').fill('Mia Kovač');
    await invite.getByLabel('Email').fill('mia@example.com');
    await invite.getByLabel('Role').selectOption('staff');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await team.getByRole('status').filter({ hasText: 'Invitation sent to mia@example.com.' }).waitFor();
    await expect(team.locator('.invitations').textContent()).resolves.toContain('Mia Kovač · mia@example.com · Staff');

    const mia = await newPage(await desktop());
    await mia.goto(`${base}/join?token=${encodeURIComponent(await tokenOfInvitation(ctx, 'mia@example.com'))}`);
    const joinForm = mia.locator('book-join');
    // The page asks for the invitation once it runs: wait for its answer, not for the page's first words.
    await joinForm.locator('p').first().filter({ hasText: 'Studio Anna invites Mia Kovač' }).waitFor();
    await joinForm.getByLabel('Choose a password').fill(MEMBER_PASSWORD);
    await joinForm.getByRole('button', { name: 'Join Studio Anna' }).click();
    await mia.waitForURL(`${base}/admin`);
    const nav = mia.locator('book-admin-app nav');
    await nav.getByRole('link', { name: 'Your hours' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Services' }).count()).resolves.toBe(0);
    await mia.context().close();

    await page.reload();
    const row = team.locator('[part=member]').filter({ hasText: 'Mia Kovač' });
    await expect(row.textContent()).resolves.toMatch(/Staff[\s\S]*Joined/);

    // The owner makes her an admin, from the Team page.
    await row.getByRole('button', { name: 'Edit Mia Kovač' }).click();
    await row.locator('book-member-form').getByLabel('Role').selectOption('admin');
    await row.locator('book-member-form').getByRole('button', { name: 'Save changes' }).click();
    await team.getByRole('status').filter({ hasText: 'Saved Mia Kovač.' }).waitFor();
    await expect(row.locator('.badge').textContent()).resolves.toBe('Admin');
    const saved = ctx.db.selectFrom('team_members').select(['id', 'role']).where('email', '=', 'mia@example.com');
    const member = await saved.executeTakeFirstOrThrow();
    expect(member.role).toBe('admin');
    miaId = member.id;
    await page.screenshot({ path: join(shots, 'team-page.png'), fullPage: true });
  });

  it('fits a phone: the Team page with a pending invitation, the edit form and the departure question open', async () => {
    const team = page.locator('book-team');
    const invite = team.locator('book-invite-form');
    await invite.getByLabel('Name').fill('Leonardo Vasconcelos-Whitfield');
    await invite.getByLabel('Email').fill('leonardo.vasconcelos-whitfield@example.com');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await team.getByRole('status').filter({ hasText: 'Invitation sent' }).waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    const row = team.locator('[part=member]').filter({ hasText: 'Mia Kovač' });
    const fits = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
    await row.getByRole('button', { name: 'Edit Mia Kovač' }).click();
    await row.locator('book-member-form').getByLabel('Role').waitFor();
    expect(await fits()).toBeLessThanOrEqual(360);
    await row.locator('book-member-form').getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('button', { name: 'Remove Mia Kovač' }).click();
    await row.locator('book-member-departure').getByLabel('Who takes them').waitFor();
    expect(await fits()).toBeLessThanOrEqual(360);
    await row.locator('book-member-departure').getByRole('button', { name: 'Keep Mia Kovač' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the week with a column per member, each with their hours and appointments, and filters by member', async () => {
    // Mia works Thursday afternoons only; each of them has a walk-in that Thursday.
    const asOwner = { session: owner.session };
    const hours = await call(setup, 'PUT', `/api/admin/schedule/weekly?member=${miaId}`, {
      ...asOwner,
      body: { intervals: [{ weekday: 4, start: '13:00', end: '18:00' }] },
    });
    expect(hours.status).toBe(200);
    for (const [name, time, memberId] of [
      ['Walter Walk-in', '10:00', undefined],
      ['Wanda Walk-in', '14:00', miaId],
    ] as const) {
      const booked = await call(setup, 'POST', '/api/admin/appointments', {
        ...asOwner,
        body: { service: owner.serviceId, start: berlin(time), customer: { name }, ...(memberId && { memberId }) },
      });
      expect(booked.status, name).toBe(201);
    }

    await page.goto(`${base}/admin?view=week&week=${MONDAY}`);
    const week = page.locator('book-week-view');
    await week.locator('a.event').nth(1).waitFor();
    await expect(week.locator('.lanehead').nth(1).textContent()).resolves.toMatch(/Mia Kovač/);
    const thursday = week.locator('.day').nth(3).locator('.lane');
    await expect(thursday.nth(0).locator('a.event').textContent()).resolves.toContain('Walter Walk-in');
    await expect(thursday.nth(1).locator('a.event').textContent()).resolves.toContain('Wanda Walk-in');
    // Mia's column is open only on Thursday afternoon: no free time to click on her Monday.
    await expect(week.locator('.day').nth(0).locator('.lane').nth(1).locator('button.free').count()).resolves.toBe(0);
    await page.screenshot({ path: join(shots, 'week-per-member.png'), fullPage: true });

    await page.locator('book-dashboard').getByLabel('Team member').selectOption({ label: 'Mia Kovač' });
    await week.locator('a.event').filter({ hasText: 'Walter Walk-in' }).waitFor({ state: 'detached' });
    await expect(week.locator('a.event').textContent()).resolves.toContain('Wanda Walk-in');
    await expect(week.locator('.lanehead').count()).resolves.toBe(0);
  });

  it("uploads Mia's photo from the Team page: it shows there, on the profile's team and in the widget's member step", async () => {
    await page.goto(`${base}/admin/team`);
    const team = page.locator('book-team');
    const row = team.locator('[part=member]').filter({ hasText: 'Mia Kovač' });
    await row.locator('book-member-photo input[type=file]').setInputFiles({
      name: 'mia.png',
      mimeType: 'image/png',
      buffer: await png(600, 400, '#c05030'),
    });
    await team.getByRole('status').filter({ hasText: 'Saved the photo of Mia Kovač.' }).waitFor();
    const src = await row.locator('img.avatar').getAttribute('src');
    expect(src).toMatch(/^\/media\/[0-9a-f]{32}\.webp$/);
    // The browser really got the square photo the server made.
    await expect(
      row.locator('img.avatar').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).resolves.toBe(256);
    await expect(row.getByRole('button', { name: 'Remove photo of Mia Kovač' }).count()).resolves.toBe(1);

    const visitor = await newPage(await desktop());
    await visitor.goto(`${base}/p/${owner.slug}`);
    await expect(visitor.locator('section.team img.avatar').getAttribute('src')).resolves.toBe(src);
    await visitor.getByRole('button', { name: /Consultation/ }).click();
    await visitor.getByRole('heading', { name: 'Choose a team member' }).waitFor();
    const choice = visitor.locator('book-staff-list button').filter({ hasText: 'Mia Kovač' });
    await expect(choice.locator('img').getAttribute('src')).resolves.toBe(src);
    // The owner has no photo: initials in its place.
    const initials = visitor.locator('book-staff-list button').filter({ hasNotText: /Mia|Any/ });
    await expect(initials.locator('img').count()).resolves.toBe(0);
    await visitor.context().close();
  });

  it("connects a calendar for Mia from the Calendar page's member picker", async () => {
    await page.goto(`${base}/admin/calendar`);
    const calendar = page.locator('book-calendar-connections');
    await calendar.getByLabel('Whose calendar').selectOption({ label: 'Mia Kovač' });
    await calendar.getByRole('heading', { name: "Mia Kovač's appointments in a phone's calendar" }).waitFor();
    await calendar.getByRole('button', { name: 'Get my calendar link' }).click();
    const link = await calendar.locator('[data-subscribe=webcal]').getAttribute('href');
    const feeds = await ctx.db.selectFrom('member_feeds').select('member_id').execute();
    expect(feeds).toEqual([{ member_id: miaId }]);
    // The link is Mia's feed: her walk-in is in it, the owner's is not.
    const feed = await (await fetch(link!.replace(/^webcal:/, 'http:'))).text();
    expect(feed).toContain('Wanda Walk-in');
    expect(feed).not.toContain('Walter Walk-in');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('threw nothing', () => {
    expect(problems).toEqual([]);
  });
});
