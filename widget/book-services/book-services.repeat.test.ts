import { expect, oneEvent } from '@open-wc/testing';
import type { BookBookedDetail, BookErrorDetail } from '../events.js';
import { bookDirectly, createProvider, type TestProvider, text, waitFor } from '../test/fixtures.js';
import { fillDetails, inner, mount, openTimes, shadow, waitForHeading } from '../test/flow.js';
import type { BookServices } from './book-services.js';

const WEEK = 7 * 86_400_000;

/** Occurrence `k` of a weekly series from `start` (Tokyo has no summer time: the same UTC time each week). */
const weekly = (start: string, k: number) => new Date(Date.parse(start) + k * WEEK).toISOString();

/** Another customer takes `start` first. */
async function takenByAnother(provider: TestProvider, start: string): Promise<void> {
  const res = await bookDirectly(provider, start);
  expect(res.status, await res.clone().text()).to.equal(201);
}

/** Every POST the widget sends (passed on to the real server), by path, with its body. */
function recordPosts() {
  const posts: { path: string; body: Record<string, unknown> }[] = [];
  const realFetch = window.fetch;
  window.fetch = (input, init) => {
    if (init?.method === 'POST')
      posts.push({ path: new URL(String(input)).pathname, body: JSON.parse(String(init.body)) });
    return realFetch(input, init);
  };
  return { posts, restore: () => (window.fetch = realFetch) };
}

const repeat = (el: BookServices) => inner(el, 'book-repeat');
const form = (el: BookServices) => inner(el, 'book-details')!;
const confirmButton = (el: BookServices) => form(el).querySelector<HTMLButtonElement>('button.primary')!;
const dates = (el: BookServices) => [...(repeat(el)?.querySelectorAll('li') ?? [])].map(text);
const summary = (el: BookServices) => text(repeat(el)?.querySelector('[role=status]'));

/** From the service list to the details step of the 10th of next month at 09:00 Tokyo; that time (UTC). */
async function pickNine(el: BookServices, serviceIndex = 0): Promise<string> {
  const date = await openTimes(el, serviceIndex);
  inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
  await waitForHeading(el, 'Your details');
  return `${date}T00:00:00.000Z`;
}

/** Turns Repeat on and picks the interval and the count; waits for the checked dates. */
async function turnOn(el: BookServices, everyWeeks: number, count: number): Promise<void> {
  await waitFor(() => repeat(el)?.querySelector('input[type=checkbox]'), 'no Repeat control');
  const box = repeat(el)!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
  box.click();
  await waitFor(() => repeat(el)!.querySelector('#count'), 'no count');
  for (const [id, value] of [
    ['every', everyWeeks],
    ['count', count],
  ] as const) {
    const select = repeat(el)!.querySelector<HTMLSelectElement>(`#${id}`)!;
    select.value = String(value);
    select.dispatchEvent(new Event('change'));
  }
  await waitFor(() => dates(el).length === count, `the ${count} dates did not show`);
}

/** "Thursday, December 10, 2026, 9:00 AM" in Tokyo, as the list writes it. */
const when = (start: string, locale = 'en-US') => {
  const options = { timeZone: 'Asia/Tokyo' } as const;
  const date = new Date(start).toLocaleDateString(locale, { ...options, dateStyle: 'full' });
  return `${date}, ${new Date(start).toLocaleTimeString(locale, { ...options, timeStyle: 'short' })}`.replace(
    /\s+/g,
    ' ',
  );
};

