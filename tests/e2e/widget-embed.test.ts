/**
 * The embed as a provider's customers meet it: the real server on 127.0.0.1, a plain HTML page on another port
 * (another origin) with the two-line snippet, and headless Chromium booking through the widget.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromePath, chromiumArgs, reducedMotion } from '../support/chromium.mjs';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { listen } from '../support/server.js';
import { shiftedClock } from '../support/shifted-clock.mjs';
import { screenshots } from '../support/site-e2e.js';
import { inviteAndJoin } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The server's clock and the page's: both read the same fixed date whenever the suite runs. */
const clock = shiftedClock();

/** The month after the test date's in Tokyo, the widget's zone (`YYYY-MM`): its 10th is always a full, bookable day. */
function nextMonth(): string {
  const [year, month] = clock.now().toLocaleDateString('sv', { timeZone: 'Asia/Tokyo' }).split('-').map(Number);
  return new Date(Date.UTC(year!, month!, 1)).toISOString().slice(0, 7);
}

describe('embedding the widget on another site', () => {
  let ctx: TestContext;
  let api: { url: string; close: () => Promise<void> };
  let site: Server;
  let siteUrl: string;
  let browser: Browser;
  let provider: ProviderFixture;

  beforeAll(async () => {
    // The page must get what `npm run build` ships, so build it (this also enforces the size budget).
    execFileSync(process.execPath, ['widget/build.mjs'], { cwd: root, stdio: 'pipe' });
    ctx = await createTestContext({ deps: { now: clock.now } });
    api = await listen(ctx.app);
    provider = await createProvider(ctx, {
      timeZone: 'Asia/Tokyo',
      service: { name: 'Haircut', durationMinutes: 60 },
      rules: { maxDaysAhead: 120 },
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    // The snippet for this provider, or for the one `?provider=` names.
    const page = (slug: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Some salon on some host</title></head>
<body><h1>Book with us</h1>
<script type="module" src="${api.url}/widget.js"></script>
<book-services provider="${slug}" locale="en-US" time-zone="Asia/Tokyo"></book-services>
</body></html>`;
    site = createServer((req, res) => {
      const slug = new URL(req.url ?? '/', 'http://x').searchParams.get('provider') ?? provider.slug;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(slug));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await api?.close();
    await ctx?.db.destroy();
  });

  it('books a slot through the widget: the appointment is stored and the slot is gone', async () => {
    expect(new URL(siteUrl).origin).not.toBe(new URL(api.url).origin);
    const page = await browser.newPage(reducedMotion);
    await page.addInitScript(clock.script);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const scripts: { url: string; encoding: string | undefined; bytes: Promise<number> }[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('.js')) {
        scripts.push({
          url: res.url(),
          encoding: res.headers()['content-encoding'],
          bytes: res
            .request()
            .sizes()
            .then((s) => s.responseBodySize),
        });
      }
    });

    await page.goto(siteUrl);
    // No `api` attribute: the widget found the API from its own script URL.
    await page.getByRole('button', { name: /Haircut/ }).click();
    await page.getByRole('heading', { name: 'Choose a time' }).waitFor();
    await page.getByRole('button', { name: 'Next month' }).click();
    const day = page.locator(`book-calendar [data-date="${nextMonth()}-10"].free`);
    await day.click();
    await page.locator(`book-times[date="${nextMonth()}-10"]`).waitFor();
    await page.getByRole('button', { name: '9:00 AM', exact: true }).click();
    await page.getByLabel('Name').fill('Grace Hopper');
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByLabel('Phone (optional)').fill('+81 3 1234 5678');
    const booked = page.evaluate(
      () =>
        new Promise<{ id: number; start: string }>((resolve) =>
          document.addEventListener('book-booked', (e) => resolve((e as CustomEvent).detail), { once: true }),
        ),
    );
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const { id, start } = await booked;
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await expect(page.getByRole('link', { name: 'Manage or cancel' }).getAttribute('href')).resolves.toContain(
      `/manage/${id}?token=`,
    );

    // 09:00 in Tokyo on the 10th is 00:00 UTC that day.
    expect(start).toBe(`${nextMonth()}-10T00:00:00.000Z`);
    const row = await ctx.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'confirmed',
      customer_name: 'Grace Hopper',
      customer_email: 'grace@example.com',
      customer_phone: '+81 3 1234 5678',
      customer_time_zone: 'Asia/Tokyo',
      service_id: provider.serviceId,
    });
    expect(new Date(row.start_at).toISOString()).toBe(start);

    const date = `${nextMonth()}-10`;
    const res = await fetch(
      `${api.url}/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=${date}&to=${date}&tz=Asia/Tokyo`,
    );
    const { slots } = (await res.json()) as { slots: { start: string }[] };
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.map((s) => s.start)).not.toContain(start);

    // What the embed downloaded: the entry and its chunk, gzipped, within the 20 KB budget; the waitlist's part
    // ("Notify me if an earlier time frees up") came only with the confirmation.
    expect(scripts.map((s) => new URL(s.url).pathname)).toEqual([
      '/widget.js',
      expect.stringMatching(/^\/widget\/assets\/book-[\w-]+\.js$/),
      expect.stringMatching(/^\/widget\/assets\/lazy-[\w-]+\.js$/),
    ]);
    expect(scripts.every((s) => s.encoding === 'gzip')).toBe(true);
    const firstScreen = scripts.slice(0, 2);
    const total = (await Promise.all(firstScreen.map((s) => s.bytes))).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(20 * 1024);
    expect(errors).toEqual([]);
  });

  it('a customer books the first free time in the fewest taps', async () => {
    const phone = await browser.newPage({ ...reducedMotion, viewport: { width: 390, height: 844 }, hasTouch: true });
    await phone.addInitScript(clock.script);
    // Every tap the customer makes, wherever it lands (clicks inside the widget's shadow DOM reach the window).
    await phone.addInitScript(() => {
      (window as unknown as { taps: string[] }).taps = [];
      addEventListener(
        'click',
        (e) =>
          (window as unknown as { taps: string[] }).taps.push((e.composedPath()[0] as Element).textContent!.trim()),
        true,
      );
    });
    const res = await fetch(
      `${api.url}/api/providers/${provider.slug}/next-available?service=${provider.serviceId}&tz=Asia/Tokyo`,
    );
    const { slot } = (await res.json()) as { slot: { start: string } };

    await phone.goto(siteUrl);
    await phone.getByRole('button', { name: /Haircut/ }).click();
    // No day to pick: the first free day is open, its first time first.
    await phone.locator('book-times li button').first().click();
    await phone.getByLabel('Name').fill('Ada Lovelace');
    await phone.getByLabel('Email').fill('ada@example.com');
    const booked = phone.evaluate(
      () =>
        new Promise<{ id: number; start: string; manageUrl: string }>((resolve) =>
          document.addEventListener('book-booked', (e) => resolve((e as CustomEvent).detail), { once: true }),
        ),
    );
    await phone.getByRole('button', { name: 'Confirm booking' }).click();
    const { id, start, manageUrl } = await booked;
    await phone.getByRole('heading', { name: 'You’re booked!' }).waitFor();

    // Service, time, confirm: three taps (typing the details aside).
    const taps = await phone.evaluate(() => (window as unknown as { taps: string[] }).taps);
    expect(taps).toHaveLength(3);
    expect(taps[2]).toBe('Confirm booking');
    expect(start).toBe(slot.start);
    const token = new URL(manageUrl).searchParams.get('token')!;
    const stored = await fetch(`${api.url}/api/bookings/${id}?token=${encodeURIComponent(token)}`);
    expect(stored.status).toBe(200);
    expect((await stored.json()).booking).toMatchObject({ id, status: 'confirmed', start: slot.start });
    await phone.close();
  });

  it('books a weekly series, with the Repeat chunk downloaded only once such a service is chosen', async () => {
    const weekly = await createProvider(ctx, {
      timeZone: 'Asia/Tokyo',
      service: { name: 'Physio', durationMinutes: 60 },
      rules: { maxDaysAhead: 120 },
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    const allow = await call(ctx, 'PATCH', `/api/admin/services/${weekly.serviceId}`, {
      session: weekly.session,
      body: { repeat: { maxCount: 8, everyWeeks: [1, 2] } },
    });
    expect(allow.status).toBe(200);
    mkdirSync(screenshots, { recursive: true });
    const page = await browser.newPage(reducedMotion);
    await page.addInitScript(clock.script);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const lazy: string[] = [];
    page.on('response', (res) => {
      if (/\/lazy-[\w-]+\.js$/.test(res.url())) lazy.push(res.url());
    });

    await page.goto(`${siteUrl}?provider=${weekly.slug}`);
    await page.getByRole('heading', { name: 'Choose a service' }).waitFor();
    expect(lazy).toEqual([]);
    await page.getByRole('button', { name: /Physio/ }).click();
    await page.locator('book-times li button').first().click();
    await page.getByRole('checkbox', { name: 'Repeat' }).check();
    expect(lazy).toHaveLength(1);
    await page.getByLabel('Appointments').selectOption('3');
    await page.getByText('3 of 3 dates are free.').waitFor();
    await page.locator('book-services').screenshot({ path: join(screenshots, 'widget-repeat-dates.png') });
    await page.getByLabel('Name').fill('Grace Hopper');
    await page.getByLabel('Email').fill('grace@example.com');
    const booked = page.evaluate(
      () =>
        new Promise<{ id: number; start: string; series: { id: number; count: number } }>((resolve) =>
          document.addEventListener('book-booked', (e) => resolve((e as CustomEvent).detail), { once: true }),
        ),
    );
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const detail = await booked;
    await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
    await page.locator('book-services').screenshot({ path: join(screenshots, 'widget-repeat-booked.png') });
    expect(detail.series.count).toBe(3);
    const rows = await ctx.db
      .selectFrom('appointments')
      .select(['start_at', 'status'])
      .where('series_id', '=', detail.series.id)
      .orderBy('start_at')
      .execute();
    const week = 7 * 86_400_000;
    expect(rows.map((r) => [new Date(r.start_at).getTime() - Date.parse(detail.start), r.status])).toEqual([
      [0, 'confirmed'],
      [week, 'confirmed'],
      [2 * week, 'confirmed'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("serves the build's custom-elements.json beside widget.js, describing <book-services>", async () => {
    const res = await fetch(`${api.url}/custom-elements.json`, { headers: { Origin: siteUrl.slice(0, -1) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const manifest = (await res.json()) as { modules: { exports?: { kind: string; name: string }[] }[] };
    const definitions = manifest.modules
      .flatMap((m) => m.exports ?? [])
      .filter((e) => e.kind === 'custom-element-definition');
    expect(definitions.map((d) => d.name)).toEqual(['book-services']);
  });

  describe('for a business with a team', () => {
    let team: ProviderFixture;
    let mia: { memberId: number; slug: string };

    beforeAll(async () => {
      team = await createProvider(ctx, {
        timeZone: 'Asia/Tokyo',
        service: { name: 'Haircut', durationMinutes: 60 },
        rules: { maxDaysAhead: 120 },
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      });
      mia = await inviteAndJoin(ctx, team, { email: 'mia@example.com', name: 'Mia Rossi', role: 'staff' });
      const hours = await call(ctx, 'PUT', `/api/admin/schedule/weekly?member=${mia.memberId}`, {
        session: team.session,
        body: { intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) },
      });
      expect(hours.status).toBe(200);
      const services = await call(ctx, 'PATCH', `/api/admin/team/${mia.memberId}`, {
        session: team.session,
        body: { serviceIds: [team.serviceId] },
      });
      expect(services.status).toBe(200);
    });

    it('books "Any available", then Mia by name, through the member step', async () => {
      const page = await browser.newPage(reducedMotion);
      await page.addInitScript(clock.script);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${siteUrl}?provider=${team.slug}`);
      const bookFirstTime = async (who: RegExp) => {
        await page.getByRole('button', { name: /Haircut/ }).click();
        await page.getByRole('heading', { name: 'Choose a team member' }).waitFor();
        await page.getByRole('button', { name: who }).click();
        await page.locator('book-times li button').first().click();
        await page.getByLabel('Name').fill('Grace Hopper');
        await page.getByLabel('Email').fill('grace@example.com');
        const booked = page.evaluate(
          () =>
            new Promise<{ id: number; staff: { slug: string; name: string } }>((resolve) =>
              document.addEventListener('book-booked', (e) => resolve((e as CustomEvent).detail), { once: true }),
            ),
        );
        await page.getByRole('button', { name: 'Confirm booking' }).click();
        const detail = await booked;
        await page.getByRole('heading', { name: 'You’re booked!' }).waitFor();
        await page.locator('book-confirmation dd', { hasText: detail.staff.name }).waitFor();
        const row = await ctx.db
          .selectFrom('appointments')
          .innerJoin('team_members', 'team_members.id', 'appointments.member_id')
          .select(['team_members.slug', 'appointments.status'])
          .where('appointments.id', '=', detail.id)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ slug: detail.staff.slug, status: 'confirmed' });
        return detail;
      };

      const any = await bookFirstTime(/Any available/);
      expect(any.staff.name).toBeTruthy();
      await page.getByRole('button', { name: 'Book another appointment' }).click();
      const named = await bookFirstTime(/Mia Rossi/);
      expect(named.staff).toEqual({ slug: mia.slug, name: 'Mia Rossi' });
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
