import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session } from '../support/http.js';
import { inviteAndJoin } from '../support/team.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

const SLOT = '2026-12-02T09:00:00.000Z'; // Wednesday 10:00 Berlin, open
const KEY_SHAPE = /^bys_live_[a-z2-7]{52}$/;

/** An integration's request: no browser, so no Origin and no cookie unless the test adds them. */
async function withKey(
  ctx: TestContext,
  method: string,
  path: string,
  key: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}`, ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await ctx.app.request(`${APP_URL}${path}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

describe('API keys', () => {
  let ctx: TestContext;
  let anna: ProviderFixture;

  const createKey = async (scope: 'read' | 'read_write', p: { session: Session } = anna, name = 'CRM') => {
    const res = await call(ctx, 'POST', '/api/admin/api-keys', { session: p.session, body: { name, scope } });
    expect(res.status).toBe(201);
    return res.body as { key: string; apiKey: { id: number; prefix: string; lastUsedAt: string | null } };
  };
  const listKeys = async (p: { session: Session } = anna) =>
    (await call(ctx, 'GET', '/api/admin/api-keys', { session: p.session })).body.apiKeys;

  beforeEach(async () => {
    ctx = await createTestContext();
    anna = await createProvider(ctx, { slug: 'studio-anna', profile: { name: 'Studio Anna' } });
  });

  describe('making and listing', () => {
    it('shows the key once, lists it without the secret, and keeps only its hash', async () => {
      const { key, apiKey } = await createKey('read');
      expect(key).toMatch(KEY_SHAPE);
      expect(key.startsWith(apiKey.prefix)).toBe(true);
      expect(apiKey.prefix).toHaveLength('bys_live_'.length + 12);
      expect(apiKey).toMatchObject({ name: 'CRM', scope: 'read', createdBy: 'Test provider', lastUsedAt: null });

      const listed = await listKeys();
      expect(listed).toEqual([apiKey]);
      expect(JSON.stringify(listed)).not.toContain(key);

      const rows = await ctx.db.selectFrom('api_keys').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(key.slice('bys_live_'.length + 12));
      expect(rows[0]!.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    });

    it('makes a different key each time', async () => {
      const a = await createKey('read');
      const b = await createKey('read');
      expect(a.key).not.toBe(b.key);
      expect(a.apiKey.prefix).not.toBe(b.apiKey.prefix);
      expect((await listKeys()).map((k: { id: number }) => k.id)).toEqual([b.apiKey.id, a.apiKey.id]);
    });

    it('refuses a bad name or scope with the fields named', async () => {
      const res = await call(ctx, 'POST', '/api/admin/api-keys', {
        session: anna.session,
        body: { name: ' ', scope: 'admin' },
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields).sort()).toEqual(['name', 'scope']);
    });

    it('is for the owner and admins, not staff, and never for a key', async () => {
      const admin = await inviteAndJoin(ctx, anna, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
      const staff = await inviteAndJoin(ctx, anna, { email: 'sam@example.com', name: 'Sam', role: 'staff' });
      const byAdmin = await createKey('read_write', admin, 'Zapier');
      expect(byAdmin.apiKey).toMatchObject({ createdBy: 'Ada' });
      const staffTries = await call(ctx, 'POST', '/api/admin/api-keys', {
        session: staff.session,
        body: { name: 'Mine', scope: 'read' },
      });
      expect(staffTries.status).toBe(403);
      expect((await call(ctx, 'GET', '/api/admin/api-keys', { session: staff.session })).status).toBe(403);

      const keyLists = await withKey(ctx, 'GET', '/api/admin/api-keys', byAdmin.key);
      expect(keyLists.status).toBe(403);
      const keyMints = await withKey(ctx, 'POST', '/api/admin/api-keys', byAdmin.key, {
        body: { name: 'Another', scope: 'read_write' },
      });
      expect(keyMints.status).toBe(403);
      const keyRevokes = await withKey(ctx, 'DELETE', `/api/admin/api-keys/${byAdmin.apiKey.id}`, byAdmin.key);
      expect(keyRevokes.status).toBe(403);
      expect(await listKeys()).toHaveLength(1);
    });
  });

  describe('authenticating', () => {
    it('reads the admin API of its business with the key alone', async () => {
      const { key } = await createKey('read');
      const services = await withKey(ctx, 'GET', '/api/admin/services', key);
      expect(services.status).toBe(200);
      expect(services.body.services.map((s: { id: number }) => s.id)).toEqual([anna.serviceId]);
      const profile = await withKey(ctx, 'GET', '/api/admin/profile', key);
      expect(profile.status).toBe(200);
      expect(profile.body.profile).toMatchObject({ slug: 'studio-anna', me: { role: 'admin' } });
      const appointments = await withKey(ctx, 'GET', '/api/admin/appointments?from=2026-12-01T00:00:00Z', key);
      expect(appointments.status).toBe(200);
      expect((await withKey(ctx, 'HEAD', '/api/admin/services', key)).status).toBe(200);
    });

    it('refuses a write with a read key (403 insufficient_scope) and changes nothing', async () => {
      const { key } = await createKey('read');
      const res = await withKey(ctx, 'POST', '/api/admin/services', key, {
        body: { name: 'Massage', durationMinutes: 30, price: { amountMinor: 3000, currency: 'EUR' } },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('insufficient_scope');
      expect(res.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
      const walkIn = await withKey(ctx, 'POST', '/api/admin/appointments', key, {
        body: { service: anna.serviceId, start: SLOT, customer: { name: 'Walter' } },
      });
      expect(walkIn.status).toBe(403);
      expect(await ctx.db.selectFrom('services').select('id').execute()).toHaveLength(1);
      expect(await ctx.db.selectFrom('appointments').select('id').execute()).toHaveLength(0);
    });

    it('writes with a read_write key: a new service and a walk-in, no Origin needed', async () => {
      const { key } = await createKey('read_write');
      const service = await withKey(ctx, 'POST', '/api/admin/services', key, {
        body: { name: 'Massage', durationMinutes: 30, price: { amountMinor: 3000, currency: 'EUR' } },
      });
      expect(service.status).toBe(201);
      expect(service.body.service).toMatchObject({ name: 'Massage' });
      const walkIn = await withKey(ctx, 'POST', '/api/admin/appointments', key, {
        body: { service: service.body.service.id, start: SLOT, customer: { name: 'Walter Walk-in' } },
      });
      expect(walkIn.status).toBe(201);
      expect(walkIn.body.appointment).toMatchObject({ status: 'confirmed', start: SLOT });
      const seen = await call(ctx, 'GET', `/api/admin/appointments/${walkIn.body.appointment.id}`, {
        session: anna.session,
      });
      expect(seen.status).toBe(200);
    });

    it('acts as an admin: never what only the owner or a person signed in may do', async () => {
      const { key } = await createKey('read_write');
      const close = await withKey(ctx, 'POST', '/api/admin/business/close', key, { body: { confirm: 'studio-anna' } });
      expect(close.status).toBe(403);
      const leave = await withKey(ctx, 'POST', '/api/admin/team/leave', key, { body: { future: 'cancel' } });
      expect(leave.status).toBe(403);
      const profile = await call(ctx, 'GET', '/api/admin/profile', { session: anna.session });
      const { me: _, ...fields } = profile.body.profile;
      const rename = await withKey(ctx, 'PUT', '/api/admin/profile', key, { body: { ...fields, name: 'Taken over' } });
      expect(rename.status).toBe(403);
      const owner = await ctx.db.selectFrom('team_members').select(['role', 'left_at']).executeTakeFirstOrThrow();
      expect(owner).toEqual({ role: 'owner', left_at: null });
      expect((await ctx.db.selectFrom('providers').select('name').executeTakeFirstOrThrow()).name).toBe('Studio Anna');
    });

    it('answers 401 to a revoked, unknown or malformed key', async () => {
      const { key, apiKey } = await createKey('read_write');
      expect((await withKey(ctx, 'GET', '/api/admin/services', key)).status).toBe(200);
      const revoked = await call(ctx, 'DELETE', `/api/admin/api-keys/${apiKey.id}`, { session: anna.session });
      expect(revoked.status).toBe(204);
      const after = await withKey(ctx, 'GET', '/api/admin/services', key);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('unauthenticated');
      expect(after.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect((await listKeys())[0].revokedAt).toBe(ctx.clock.now.toISOString());

      // Same prefix, another secret: found by its prefix, refused by its hash.
      const forged = `${key.slice(0, -4)}${key.endsWith('aaaa') ? 'bbbb' : 'aaaa'}`;
      const live = await createKey('read');
      const forgedLive = `${live.key.slice(0, -4)}${live.key.endsWith('aaaa') ? 'bbbb' : 'aaaa'}`;
      for (const bad of [forged, forgedLive, 'bys_live_nope', '']) {
        expect((await withKey(ctx, 'GET', '/api/admin/services', bad)).status).toBe(401);
      }
      const basic = await ctx.app.request(`${APP_URL}/api/admin/services`, {
        headers: { Authorization: `Basic ${btoa('a:b')}`, Cookie: anna.session.cookie },
      });
      expect(basic.status, 'a bad Authorization never falls back to the cookie').toBe(401);
    });

    it("never reaches another business's data", async () => {
      const bob = await createProvider(ctx, { slug: 'bobs-barbers' });
      const booked = await call(ctx, 'POST', '/api/admin/appointments', {
        session: bob.session,
        body: { service: bob.serviceId, start: SLOT, customer: { name: 'Bob customer' } },
      });
      expect(booked.status).toBe(201);
      const bobKey = await createKey('read', bob);
      const { key, apiKey } = await createKey('read_write');

      const appointment = await withKey(ctx, 'GET', `/api/admin/appointments/${booked.body.appointment.id}`, key);
      expect(appointment.status).toBe(404);
      const service = await withKey(ctx, 'PATCH', `/api/admin/services/${bob.serviceId}`, key, {
        body: { name: 'Mine now' },
      });
      expect(service.status).toBe(404);
      const services = await withKey(ctx, 'GET', '/api/admin/services', key);
      expect(services.body.services.map((s: { id: number }) => s.id)).toEqual([anna.serviceId]);
      // Bob cannot revoke Anna's key, nor see it.
      expect((await call(ctx, 'DELETE', `/api/admin/api-keys/${apiKey.id}`, { session: bob.session })).status).toBe(
        404,
      );
      expect((await listKeys(bob)).map((k: { id: number }) => k.id)).toEqual([bobKey.apiKey.id]);
      expect((await withKey(ctx, 'GET', '/api/admin/services', key)).status).toBe(200);
    });

    it('records the last use at most once a minute', async () => {
      const { key } = await createKey('read');
      const lastUsed = async () => (await listKeys())[0].lastUsedAt;
      const start = ctx.clock.now;
      const at = (ms: number) => new Date(start.getTime() + ms);

      await withKey(ctx, 'GET', '/api/admin/services', key);
      expect(await lastUsed()).toBe(start.toISOString());
      ctx.clock.now = at(30_000);
      await withKey(ctx, 'GET', '/api/admin/services', key);
      expect(await lastUsed(), 'within the minute: no write').toBe(start.toISOString());
      ctx.clock.now = at(60_000);
      await withKey(ctx, 'GET', '/api/admin/services', key);
      expect(await lastUsed()).toBe(at(60_000).toISOString());
      // A refused write is a use too: the key was presented and found.
      ctx.clock.now = at(180_000);
      expect((await withKey(ctx, 'POST', '/api/admin/services', key, { body: {} })).status).toBe(403);
      expect(await lastUsed()).toBe(at(180_000).toISOString());
    });
  });

  describe('CSRF', () => {
    const massage = { name: 'Massage', durationMinutes: 30, price: { amountMinor: 3000, currency: 'EUR' } };

    it('does not apply to a key-authenticated write, even one carrying a cookie from elsewhere', async () => {
      const { key } = await createKey('read_write');
      const bob = await createProvider(ctx, { slug: 'bobs-barbers' });
      const res = await withKey(ctx, 'POST', '/api/admin/services', key, {
        body: massage,
        headers: { Origin: 'https://evil.example', Cookie: bob.session.cookie },
      });
      expect(res.status).toBe(201);
      // The key decided: the service is Anna's, Bob's cookie was ignored.
      const annas = await call(ctx, 'GET', '/api/admin/services', { session: anna.session });
      expect(annas.body.services.map((s: { name: string }) => s.name)).toContain('Massage');
      const bobs = await call(ctx, 'GET', '/api/admin/services', { session: bob.session });
      expect(bobs.body.services.map((s: { name: string }) => s.name)).not.toContain('Massage');
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('still applies to a cookie-authenticated write', async () => {
      const res = await call(ctx, 'POST', '/api/admin/services', {
        session: anna.session,
        body: massage,
        headers: { Origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('csrf_failed');
    });
  });

  it('limits requests per key with 429 and Retry-After', async () => {
    ctx = await createTestContext({ config: { apiKeyRateLimit: 3 } });
    anna = await createProvider(ctx, { slug: 'studio-anna' });
    const first = await createKey('read');
    const second = await createKey('read');
    for (let i = 0; i < 3; i++) expect((await withKey(ctx, 'GET', '/api/admin/services', first.key)).status).toBe(200);
    const limited = await withKey(ctx, 'GET', '/api/admin/services', first.key);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBe(60);
    expect((await withKey(ctx, 'GET', '/api/admin/services', second.key)).status, 'another key, its own limit').toBe(
      200,
    );
    expect((await call(ctx, 'GET', '/api/admin/services', { session: anna.session })).status).toBe(200);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    expect((await withKey(ctx, 'GET', '/api/admin/services', first.key)).status).toBe(200);
  });
});