describe('book-services and recurring appointments', () => {
  let provider: TestProvider;
  let recorder: ReturnType<typeof recordPosts> | undefined;

  beforeEach(async () => {
    provider = await createProvider({ repeat: 'weekly' });
  });
  afterEach(() => {
    recorder?.restore();
    recorder = undefined;
  });

  // First in this file (one page per file): nothing has loaded the chunk yet.
  it('loads nothing and shows no control for a service without repeat', async () => {
    const el = await mount(provider);
    expect(customElements.get('book-repeat')).to.equal(undefined);
    await pickNine(el, 1);
    expect(shadow(el, 'book-repeat')).to.equal(null);
    expect(customElements.get('book-repeat')).to.equal(undefined);
    expect(text(confirmButton(el))).to.equal('Confirm booking');
  });

  it('books a single appointment as before while Repeat is off', async () => {
    recorder = recordPosts();
    const el = await mount(provider);
    const start = await pickNine(el);
    await waitFor(() => repeat(el)?.querySelector('input[type=checkbox]'), 'no Repeat control');
    expect(repeat(el)!.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.equal(false);
    expect(repeat(el)!.querySelector('select')).to.equal(null);
    await expect(el).to.be.accessible();
    const booked = oneEvent(el, 'book-booked');
    await fillDetails(el);
    const detail = (await booked).detail as BookBookedDetail;
    await waitForHeading(el, 'You’re booked!');
    expect(detail.start).to.equal(start);
    expect(detail.series).to.equal(undefined);
    expect(recorder.posts.map((p) => p.path)).to.deep.equal(['/api/bookings']);
    expect(shadow(el, 'book-series')).to.equal(null);
  });

  it('lists 4 weekly dates with one taken and books the 3 free ones (mode available)', async () => {
    const el = await mount(provider);
    const start = await pickNine(el);
    await takenByAnother(provider, weekly(start, 2));
    recorder = recordPosts();
    await turnOn(el, 1, 4);
    expect(dates(el)).to.deep.equal([
      `${when(start)} free`,
      `${when(weekly(start, 1))} free`,
      `${when(weekly(start, 2))} taken`,
      `${when(weekly(start, 3))} free`,
    ]);
    expect(summary(el)).to.equal('3 of 4 dates are free.');
    await waitFor(() => text(confirmButton(el)) === 'Book the 3 free dates', 'the button did not say it');
    await expect(el).to.be.accessible();

    const booked = oneEvent(el, 'book-booked');
    await fillDetails(el);
    const detail = (await booked).detail as BookBookedDetail;
    await waitForHeading(el, 'You’re booked!');
    const sent = recorder.posts.filter((p) => p.path === '/api/bookings/series');
    expect(sent.map((p) => p.body)).to.deep.equal([
      {
        provider: provider.slug,
        service: provider.serviceId,
        start,
        customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
        timeZone: 'Asia/Tokyo',
        staff: 'any',
        everyWeeks: 1,
        count: 4,
        mode: 'available',
      },
    ]);
    expect(recorder.posts.some((p) => p.path === '/api/bookings')).to.equal(false);
    expect(detail.start).to.equal(start);
    expect(detail.series).to.deep.equal({ id: detail.series!.id, count: 3 });
    expect(detail.series!.id).to.be.a('number');

    const done = inner(el, 'book-confirmation')!;
    const series = inner(el, 'book-series')!;
    expect([...series.querySelectorAll('.booked li')].map(text)).to.deep.equal(
      [0, 1, 3].map((k) => when(weekly(start, k))),
    );
    expect([...series.querySelectorAll('.not li')].map(text)).to.deep.equal([`${when(weekly(start, 2))} (taken)`]);
    expect(done.querySelector<HTMLAnchorElement>('[part=manage-link]')!.href).to.equal(detail.manageUrl);
    expect(detail.manageUrl).to.contain('token=');
    await expect(el).to.be.accessible();
  });

  it('books every date (mode all) when all are free', async () => {
    recorder = recordPosts();
    const el = await mount(provider);
    const start = await pickNine(el);
    await turnOn(el, 2, 3);
    expect(dates(el)).to.deep.equal([0, 2, 4].map((k) => `${when(weekly(start, k))} free`));
    expect(summary(el)).to.equal('3 of 3 dates are free.');
    await waitFor(() => confirmButton(el).getAttribute('aria-disabled') === 'false', 'the button stayed disabled');
    expect(text(confirmButton(el))).to.equal('Confirm booking');
    const booked = oneEvent(el, 'book-booked');
    await fillDetails(el);
    const detail = (await booked).detail as BookBookedDetail;
    await waitForHeading(el, 'You’re booked!');
    const sent = recorder.posts.find((p) => p.path === '/api/bookings/series')!;
    expect(sent.body).to.include({ everyWeeks: 2, count: 3, mode: 'all', start });
    expect(detail.series!.count).to.equal(3);
    expect([...inner(el, 'book-series')!.querySelectorAll('.booked li')].length).to.equal(3);
    expect(inner(el, 'book-series')!.querySelector('.not')).to.equal(null);
  });

  it('keeps the Repeat choice when the customer goes back for another time, and keeps it off once turned off', async () => {
    const el = await mount(provider);
    await pickNine(el);
    await turnOn(el, 2, 3);
    const back = async () => {
      shadow(el, '[part=back]')!.click();
      await waitFor(() => inner(el, 'book-times')?.querySelectorAll('li button').length, 'no times');
    };
    await back();
    // The 09:30 of the same day: the dates are checked anew from it, every two weeks, three of them.
    const selected = oneEvent(el, 'book-slot-selected');
    inner(el, 'book-times')!.querySelectorAll<HTMLButtonElement>('li button')[1]!.click();
    const picked = ((await selected).detail as { start: string }).start;
    await waitForHeading(el, 'Your details');
    await waitFor(() => dates(el).length === 3, 'the dates were not checked again');
    expect(repeat(el)!.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.equal(true);
    expect(repeat(el)!.querySelector<HTMLSelectElement>('#every')!.value).to.equal('2');
    expect(dates(el)).to.deep.equal([0, 2, 4].map((k) => `${when(weekly(picked, k))} free`));
    // Turned off, it stays off for the next time picked.
    repeat(el)!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await waitFor(() => !repeat(el)!.querySelector('#every'), 'Repeat did not turn off');
    await back();
    inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
    await waitForHeading(el, 'Your details');
    await waitFor(() => repeat(el)?.querySelector('input[type=checkbox]'), 'no Repeat control');
    expect(repeat(el)!.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.equal(false);
  });

  it('refreshes the list from a series_conflict when a date was taken meanwhile', async () => {
    recorder = recordPosts();
    const el = await mount(provider);
    const start = await pickNine(el);
    await turnOn(el, 1, 4);
    expect(summary(el)).to.equal('4 of 4 dates are free.');
    await takenByAnother(provider, weekly(start, 1));
    const error = oneEvent(el, 'book-error');
    await fillDetails(el);
    expect(((await error).detail as BookErrorDetail).code).to.equal('series_conflict');
    await waitFor(() => dates(el)[1]?.endsWith('taken'), 'the list was not refreshed');
    expect(recorder.posts.filter((p) => p.path === '/api/bookings/series').map((p) => p.body.mode)).to.deep.equal([
      'all',
    ]);
    expect(text(repeat(el)!.querySelector('[role=alert]'))).to.equal(
      'One of the dates was just taken. The list is updated: please check it and confirm again.',
    );
    expect(summary(el)).to.equal('3 of 4 dates are free.');
    await waitFor(() => text(confirmButton(el)) === 'Book the 3 free dates', 'the button did not say it');
    expect(text(shadow(el, 'h2'))).to.equal('Your details');

    // Confirming again books the free ones.
    const booked = oneEvent(el, 'book-booked');
    confirmButton(el).click();
    expect(((await booked).detail as BookBookedDetail).series!.count).to.equal(3);
    expect(recorder.posts.filter((p) => p.path === '/api/bookings/series').map((p) => p.body.mode)).to.deep.equal([
      'all',
      'available',
    ]);
  });

  it('says so and disables the button when no date is free', async () => {
    const el = await mount(provider);
    const start = await pickNine(el);
    await takenByAnother(provider, start);
    await takenByAnother(provider, weekly(start, 1));
    await turnOn(el, 1, 2);
    expect(dates(el)).to.deep.equal([`${when(start)} taken`, `${when(weekly(start, 1))} taken`]);
    expect(summary(el)).to.equal('None of these dates is free. Pick another time or fewer appointments.');
    await waitFor(() => confirmButton(el).getAttribute('aria-disabled') === 'true', 'the button is not disabled');
    recorder = recordPosts();
    await fillDetails(el);
    await el.updateComplete;
    expect(recorder.posts).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('offers to check again when the check fails, and shows only the newest check', async () => {
    const el = await mount(provider);
    await pickNine(el);
    const realFetch = window.fetch;
    let checks = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    recorder = { posts: [], restore: () => (window.fetch = realFetch) };
    window.fetch = async (input, init) => {
      if (!String(input).endsWith('/api/bookings/series/check')) return realFetch(input, init);
      checks++;
      // The first check fails; the third (4 dates) answers only after the fourth (2 dates) has.
      if (checks === 1) return new Response('{"error":{"code":"server_error","message":"down"}}', { status: 500 });
      if (checks === 3) {
        const res = await realFetch(input, init);
        await held;
        return res;
      }
      return realFetch(input, init);
    };
    await waitFor(() => repeat(el)?.querySelector('input[type=checkbox]'), 'no Repeat control');
    repeat(el)!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await waitFor(
      () => text(repeat(el)!.querySelector('[role=alert]')) === 'The dates could not be checked.',
      'no alert',
    );
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
    repeat(el)!.querySelector<HTMLButtonElement>('button.link')!.click();
    await waitFor(() => dates(el).length === 4, 'the dates did not show after trying again');

    const count = repeat(el)!.querySelector<HTMLSelectElement>('#count')!;
    count.value = '3';
    count.dispatchEvent(new Event('change'));
    await waitFor(() => checks === 3, 'no third check');
    count.value = '2';
    count.dispatchEvent(new Event('change'));
    await waitFor(() => dates(el).length === 2, 'the newest check did not show');
    release();
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    expect(dates(el)).to.have.length(2);
    expect(summary(el)).to.equal('2 of 2 dates are free.');
  });

  it('speaks German', async () => {
    const el = await mount(provider);
    const start = await pickNine(el);
    await takenByAnother(provider, weekly(start, 1));
    await turnOn(el, 1, 3);
    el.locale = 'de';
    await waitFor(() => summary(el) === '2 von 3 Terminen sind frei.', `summary: ${summary(el)}`);
    expect(text(repeat(el)!.querySelector('label'))).to.equal('Wiederholen');
    expect(dates(el)).to.deep.equal([
      `${when(start, 'de')} frei`,
      `${when(weekly(start, 1), 'de')} vergeben`,
      `${when(weekly(start, 2), 'de')} frei`,
    ]);
    await waitFor(() => text(confirmButton(el)) === 'Die 2 freien Termine buchen', 'the button is not German');
  });
});
