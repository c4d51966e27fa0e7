import { beforeEach, describe, expect, it } from 'vitest';
import { call, sessionFrom, signUp } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const OLD = 'correct horse battery';
const NEW = 'a brand new passphrase';
const HOUR = 60 * 60 * 1000;

describe('password reset', () => {
  const inbox = realInbox();
  let ctx: TestContext;

  beforeEach(async () => {
    ctx = await createTestContext();
  });

  const ask = (email: string, headers: Record<string, string> = {}) =>
    call(ctx, 'POST', '/api/auth/password-reset/request', { body: { email }, headers });
  const reset = (token: string, password = NEW) =>
    call(ctx, 'POST', '/api/auth/password-reset', { body: { token, password } });
  const login = (email: string, password: string) =>
    call(ctx, 'POST', '/api/auth/login', { body: { email, password } });
  const linkFor = async (email: string) => {
    await inbox.deliver(ctx);
    return inbox.token(email, '/reset-password', 'Choose a new password');
  };

  it('emails a single-use link that sets the password and ends every session of the account', async () => {
    const ada = await signUp(ctx, 'customer', { email: 'ada@example.com' });
    const other = sessionFrom((await login('ada@example.com', OLD)).headers);
    const asked = await ask('ADA@example.com');
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ sent: true });
    const token = await linkFor('ada@example.com');
    expect(inbox.of('ada@example.com').find((e) => e.subject === 'Choose a new password')?.text).toContain('one hour');
    // The link is not on the site: the account's mailbox shows no such email.
    expect((await call(ctx, 'GET', '/api/me/emails', { session: ada })).body.emails).toEqual([]);

    expect((await reset(token, 'short')).status).toBe(400);
    const done = await reset(token);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ passwordReset: true, role: 'customer' });
    for (const session of [ada, other]) expect((await call(ctx, 'GET', '/api/me', { session })).status).toBe(401);
    expect((await login('ada@example.com', OLD)).status).toBe(401);
    expect((await login('ada@example.com', NEW)).status).toBe(200);
    // Once only.
    const again = await reset(token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toEqual({ token: 'invalid or expired' });
  });

  it('answers the same whether or not the address has an account', async () => {
    await signUp(ctx, 'customer', { email: 'ada@example.com' });
    const known = await ask('ada@example.com');
    const unknown = await ask('nobody@example.com');
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    expect(known.headers.get('set-cookie')).toBe(unknown.headers.get('set-cookie'));
    await inbox.deliver(ctx);
    expect(inbox.of('nobody@example.com')).toEqual([]);
    expect(inbox.of('ada@example.com').filter((e) => e.subject === 'Choose a new password')).toHaveLength(1);
  });

  it('lets the link work for one hour only', async () => {
    await signUp(ctx, 'customer', { email: 'ada@example.com' });
    await ask('ada@example.com');
    const token = await linkFor('ada@example.com');
    ctx.clock.now = new Date(ctx.clock.now.getTime() + HOUR);
    expect((await reset(token)).status).toBe(400);
    expect((await login('ada@example.com', OLD)).status).toBe(200);
  });

  it('limits requests per address and per client, on the app’s clock', async () => {
    for (let i = 0; i < 5; i++) expect((await ask('ada@example.com')).status).toBe(202);
    const limited = await ask('ada@example.com');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address from the same client still gets through, up to the client's own limit.
    for (let i = 0; i < 14; i++) expect((await ask(`someone${i}@example.com`)).status).toBe(202);
    expect((await ask('one-more@example.com')).status).toBe(429);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + HOUR);
    expect((await ask('ada@example.com')).status).toBe(202);
  });
});
