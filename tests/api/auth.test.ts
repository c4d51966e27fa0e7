import { beforeEach, describe, expect, it } from 'vitest';
import { call, sessionFrom, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const credentials = { email: 'Ada@Example.com', password: 'correct horse battery', name: 'Ada', role: 'customer' };

describe('accounts and sessions', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext();
  });

  it('signs up with an Argon2id hash, an httpOnly SameSite cookie and a hashed session id', async () => {
    const res = await call(ctx, 'POST', '/api/auth/signup', { body: credentials });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'ada@example.com', role: 'customer', name: 'Ada' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // APP_URL is http in tests
    const user = await ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const token = sessionFrom(res.headers).cookie.split('=')[1]!;
    const session = await ctx.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(session.id).not.toBe(token);
  });

  it('names the cookie __Host-session over https (Secure, Path=/, no Domain), and reads and clears it by that name', async () => {
    const secure = await createTestContext({ config: { appUrl: 'https://booking.test' } });
    const request = (path: string, init: { body?: unknown; cookie?: string } = {}) =>
      secure.app.request(`https://booking.test${path}`, {
        method: init.body === undefined && path === '/api/me' ? 'GET' : 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: 'https://booking.test',
          ...(init.cookie && { Cookie: init.cookie }),
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      });
    const res = await request('/api/auth/signup', { body: credentials });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-session=[a-z2-7]{32};/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; Path=\/;/);
    expect(setCookie).not.toMatch(/Domain=/i);
    const session = sessionFrom(res.headers);
    expect((await request('/api/me', { cookie: session.cookie })).status).toBe(200);
    // The unprefixed name is not ours over https: a cookie planted as `session` by a sibling site is ignored.
    expect((await request('/api/me', { cookie: session.cookie.replace('__Host-', '') })).status).toBe(401);
    const logout = await request('/api/auth/logout', { cookie: session.cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^__Host-session=; Max-Age=0;.*Secure/);
    expect((await request('/api/me', { cookie: session.cookie })).status).toBe(401);
  });

  it('never makes a second account for one email, whatever its case: a confirmed one is taken, an unconfirmed one gets a link', async () => {
    await call(ctx, 'POST', '/api/auth/signup', { body: credentials });
    const unconfirmed = await call(ctx, 'POST', '/api/auth/signup', {
      body: { ...credentials, email: 'ADA@example.com' },
    });
    expect(unconfirmed.status).toBe(202);
    expect(unconfirmed.body).toEqual({ confirmationSent: true });
    expect(unconfirmed.headers.get('set-cookie')).toBeNull();
    await ctx.db.updateTable('users').set({ email_verified_at: ctx.clock.now.toISOString() }).execute();
    const res = await call(ctx, 'POST', '/api/auth/signup', { body: { ...credentials, email: 'ADA@example.com' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
    expect(await ctx.db.selectFrom('users').select('email').execute()).toEqual([{ email: 'ada@example.com' }]);
  });

  it('logs in, tells who is signed in, and logs out server-side', async () => {
    await call(ctx, 'POST', '/api/auth/signup', { body: credentials });
    const login = await call(ctx, 'POST', '/api/auth/login', {
      body: { email: 'ada@example.com', password: credentials.password },
    });
    expect(login.status).toBe(200);
    const session = sessionFrom(login.headers);
    const me = await call(ctx, 'GET', '/api/me', { session });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('ada@example.com');
    expect((await call(ctx, 'POST', '/api/auth/logout', { session })).status).toBe(204);
    expect((await call(ctx, 'GET', '/api/me', { session })).status).toBe(401);
  });

  it('rejects a wrong password with 401 and the same message as an unknown email', async () => {
    await call(ctx, 'POST', '/api/auth/signup', { body: credentials });
    const wrong = await call(ctx, 'POST', '/api/auth/login', {
      body: { email: 'ada@example.com', password: 'nope nope nope' },
    });
    const unknown = await call(ctx, 'POST', '/api/auth/login', {
      body: { email: 'who@example.com', password: 'nope nope nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('issues a new session on login and drops the one presented before (no fixation)', async () => {
    const signup = await call(ctx, 'POST', '/api/auth/signup', { body: credentials });
    const before = sessionFrom(signup.headers);
    const login = await call(ctx, 'POST', '/api/auth/login', {
      body: { email: 'ada@example.com', password: credentials.password },
      session: before,
    });
    const after = sessionFrom(login.headers);
    expect(after.cookie).not.toBe(before.cookie);
    expect((await call(ctx, 'GET', '/api/me', { session: before })).status).toBe(401);
    expect((await call(ctx, 'GET', '/api/me', { session: after })).status).toBe(200);
  });

  it('extends a session used in its second half and expires an unused one', async () => {
    const { cookie } = await signUp(ctx, 'customer');
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 20 * 86_400_000);
    const renewed = await call(ctx, 'GET', '/api/me', { session: { cookie } });
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('set-cookie')).toMatch(/^session=/);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 29 * 86_400_000);
    expect((await call(ctx, 'GET', '/api/me', { session: { cookie } })).status).toBe(200);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 31 * 86_400_000);
    expect((await call(ctx, 'GET', '/api/me', { session: { cookie } })).status).toBe(401);
  });

  it('invalidates every other session when the password changes', async () => {
    const first = await signUp(ctx, 'customer', { email: 'pw@example.com' });
    const login = await call(ctx, 'POST', '/api/auth/login', {
      body: { email: 'pw@example.com', password: 'correct horse battery' },
    });
    const second = sessionFrom(login.headers);
    const change = await call(ctx, 'POST', '/api/auth/password', {
      session: first,
      body: { currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' },
    });
    expect(change.status).toBe(204);
    expect((await call(ctx, 'GET', '/api/me', { session: second })).status).toBe(401);
    expect((await call(ctx, 'GET', '/api/me', { session: sessionFrom(change.headers) })).status).toBe(200);
    const old = await call(ctx, 'POST', '/api/auth/login', {
      body: { email: 'pw@example.com', password: 'correct horse battery' },
    });
    expect(old.status).toBe(401);
  });

  it('refuses cookie-authenticated writes from another origin (CSRF)', async () => {
    const customer = await signUp(ctx, 'customer');
    const forged = await call(ctx, 'POST', '/api/auth/logout', {
      session: customer,
      headers: { Origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_failed');
    expect((await call(ctx, 'GET', '/api/me', { session: customer })).status).toBe(200);
    const noOrigin = await ctx.app.request('http://booking.test/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: customer.cookie },
    });
    expect(noOrigin.status).toBe(403);
  });

  it('trusts only APP_URL as the origin of cookie-authenticated writes, not whatever the Host header names', async () => {
    const customer = await signUp(ctx, 'customer');
    // A request to the same server under another name (DNS rebinding, a second virtual host) whose Origin
    // matches that name, not APP_URL.
    const rebound = await ctx.app.request('http://rebound.example/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: customer.cookie, Origin: 'http://rebound.example', Host: 'rebound.example' },
    });
    expect(rebound.status).toBe(403);
    expect((await rebound.json()).error.code).toBe('csrf_failed');
    expect((await call(ctx, 'GET', '/api/me', { session: customer })).status).toBe(200);
    expect((await call(ctx, 'POST', '/api/auth/logout', { session: customer })).status).toBe(204);
  });

  it('rate-limits login attempts per email and address with 429 and Retry-After', async () => {
    const attempt = () =>
      call(ctx, 'POST', '/api/auth/login', { body: { email: 'target@example.com', password: 'guess guess guess' } });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const otherEmail = await call(ctx, 'POST', '/api/auth/login', {
      body: { email: 'other@example.com', password: 'guess guess guess' },
    });
    expect(otherEmail.status).toBe(401);
  });

  it('validates signup input', async () => {
    const res = await call(ctx, 'POST', '/api/auth/signup', {
      body: { email: 'x', password: 'short', name: '', role: 'admin' },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'name', 'password', 'role']);
  });
});
