/**
 * Recurring appointments end to end in a browser, against the real server and a real SMTP inbox: the owner lets
 * customers book a service as a repeating series in the admin's service form; a customer books four weekly dates
 * (through the API, as the widget does); they open the manage link from the confirmation email on a phone (360 px
 * wide: the page must fit), reach the second date from the list of the series' dates, and there cancel it and every
 * following one.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { aheadOfRealClock, E2E_ZONE, type SiteE2E, screenshots, startSiteE2E } from '../support/site-e2e.js';

// The series starts on the Friday after the test's Wednesday.
const { wednesday, berlin } = aheadOfRealClock();

describe('recurring appointments in the browser', () => {
  const inbox = realInbox();
  let e2e: SiteE2E;
  let ownerEmail = '';

  beforeAll(async () => {
    e2e = await startSiteE2E('recurring', wednesday);
    ownerEmail = (
      await e2e.ctx.db.selectFrom('users').select('email').where('id', '=', e2e.owner.userId).executeTakeFirstOrThrow()
    ).email;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('the owner offers a series; the customer cancels the second date and all following from the emailed link', async () => {
    // The owner turns the setting on in the service form: weekly or every two weeks, up to 8 dates (the default).
    const admin = await e2e.newPage({ width: 1280, height: 900 });
    await admin.goto(`${e2e.base}/login?next=%2Fadmin%2Fservices`);
    await admin.getByLabel('Email').fill(ownerEmail);
    await admin.getByLabel('Password').fill('correct horse battery');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(`${e2e.base}/admin/services`);
    const editor = admin.locator('book-services-editor');
    await editor.getByRole('button', { name: 'Edit Consultation' }).click();
    await editor.getByLabel('Customers may book this as a repeating series').check();
    await expect(editor.getByLabel('Most appointments in a series').inputValue()).resolves.toBe('8');
    await editor.getByLabel('Every 2 weeks').check();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByRole('status').filter({ hasText: 'Saved Consultation.' }).waitFor();
    const services = await call(e2e.ctx, 'GET', '/api/admin/services', { session: e2e.owner.session });
    expect(services.body.services[0].repeat).toEqual({ maxCount: 8, everyWeeks: [1, 2] });

    // Four weekly dates from Friday 10:00, booked as the widget books them.
    const res = await call(e2e.ctx, 'POST', '/api/bookings/series', {
      body: {
        provider: e2e.owner.slug,
        service: e2e.owner.serviceId,
        start: berlin('10:00'),
        customer: { name: 'Rita Repeat', email: 'rita@example.com' },
        timeZone: E2E_ZONE,
        everyWeeks: 1,
        count: 4,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const bookings = res.body.bookings as { id: number }[];
    expect(bookings).toHaveLength(4);

    // One confirmation email for the series, with its manage link.
    e2e.ctx.clock.now = e2e.clock.now();
    await inbox.deliver(e2e.ctx);
    const links = inbox
      .of('rita@example.com')
      .flatMap((e) => [...(e.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0])))
      .filter((url) => url.pathname.startsWith('/manage/'));
    expect(links).toHaveLength(1);
    const token = links[0]!.searchParams.get('token')!;

    // The link opens an occurrence of the series; the series' one token opens each of its dates, the second too.
    const phone = await e2e.newPage({ width: 360, height: 740 }, true);
    await phone.goto(links[0]!.href);
    await phone.getByText(/^Appointment \d of 4 · every week$/).waitFor();
    // Its page lists every date of the series; the second date's own page is one tap away, with the same token.
    const dates = phone.locator('book-series-dates');
    await expect(dates.locator('li').count()).resolves.toBe(4);
    await dates.locator(`a[href="/manage/${bookings[1]!.id}?token=${encodeURIComponent(token)}"]`).click();
    await phone.waitForURL(`${e2e.base}/manage/${bookings[1]!.id}?token=${encodeURIComponent(token)}`);
    await phone.getByText('Appointment 2 of 4 · every week').waitFor();
    await expect(dates.locator('li[aria-current=true]').getAttribute('value')).resolves.toBe('2');
    await phone.getByRole('button', { name: 'Cancel booking' }).click();
    await phone.getByLabel('This and all following dates (appointments 2 to 4)').check();
    expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: join(screenshots, 'recurring-cancel-following-phone.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Yes, cancel' }).click();
    await phone
      .getByRole('status')
      .filter({ hasText: '3 appointments are cancelled: this date and the following ones.' })
      .waitFor();
    // The page lists the series anew: the first date still on, this one and the following cancelled.
    await expect
      .poll(() => dates.locator('.badge').allTextContents())
      .toEqual(['Confirmed', 'Cancelled', 'Cancelled', 'Cancelled']);

    const rows = await e2e.ctx.db
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
    expect(e2e.problems).toEqual([]);
  });
});
