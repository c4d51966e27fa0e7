import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session } from '../support/http.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

/** The server-rendered directory cards, profile and booking link, as a browser gets them. */
describe('directory cards and profile', () => {
  let ctx: TestContext;
  let anna: ProviderFixture;
  let logoUrl: string;
  let photoThumb: string;
  const page = async (path: string) => (await call(ctx, 'GET', path)).body as string;
  /** The one card of a business in a directory page. */
  const cardOf = (html: string, slug: string) => {
    const cards = html.split('<li>\n    <article class="card">').slice(1);
    const card = cards.find((c) => c.includes(`href="/p/${slug}"`));
    if (!card) throw new Error(`no card for ${slug}`);
    return card.slice(0, card.indexOf('</article>'));
  };
  const upload = async (session: Session, kind: 'logo' | 'photo', image: Buffer) => {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', new Blob([new Uint8Array(image)]), `${kind}.png`);
    const res = await ctx.app.request(`${APP_URL}/api/admin/images`, {
      method: 'POST',
      headers: { Origin: APP_URL, Cookie: session.cookie },
      body: form,
    });
    expect(res.status).toBe(201);
    return (await res.json()).image;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    anna = await createProvider(ctx, {
      slug: 'studio-anna',
      profile: { name: 'Studio Anna', category: 'Hair salon', city: 'Berlin' },
      service: { name: 'Haircut' },
      weekly: [
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 2, start: '13:00', end: '18:00' },
        { weekday: 4, start: '10:00', end: '16:00' },
      ],
    });
    // Haircut is €50 (the fixture's price); a cheaper one makes it a range.
    await call(ctx, 'POST', '/api/admin/services', {
      session: anna.session,
      body: { name: 'Fringe trim', durationMinutes: 15, price: { amountMinor: 1800, currency: 'EUR' } },
    });
    await createProvider(ctx, { slug: 'plain-physio', profile: { name: 'plain Physio', category: 'Physiotherapy' } });
    const solid = (background: string) =>
      sharp({ create: { width: 800, height: 600, channels: 3, background } })
        .png()
        .toBuffer();
    logoUrl = (await upload(anna.session, 'logo', await solid('#204080'))).thumbUrl;
    photoThumb = (await upload(anna.session, 'photo', await solid('#a04020'))).thumbUrl;
    await upload(anna.session, 'photo', await solid('#20a040'));
  });

  it('shows a card’s photo, logo, price range, next free time linking to that day, and a Book button', async () => {
    const card = cardOf(await page('/'), 'studio-anna');
    expect(card).toContain(`<img class="card-photo" src="${photoThumb}"`);
    expect(card).toContain(`<img class="logo small" src="${logoUrl}"`);
    expect(card).toContain('<p class="price">from €18</p>');
    // NOW is Tuesday 1 December, 09:00 in Berlin; one hour's notice. The link opens the first service on that day.
    expect(card).toContain(`href="/p/studio-anna/book/${anna.serviceId}?date=2026-12-01"`);
    expect(card).toContain('<a class="button primary book" href="/p/studio-anna/book">Book');
  });

  it('gives a business without pictures its initial, and one price without "from"', async () => {
    const card = cardOf(await page('/'), 'plain-physio');
    expect(card).not.toContain('<img');
    expect(card).toMatch(/<span class="logo small initial" aria-hidden="true">P<\/span>/);
    expect(card).toContain('<p class="price">€50</p>');
  });

  it('answers the API with the same price and pictures', async () => {
    const { providers } = (await call(ctx, 'GET', '/api/providers?q=anna')).body;
    expect(providers[0]).toMatchObject({
      price: { fromMinor: 1800, toMinor: 5000, currency: 'EUR' },
      logoUrl,
      photoUrl: photoThumb,
      nextAvailable: '2026-12-01T09:00:00.000Z',
    });
  });

  it('opens the booking page on the day a link names, and ignores a day that is not a date', async () => {
    expect(await page(`/p/studio-anna/book/${anna.serviceId}?date=2026-12-03`)).toContain('day="2026-12-03"');
    const bad = await page(`/p/studio-anna/book/${anna.serviceId}?date=2026-02-30`);
    expect(bad).toContain('<book-services');
    expect(bad).not.toContain('day=');
  });

  it('shows the profile’s logo, photos in order, the week’s hours with today marked, and a map link', async () => {
    const html = await page('/p/studio-anna');
    expect(html).toContain('<img class="logo large" src="/media/');
    expect(html.match(/<ul class="gallery"[\s\S]*?<\/ul>/)?.[0].match(/<img /g)).toHaveLength(2);
    expect(html).toContain(`src="${photoThumb}"`);
    expect(html).toContain('Opening hours <span class="muted">(Berlin time)</span>');
    const rows = [
      ...html.matchAll(
        /<tr class="(today)?">\s*<th scope="row">(\w+)[^<]*(?:<span[^>]*>[^<]*<\/span>)?<\/th>\s*<td>([^<]*)<\/td>/g,
      ),
    ].map(([, today, day, hours]) => `${day}${today ? ' (today)' : ''}: ${hours}`);
    expect(rows).toEqual([
      'Monday: Closed',
      'Tuesday (today): 09:00–12:00, 13:00–18:00',
      'Wednesday: Closed',
      'Thursday: 10:00–16:00',
      'Friday: Closed',
      'Saturday: Closed',
      'Sunday: Closed',
    ]);
    expect(html).not.toContain('hours-note');
    expect(html).toContain(
      '<a href="https://www.openstreetmap.org/search?query=Teststra%C3%9Fe%201%2C%20Berlin" rel="noopener" target="_blank">Teststraße 1, Berlin</a>',
    );
  });

  it('notes today’s special hours or closure, in the business’s zone', async () => {
    const special = async (intervals: { start: string; end: string }[]) =>
      call(ctx, 'PUT', '/api/admin/schedule/overrides/2026-12-01', { session: anna.session, body: { intervals } });
    await special([{ start: '10:00', end: '14:00' }]);
    expect(await page('/p/studio-anna')).toMatch(/<strong>Today only: open 10:00–14:00<\/strong>/);
    await special([]);
    expect(await page('/p/studio-anna')).toMatch(/<strong>Closed today<\/strong>/);
    // 23:30 UTC is already Wednesday in Berlin: Tuesday's closure is not "today" there.
    ctx.clock.now = new Date('2026-12-01T23:30:00.000Z');
    const wednesday = await page('/p/studio-anna');
    expect(wednesday).not.toContain('Closed today');
    expect(wednesday).toMatch(/<tr class="today">\s*<th scope="row">Wednesday/);
  });

  it('offers a respelt query, nearby matches and category chips on an empty search', async () => {
    const html = await page(`/?q=${encodeURIComponent('berlinnnn')}`);
    expect(html).toContain('No providers match your search.');
    expect(html).toContain('Did you mean <a href="/?q=berlin">berlin</a>?');
    expect(html).toContain('<a class="chip" href="/?category=Hair+salon">Hair salon</a>');
    expect(html).toContain('<a class="chip" href="/?category=Physiotherapy">Physiotherapy</a>');
    const nearby = await page(`/?q=${encodeURIComponent('friseur lisbon')}`);
    expect(nearby).toMatch(/<ul class="nearby">\s*<li><a href="\/p\/studio-anna">Studio Anna<\/a>/);
  });
});
