import { beforeEach, describe, expect, it } from 'vitest';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { MIA_STAFF } from '../support/member-fixtures.js';
import { inviteAndJoin } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';
import { createEndpoint } from '../support/webhooks.js';

const URL = 'https://hooks.example.com/bookings';

describe('webhook endpoints admin API', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
  });

  it('shows the secret once, on creation, and keeps it sealed at rest', async () => {
    const created = await call(ctx, 'POST', '/api/admin/webhooks', {
      session: provider.session,
      body: { url: URL, events: ['booking.created', 'booking.created', 'booking.cancelled'], description: 'CRM' },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.body.endpoint).toMatchObject({
      url: URL,
      description: 'CRM',
      events: ['booking.created', 'booking.cancelled'],
      enabled: true,
      failureCount: 0,
    });
    const list = await call(ctx, 'GET', '/api/admin/webhooks', { session: provider.session });
    expect(list.status).toBe(200);
    expect(list.body.endpoints).toHaveLength(1);
    expect(list.body.eventTypes).toContain('booking.completed');
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    const row = await ctx.db.selectFrom('webhook_endpoints').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.body.secret.slice(6));
  });

  it('updates, disables and deletes an endpoint', async () => {
    const { id } = await createEndpoint(ctx, provider.session, URL);
    const patched = await call(ctx, 'PATCH', `/api/admin/webhooks/${id}`, {
      session: provider.session,
      body: { url: 'https://other.example.com/x', events: ['booking.completed'], enabled: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.endpoint).toMatchObject({
      url: 'https://other.example.com/x',
      events: ['booking.completed'],
      enabled: false,
      disabledAt: null,
    });
    expect((await call(ctx, 'POST', `/api/admin/webhooks/${id}/test`, { session: provider.session })).status).toBe(409);
    expect((await call(ctx, 'DELETE', `/api/admin/webhooks/${id}`, { session: provider.session })).status).toBe(204);
    expect((await call(ctx, 'GET', `/api/admin/webhooks/${id}`, { session: provider.session })).status).toBe(404);
  });

  it.each([
    [{ url: 'http://hooks.example.com/x', events: ['booking.created'] }, 'url', /https/],
    [{ url: 'ftp://hooks.example.com/x', events: ['booking.created'] }, 'url', /https/],
    [{ url: 'not a url', events: ['booking.created'] }, 'url', /URL/],
    [{ url: 'https://user:pw@hooks.example.com/', events: ['booking.created'] }, 'url', /password/],
    [{ url: 'https://127.0.0.1/x', events: ['booking.created'] }, 'url', /public/],
    [{ url: 'https://10.1.2.3/x', events: ['booking.created'] }, 'url', /public/],
    [{ url: 'https://169.254.169.254/latest', events: ['booking.created'] }, 'url', /public/],
    [{ url: 'https://[::1]/x', events: ['booking.created'] }, 'url', /public/],
    [{ url: 'https://[::ffff:192.168.0.1]/x', events: ['booking.created'] }, 'url', /public/],
    [{ url: 'https://localhost/x', events: ['booking.created'] }, 'url', /public/],
    [{ url: URL, events: [] }, 'events', /at least one/],
    [{ url: URL, events: ['booking.exploded'] }, 'events.0', /./],
    [{ events: ['booking.created'] }, 'url', /./],
  ])('refuses %j with 400 and a message for %s', async (body, field, message) => {
    const res = await call(ctx, 'POST', '/api/admin/webhooks', { session: provider.session, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.fields[field]).toMatch(message);
  });

  it('refuses an 11th endpoint with 422', async () => {
    for (let i = 0; i < 10; i++) await createEndpoint(ctx, provider.session, `${URL}/${i}`);
    const res = await call(ctx, 'POST', '/api/admin/webhooks', {
      session: provider.session,
      body: { url: URL, events: ['booking.created'] },
    });
    expect(res.status).toBe(422);
  });

  it("gives another business's endpoint and deliveries a 404 and leaves them as they were", async () => {
    const { id } = await createEndpoint(ctx, provider.session, URL);
    const test = await call(ctx, 'POST', `/api/admin/webhooks/${id}/test`, { session: provider.session });
    const other = await createProvider(ctx);
    const as = { session: other.session };
    for (const [method, path, body] of [
      ['GET', `/api/admin/webhooks/${id}`],
      ['PATCH', `/api/admin/webhooks/${id}`, { enabled: false }],
      ['DELETE', `/api/admin/webhooks/${id}`],
      ['POST', `/api/admin/webhooks/${id}/rotate-secret`],
      ['POST', `/api/admin/webhooks/${id}/test`],
      ['GET', `/api/admin/webhooks/${id}/deliveries`],
      ['POST', `/api/admin/webhooks/${id}/deliveries/${test.body.delivery.id}/redeliver`],
    ] as const) {
      const res = await call(ctx, method, path, { ...as, ...(body && { body }) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await call(ctx, 'GET', '/api/admin/webhooks', as)).body.endpoints).toEqual([]);
    const mine = await call(ctx, 'GET', `/api/admin/webhooks/${id}`, { session: provider.session });
    expect(mine.body.endpoint).toMatchObject({ enabled: true, url: URL });
    const log = await call(ctx, 'GET', `/api/admin/webhooks/${id}/deliveries`, { session: provider.session });
    expect(log.body.deliveries).toHaveLength(1);
  });

  it('is for the owner and admins only: staff get 403', async () => {
    const staff = await inviteAndJoin(ctx, provider, MIA_STAFF);
    const res = await call(ctx, 'GET', '/api/admin/webhooks', { session: staff.session });
    expect(res.status).toBe(403);
    const create = await call(ctx, 'POST', '/api/admin/webhooks', {
      session: staff.session,
      body: { url: URL, events: ['booking.created'] },
    });
    expect(create.status).toBe(403);
  });
});
