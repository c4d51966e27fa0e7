import ical, { type VEvent } from 'node-ical';
import { beforeEach, describe, expect, it } from 'vitest';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

const pathOf = (url: string) => url.slice(APP_URL.length);
const eventsOf = (text: string) =>
  Object.values(ical.sync.parseICS(text))
    .filter((c): c is VEvent => c.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());

describe('GET /ical/:token.ics (the provider’s secret feed)', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
  });

  const rotate = async (p = provider) => {
    const res = await call(ctx, 'POST', '/api/admin/calendar/feed/rotate', { session: p.session });
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(new RegExp(`^${APP_URL}/ical/[a-z2-7]{32}\\.ics$`));
    return res.body.url as string;
  };

  it('parses back to the same appointments: UIDs, times, SEQUENCE, cancelled ones marked', async () => {
    await book(ctx, provider, '2026-12-02T09:00:00.000Z', {
      note: 'First visit',
      customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+49 30 1234' },
    });
    const b = await book(ctx, provider, '2026-12-03T09:00:00.000Z');
    const c = await book(ctx, provider, '2026-12-04T09:00:00.000Z');
    const admin = (id: number, action: string, body: unknown = {}) =>
      call(ctx, 'POST', `/api/admin/appointments/${id}/${action}`, { session: provider.session, body });
    expect((await admin(b.body.booking.id, 'reschedule', { start: '2026-12-03T13:00:00.000Z' })).status).toBe(200);
    expect((await admin(c.body.booking.id, 'cancel')).status).toBe(200);

    const url = await rotate();
    const res = await call(ctx, 'GET', pathOf(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = eventsOf(res.body);
    const rows = await ctx.db.selectFrom('appointments').selectAll().orderBy('start_at').execute();
    expect(events).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      const event = events[i]!;
      expect(event.uid).toBe(`appointment-${row.id}@booking.test`);
      expect(event.start.toISOString()).toBe(row.start_at);
      expect(event.end.toISOString()).toBe(row.end_at);
      expect(Number(event.sequence)).toBe(row.sequence);
      expect(event.status).toBe(row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
      expect(event.location).toBe('Teststraße 1, Berlin');
      expect(event.description).toContain(`/admin/appointments/${row.id}`);
    }
    expect(Number(events[1]!.sequence)).toBe(1);
    expect(events[0]!.summary).toBe('Consultation — Ada Lovelace');
    expect(events[0]!.description).toContain('Note: First visit');
    expect(events[0]!.description).not.toContain('ada@example.com');

    // Contact details only once the provider opts in.
    const optIn = await call(ctx, 'PUT', '/api/admin/calendar/settings', {
      session: provider.session,
      body: { includeCustomerContact: true },
    });
    expect(optIn.status).toBe(200);
    const withContact = eventsOf((await call(ctx, 'GET', pathOf(url))).body)[0]!;
    expect(withContact.description).toContain('Email: ada@example.com');
    expect(withContact.description).toContain('Phone: +49 30 1234');
  });

  it('answers 404 for a wrong token; rotating cuts off the old URL; turning it off cuts off all', async () => {
    expect((await call(ctx, 'GET', '/ical/notatoken.ics')).status).toBe(404);
    const first = await rotate();
    expect((await call(ctx, 'GET', pathOf(first))).status).toBe(200);
    const overview = await call(ctx, 'GET', '/api/admin/calendar', { session: provider.session });
    expect(overview.body.feed).toEqual({ active: true, createdAt: ctx.clock.now.toISOString() });
    expect(JSON.stringify(overview.body)).not.toContain(first.split('/').pop()!.replace('.ics', ''));

    const second = await rotate();
    expect((await call(ctx, 'GET', pathOf(first))).status).toBe(404);
    expect((await call(ctx, 'GET', pathOf(second))).status).toBe(200);
    expect((await call(ctx, 'GET', pathOf(second).replace('.ics', 'x.ics'))).status).toBe(404);
    const stored = await ctx.db.selectFrom('member_feeds').select('feed_token_hash').executeTakeFirstOrThrow();
    expect(second).not.toContain(stored.feed_token_hash);

    expect((await call(ctx, 'DELETE', '/api/admin/calendar/feed', { session: provider.session })).status).toBe(204);
    expect((await call(ctx, 'GET', pathOf(second))).status).toBe(404);
  });

  it('holds only its own provider’s appointments', async () => {
    const other = await createProvider(ctx);
    await book(ctx, provider, '2026-12-02T09:00:00.000Z');
    await book(ctx, other, '2026-12-02T10:00:00.000Z');
    const mine = eventsOf((await call(ctx, 'GET', pathOf(await rotate()))).body);
    const theirs = eventsOf((await call(ctx, 'GET', pathOf(await rotate(other)))).body);
    expect(mine.map((e) => e.start.toISOString())).toEqual(['2026-12-02T09:00:00.000Z']);
    expect(theirs.map((e) => e.start.toISOString())).toEqual(['2026-12-02T10:00:00.000Z']);
  });
});
