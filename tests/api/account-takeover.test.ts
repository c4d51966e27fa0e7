/**
 * The takeover reported in issue 11, replayed over the HTTP API: a guest books as the victim; an attacker signs up
 * with the victim's address. The attacker must not get the confirmation link through the site, must not see or
 * change the victim's bookings, and the real owner must get the account back through their inbox.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { emailWorker } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, sessionFrom, signUp } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const VICTIM = 'victim@example.org';
const OWNER_PASSWORD = 'the real owner’s passphrase';
const ATTACKER_PASSWORD = 'correct horse battery';

describe('an attacker signing up with a guest’s address', () => {
  const inbox = realInbox();
  let ctx: TestContext;
  let provider: ProviderFixture;
  let guestBooking: { id: number; manageUrl: string };
  let attacker: Session & { userId: number };

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
    const booked = await book(ctx, provider, '2026-12-02T09:00:00.000Z', {
      customer: { name: 'Vera Victim', email: VICTIM },
      note: 'Gate code 4711',
    });
    expect(booked.status).toBe(201);
    guestBooking = booked.body.booking;
    attacker = await signUp(ctx, 'customer', { email: VICTIM, name: 'Mallory' });
  });

  /** Every answer the attacker's session can get about emails, as text. */
  const attackersView = async () => {
    const list = await call(ctx, 'GET', '/api/me/emails', { session: attacker });
    const one = await Promise.all(
      (await ctx.db.selectFrom('email_outbox').select('id').where('to_user_id', '=', attacker.userId).execute()).map(
        async ({ id }) => [
          await call(ctx, 'GET', `/api/me/emails/${id}`, { session: attacker }),
          await call(ctx, 'GET', `/api/me/emails/${id}/html`, { session: attacker }),
        ],
      ),
    );
    return { list, text: JSON.stringify([list.body, ...one.flat().map((r) => [r.status, r.body])]) };
  };

  it('never shows the attacker the confirmation link, in any answer, and keeps its token out of the database', async () => {
    const asked = await call(ctx, 'POST', '/api/auth/verify-email/request', { session: attacker });
    expect(asked.status).toBe(202);
    expect(JSON.stringify(asked.body)).not.toMatch(/token/i);

    const before = await attackersView();
    expect(before.list.status).toBe(200);
    expect(before.list.body.emails).toEqual([]);
    expect(before.text).not.toContain('/verify-email');

    await inbox.deliver(ctx);
    const token = inbox.token(VICTIM, '/verify-email');
    const after = await attackersView();
    expect(after.list.body.emails).toEqual([]);
    expect(after.text).not.toContain(token);
    for (const id of (
      await ctx.db.selectFrom('email_outbox').select('id').where('kind', '=', 'verify_email').execute()
    ).map((r) => r.id)) {
      expect((await call(ctx, 'GET', `/api/me/emails/${id}`, { session: attacker })).status).toBe(404);
    }

    // At rest: the link's token is stored as a hash only, and the sent email keeps neither it nor its sealed copy.
    const stored = JSON.stringify([
      await ctx.db.selectFrom('account_tokens').selectAll().execute(),
      await ctx.db.selectFrom('email_outbox').selectAll().execute(),
    ]);
    expect(stored).not.toContain(token);
    const sent = await ctx.db
      .selectFrom('email_outbox')
      .select(['status', 'link_token_sealed'])
      .where('kind', '=', 'verify_email')
      .execute();
    expect(sent.length).toBeGreaterThan(0);
    for (const row of sent) expect(row).toEqual({ status: 'sent', link_token_sealed: null });
  });

  it('gives the attacker neither the guest’s bookings nor a way to cancel them', async () => {
    expect((await call(ctx, 'GET', '/api/me/appointments', { session: attacker })).body.appointments).toEqual([]);
    expect((await call(ctx, 'GET', `/api/bookings/${guestBooking.id}`, { session: attacker })).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/bookings/${guestBooking.id}/emails`, { session: attacker })).status).toBe(404);
    const cancel = await call(ctx, 'POST', `/api/bookings/${guestBooking.id}/cancel`, { session: attacker, body: {} });
    expect(cancel.status).toBe(404);
    const row = await ctx.db
      .selectFrom('appointments')
      .select(['status', 'customer_user_id'])
      .where('id', '=', guestBooking.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'confirmed', customer_user_id: null });
  });

  it('lets the real owner sign up again: the link in their inbox gives them the account and ends the attacker’s sessions', async () => {
    const again = await call(ctx, 'POST', '/api/auth/signup', {
      body: { email: VICTIM, password: OWNER_PASSWORD, name: 'Vera Victim', role: 'customer' },
    });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ confirmationSent: true });
    expect(again.headers.get('set-cookie')).toBeNull();
    // Until the link is opened nothing changes: the attacker's password still works, the owner's does not yet.
    expect(
      (await call(ctx, 'POST', '/api/auth/login', { body: { email: VICTIM, password: OWNER_PASSWORD } })).status,
    ).toBe(401);
    expect((await call(ctx, 'GET', '/api/me', { session: attacker })).status).toBe(200);
    expect((await attackersView()).list.body.emails).toEqual([]);

    await inbox.deliver(ctx);
    const confirm = inbox.of(VICTIM).find((e) => e.subject === 'Confirm your new sign-up');
    expect(confirm?.text).not.toContain('Mallory');
    const token = inbox.token(VICTIM, '/verify-email', 'Confirm your new sign-up');
    const opened = await call(ctx, 'POST', '/api/auth/verify-email', { body: { token } });
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ emailVerified: true, role: 'customer', attached: 1, signedIn: true });
    const owner = sessionFrom(opened.headers);

    expect((await call(ctx, 'GET', '/api/me', { session: attacker })).status).toBe(401);
    expect(
      (await call(ctx, 'POST', '/api/auth/login', { body: { email: VICTIM, password: ATTACKER_PASSWORD } })).status,
    ).toBe(401);
    expect(
      (await call(ctx, 'POST', '/api/auth/login', { body: { email: VICTIM, password: OWNER_PASSWORD } })).status,
    ).toBe(200);
    const me = await call(ctx, 'GET', '/api/me', { session: owner });
    expect(me.body.user).toMatchObject({ email: VICTIM, name: 'Vera Victim', emailVerified: true });
    const mine = await call(ctx, 'GET', '/api/me/appointments', { session: owner });
    expect(mine.body.appointments.map((a: { id: number }) => a.id)).toEqual([guestBooking.id]);
    // The link worked once; the confirmation link sent at the attacker's sign-up died with the takeover.
    expect((await call(ctx, 'POST', '/api/auth/verify-email', { body: { token } })).status).toBe(400);
    const first = inbox.token(VICTIM, '/verify-email', 'Confirm your email address');
    expect((await call(ctx, 'POST', '/api/auth/verify-email', { body: { token: first } })).status).toBe(400);
    // Now the address is proven, nobody can sign up with it again.
    const late = await call(ctx, 'POST', '/api/auth/signup', {
      body: { email: VICTIM, password: ATTACKER_PASSWORD, name: 'Mallory', role: 'customer' },
    });
    expect(late.status).toBe(409);
  });

  it('lets the real owner recover it through a password link instead', async () => {
    expect((await call(ctx, 'POST', '/api/auth/password-reset/request', { body: { email: VICTIM } })).status).toBe(202);
    await inbox.deliver(ctx);
    const token = inbox.token(VICTIM, '/reset-password');
    const reset = await call(ctx, 'POST', '/api/auth/password-reset', { body: { token, password: OWNER_PASSWORD } });
    expect(reset.status).toBe(200);
    expect((await call(ctx, 'GET', '/api/me', { session: attacker })).status).toBe(401);
    const login = await call(ctx, 'POST', '/api/auth/login', { body: { email: VICTIM, password: OWNER_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.user.emailVerified).toBe(true);
    const mine = await call(ctx, 'GET', '/api/me/appointments', { session: sessionFrom(login.headers) });
    expect(mine.body.appointments.map((a: { id: number }) => a.id)).toEqual([guestBooking.id]);
  });

  it('without SMTP_URL, prints the link to the server log and still not to the site', async () => {
    const lines: string[] = [];
    const worker = emailWorker(ctx, { log: (line) => lines.push(line) });
    await worker.runOnce();
    await worker.stop();
    const link = lines.map((l) => /https?:\/\/\S+\/verify-email\?token=\S+/.exec(l)?.[0]).find(Boolean);
    expect(link).toBeDefined();
    expect(lines.join('\n')).not.toContain(VICTIM);
    const token = new URL(link!).searchParams.get('token')!;
    expect((await attackersView()).text).not.toContain(token);
    expect((await call(ctx, 'POST', '/api/auth/verify-email', { body: { token } })).status).toBe(200);
  });
});
