/**
 * The waitlist end to end in a browser, against the real server and a real SMTP inbox: a customer asks on their
 * manage page to be told of an earlier time; another customer cancels the earlier appointment; the first gets the
 * offer email, opens its link on a phone (360 px wide: the page must fit) and moves their appointment with one click.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { aheadOfRealClock, E2E_ZONE, type SiteE2E, screenshots, startSiteE2E } from '../support/site-e2e.js';

const { wednesday, berlin } = aheadOfRealClock();

describe('the waitlist in the browser', () => {
  const inbox = realInbox();
  let e2e: SiteE2E;
  let page: Page;

  const bookAs = async (name: string, email: string, start: string) => {
    const res = await call(e2e.ctx, 'POST', '/api/bookings', {
      body: {
        provider: e2e.owner.slug,
        service: e2e.owner.serviceId,
        start,
        customer: { name, email },
        timeZone: E2E_ZONE,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.booking as { id: number; manageUrl: string };
  };

  const startOf = async (id: number) =>
    (await e2e.ctx.db.selectFrom('appointments').select('start_at').where('id', '=', id).executeTakeFirstOrThrow())
      .start_at;

  beforeAll(async () => {
    e2e = await startSiteE2E('waitlist', wednesday);
    page = await e2e.newPage({ width: 360, height: 740 }, true);
  });

  afterAll(async () => {
    await e2e?.close();
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
    expect((await call(e2e.ctx, 'POST', `/api/bookings/${early.id}/cancel`, { body: { token } })).status).toBe(200);
    e2e.ctx.clock.now = e2e.clock.now();
    await inbox.deliver(e2e.ctx);
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
    await page.screenshot({ path: join(screenshots, 'waitlist-offer-phone.png'), fullPage: true });
    await take.click();
    await page.getByRole('status').filter({ hasText: 'Done: your appointment is moved to' }).waitFor();
    expect(await startOf(late.id)).toBe(berlin('10:00'));
    expect(e2e.problems).toEqual([]);
  });
});
