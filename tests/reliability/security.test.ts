import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from '../support/child-server.js';
import { call, sessionFrom } from '../support/http.js';
import { openAllHours } from '../support/open-all-hours.js';
import { listen } from '../support/server.js';
import { until } from '../support/smtp.js';
import { APP_URL } from '../support/test-app.js';
import { defaultRecipe, type Outcome, recipes, routesOf } from './support/routes.js';
import {
  asContext,
  buildWorld,
  type Member,
  openCopy,
  PASSWORD,
  PII,
  piiStrings,
  ROLES,
  type World,
} from './support/world.js';

const EVIL = 'https://evil.example';
const granted: Outcome[] = ['ok', 'own', 'reached', 'served'];

describe('security', () => {
  let world: World;
  let routes: string[];
  beforeAll(async () => {
    world = await buildWorld();
    const probe = await openCopy(world);
    routes = routesOf(probe.app);
    await probe.close();
  });
  afterAll(() => rmSync(world.dir, { recursive: true, force: true }));

  describe('sessions', () => {
    it('gives a new session on login: a planted cookie, valid or not, is worthless afterwards (no fixation)', async () => {
      const copy = await openCopy(world);
      try {
        const ctx = asContext(copy);
        // The attacker's own valid session, planted in the victim's browser before the victim signs in.
        const attacker = await call(ctx, 'POST', '/api/auth/login', {
          body: { email: world.sessions.otherCustomer.email, password: PASSWORD },
        });
        const planted = sessionFrom(attacker.headers);
        for (const cookie of [planted.cookie, 'session=attacker-chosen-value-0123456789']) {
          const login = await call(ctx, 'POST', '/api/auth/login', {
            body: { email: world.sessions.customer.email, password: PASSWORD },
            headers: { Cookie: cookie },
          });
          expect(login.status).toBe(200);
          const fresh = sessionFrom(login.headers);
          expect(fresh.cookie).not.toBe(cookie);
          expect(fresh.cookie).toMatch(/^session=[a-z2-7]{32}$/); // 160 random bits
          expect((await call(ctx, 'GET', '/api/me', { session: fresh })).body.user.email).toBe(
            world.sessions.customer.email,
          );
          expect((await call(ctx, 'GET', '/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
        }
        const cookieHeader = (
          await call(ctx, 'POST', '/api/auth/login', {
            body: { email: world.sessions.customer.email, password: PASSWORD },
          })
        ).headers.get('set-cookie')!;
        expect(cookieHeader).toMatch(/HttpOnly/i);
        expect(cookieHeader).toMatch(/SameSite=Lax/i);
        expect(cookieHeader).toMatch(/Path=\//i);
      } finally {
        await copy.close();
      }
    });

    it('marks the session cookie Secure when the site is served over https', async () => {
      const copy = await openCopy(world, { config: { appUrl: 'https://booking.example' } });
      try {
        const res = await copy.app.request('https://booking.example/api/auth/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: 'https://booking.example' },
          body: JSON.stringify({ email: world.sessions.customer.email, password: PASSWORD }),
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      } finally {
        await copy.close();
      }
    });

    it('ends the session on the server at logout: the old cookie then opens nothing, on any route', async () => {
      const copy = await openCopy(world);
      try {
        const ctx = asContext(copy);
        let checked = 0;
        for (const member of ['customer', 'provider'] as const satisfies Member[]) {
          const login = await call(ctx, 'POST', '/api/auth/login', {
            body: { email: world.sessions[member].email, password: PASSWORD },
          });
          const session = sessionFrom(login.headers);
          expect((await call(ctx, 'POST', '/api/auth/logout', { session })).status).toBe(204);
          // Every GET this member may open and an anonymous caller may not: the old cookie must now count for nothing.
          for (const key of routes.filter((k) => k.startsWith('GET '))) {
            for (const recipe of recipes[key] ?? [defaultRecipe(key)]) {
              const anonymous = recipe.expect.anonymous;
              if (!granted.includes(recipe.expect[member]) || granted.includes(anonymous)) continue;
              const spec = recipe.request(world, member);
              const res = await call(ctx, 'GET', spec.path, {
                session,
                ...(spec.headers && { headers: spec.headers }),
              });
              const expected = anonymous === 'login' ? 302 : anonymous === 'unauthenticated' ? 401 : 404;
              expect(res.status, `${key} after logout as ${member}`).toBe(expected);
              checked++;
            }
          }
        }
        expect(checked).toBeGreaterThan(20);
      } finally {
        await copy.close();
      }
    });
  });

  describe('CSRF', () => {
    it('refuses every cookie-carrying write from another origin, or from nowhere, and writes nothing', async () => {
      const copy = await openCopy(world);
      try {
        const writes = routes.filter((k) => !k.startsWith('GET '));
        let checked = 0;
        for (const key of writes) {
          const [method] = key.split(' ') as [string];
          const recipe = recipes[key]?.[0] ?? defaultRecipe(key);
          const role = (ROLES.find((r) => r !== 'anonymous' && granted.includes(recipe.expect[r])) ??
            'customer') as Member;
          const spec = recipe.request(world, role);
          const attempts: Record<string, string>[] = [
            { Origin: EVIL },
            { Origin: 'null' },
            { 'Sec-Fetch-Site': 'cross-site' },
            {},
          ];
          for (const headers of attempts) {
            const before = await copy.changes();
            const res = await copy.app.request(`${APP_URL}${spec.path}`, {
              method,
              headers: { Cookie: world.sessions[role].cookie, 'Content-Type': 'application/json', ...headers },
              ...(spec.body !== undefined && { body: JSON.stringify(spec.body) }),
            });
            const what = `${key} as ${role} with ${JSON.stringify(headers)}`;
            expect(res.status, what).toBe(403);
            expect(((await res.json()) as { error: { code: string } }).error.code, what).toBe('csrf_failed');
            expect(await copy.changes(), what).toBe(before);
            checked++;
          }
          // And the same request from our own pages is not refused for its origin.
          const own = await copy.app.request(`${APP_URL}${spec.path}`, {
            method,
            headers: {
              Cookie: world.sessions[role].cookie,
              'Content-Type': 'application/json',
              'Sec-Fetch-Site': 'same-origin',
            },
            ...(spec.body !== undefined && { body: JSON.stringify(spec.body) }),
          });
          const body = await own.text();
          expect(body, `${key} from our own origin`).not.toContain('csrf_failed');
        }
        expect(checked).toBeGreaterThan(120);
      } finally {
        await copy.close();
      }
    });
  });

  describe('headers', () => {
    /** The site's HTML pages, each as a role that gets the page itself. */
    const pages = (w: World): { path: string; role: Member | 'anonymous'; private: boolean }[] => [
      { path: '/', role: 'anonymous', private: false },
      { path: `/p/${w.provider.slug}`, role: 'anonymous', private: false },
      { path: `/p/${w.provider.slug}/book/${w.provider.serviceId}`, role: 'anonymous', private: false },
      { path: '/login', role: 'anonymous', private: true },
      { path: '/signup', role: 'anonymous', private: true },
      { path: '/verify-email', role: 'anonymous', private: true },
      { path: '/forgot-password', role: 'anonymous', private: true },
      { path: '/reset-password', role: 'anonymous', private: true },
      { path: `/manage/${w.booking.id}`, role: 'anonymous', private: true },
      { path: '/account', role: 'customer', private: true },
      { path: '/account/appointments', role: 'customer', private: true },
      { path: '/admin', role: 'provider', private: true },
      { path: '/admin/appointments', role: 'provider', private: true },
      { path: '/no/such/page', role: 'anonymous', private: false },
    ];

    it('serves every site page with a strict CSP (no inline script), nosniff, a referrer policy, and no framing of private pages', async () => {
      const copy = await openCopy(world);
      try {
        for (const page of pages(world)) {
          const res = await call(asContext(copy), 'GET', page.path, {
            session: page.role === 'anonymous' ? undefined : world.sessions[page.role],
            headers: { Accept: 'text/html' },
          });
          const what = `${page.path} as ${page.role}`;
          expect(res.headers.get('content-type'), what).toMatch(/^text\/html/);
          const csp = Object.fromEntries(
            (res.headers.get('content-security-policy') ?? '')
              .split(';')
              .map((d) => d.trim().split(/\s+/))
              .filter((d) => d[0])
              .map(([name, ...values]) => [name!, values]),
          );
          const scripts = csp['script-src'] ?? csp['default-src'];
          expect(scripts, `${what}: script-src`).toBeDefined();
          expect(scripts, what).not.toContain("'unsafe-inline'");
          expect(scripts, what).not.toContain("'unsafe-eval'");
          expect(scripts, what).not.toContain('*');
          expect(csp['object-src'], what).toEqual(["'none'"]);
          expect(csp['base-uri'], what).toBeDefined();
          expect(csp['frame-ancestors'], what).toEqual(
            page.private ? ["'none'"] : expect.arrayContaining([expect.stringMatching(/^'(self|none)'$/)]),
          );
          expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
          expect(res.headers.get('referrer-policy'), what).toMatch(
            /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/,
          );
          // The CSP's promise, checked in the page: no script element without src except JSON data.
          const inline = [...String(res.body).matchAll(/<script\b([^>]*)>/gi)].filter(
            ([, attrs]) => !/\bsrc=/.test(attrs!) && !/type="application\/(ld\+)?json"/.test(attrs!),
          );
          expect(inline, what).toEqual([]);
        }
      } finally {
        await copy.close();
      }
    });

    it('sends nosniff on every API answer, errors included', async () => {
      const copy = await openCopy(world);
      try {
        for (const path of [
          '/api/providers',
          `/api/providers/${world.provider.slug}`,
          '/api/nope',
          '/api/me',
          `/api/bookings/${world.booking.id}`,
        ]) {
          const res = await copy.app.request(`${APP_URL}${path}`);
          expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
          expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
        }
      } finally {
        await copy.close();
      }
    });
  });

  describe('customer data', () => {
    it('never appears in an answer to someone without a right to it: every public route, anonymous', async () => {
      const copy = await openCopy(world);
      try {
        const markers = piiStrings();
        let checked = 0;
        // Searches for a customer's first name or mail domain must find nothing about them (the surname and the
        // address are markers themselves, and a page may echo its own query).
        const extra = [
          '/api/providers?q=Quentin',
          '/api/providers?q=private',
          `/api/providers/${world.provider.slug}/reviews?page=1`,
          '/?q=Quentin',
          `/p/${world.provider.slug}?page=1`,
        ];
        const paths = [
          ...routes
            .filter((key) => key.startsWith('GET '))
            .flatMap((key) =>
              (recipes[key] ?? [])
                // A manage or feed token is a credential: what it opens is checked in the authorization matrix.
                .filter((r) => r.expect.anonymous === 'ok' && !/token/i.test(r.variant ?? ''))
                .map((r) => ({ key, path: r.request(world, 'anonymous').path })),
            ),
          ...extra.map((path) => ({ key: `GET ${path}`, path })),
        ];
        for (const { key, path } of paths) {
          const res = await call(asContext(copy), 'GET', path, { headers: { Accept: 'text/html,application/json' } });
          const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
          for (const marker of markers) expect(text.includes(marker), `${key} shows "${marker}"`).toBe(false);
          checked++;
        }
        expect(checked).toBeGreaterThan(18);
      } finally {
        await copy.close();
      }
    });

    it('never reaches the logs, nor do manage tokens, session tokens or passwords', async () => {
      /** The worker's line for an email kept in the built-in mailbox, or for an account link it could not send. */
      const loggedLine = (id: number) =>
        new RegExp(`email #${id} (kept in the built-in mailbox|not sent \\(no SMTP_URL\\))`);
      const dir = mkdtempSync(join(tmpdir(), 'reliability-logs-'));
      const server = await startChildServer({
        DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
        SEED_DEMO: 'false',
        APP_URL: 'http://127.0.0.1',
      });
      const secrets: string[] = [...piiStrings(), PASSWORD];
      let delivered: number[] = [];
      try {
        const api = (path: string, init: RequestInit = {}) =>
          fetch(`${server.url}${path}`, {
            ...init,
            headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
          });
        const { cookie, serviceId } = await openAllHours(server.url, 'http://127.0.0.1', {
          slug: 'log-studio',
          name: 'Log Studio',
          slotStepMinutes: 60,
          service: { name: 'Cut', durationMinutes: 60 },
        });
        secrets.push(cookie.split('=')[1]!);
        const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
        for (const [i, who] of [PII.customer, PII.guest].entries()) {
          const booked = await api('/api/bookings', {
            method: 'POST',
            body: JSON.stringify({
              provider: 'log-studio',
              service: serviceId,
              start: `${day}T1${i}:00:00.000Z`,
              customer: { name: who.name, email: who.email, phone: who.phone },
              note: who.note,
            }),
          });
          expect(booked.status).toBe(201);
          const { booking } = (await booked.json()) as { booking: { id: number; manageUrl: string } };
          const token = new URL(booking.manageUrl).searchParams.get('token')!;
          secrets.push(token);
          await api(`/api/bookings/${booking.id}?token=${token}`);
          await api(`/api/bookings/${booking.id}?token=${token}x`);
          await api(`/api/bookings/${booking.id}/reschedule`, {
            method: 'POST',
            body: JSON.stringify({ token, start: `${day}T1${i + 4}:00:00.000Z` }),
          });
        }
        // Things going wrong with customer data in them: a taken slot, bad input, a failed login, an unknown route.
        await api('/api/bookings', {
          method: 'POST',
          body: JSON.stringify({
            provider: 'log-studio',
            service: serviceId,
            start: `${day}T14:00:00.000Z`,
            customer: { name: PII.guest.name, email: PII.guest.email },
          }),
        });
        await api('/api/bookings', { method: 'POST', body: `{"customer":{"email":"${PII.customer.email}"` });
        await api('/api/auth/login', {
          method: 'POST',
          body: JSON.stringify({ email: PII.customer.email, password: 'wrong password' }),
        });
        await api(
          `/api/nothing/${encodeURIComponent(PII.customer.email)}?phone=${encodeURIComponent(PII.customer.phone)}`,
        );
        // The email worker polls every 2 s and logs each email it keeps in the built-in mailbox: wait until it has
        // delivered every one and its line is in the log, so the log holds all that emails could have leaked into it.
        const outbox = new Database(join(dir, 'app.db'), { readonly: true });
        try {
          const emails = () =>
            outbox.prepare<[], { id: number; status: string }>('select id, status from email_outbox').all();
          const logged = (id: number) => loggedLine(id).test(server.output());
          await until(() => emails().length > 0 && emails().every((e) => e.status === 'sent' && logged(e.id)), 60_000);
          delivered = emails().map((e) => e.id);
        } finally {
          outbox.close();
        }
      } finally {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
      const log = server.output();
      expect(log).toContain('listening');
      // The worker ran: the sign-up's and the bookings' emails were delivered, each logged.
      expect(delivered.length).toBeGreaterThanOrEqual(5);
      for (const id of delivered) expect(log).toMatch(loggedLine(id));
      // Without SMTP_URL the one link that proves an address (the sign-up's confirmation) goes to the log, for the
      // person running the server, and nowhere on the site.
      expect(log).toMatch(
        /its link, for the address's owner only: http:\/\/127\.0\.0\.1\/verify-email\?token=[a-z2-7]{32}\n/,
      );
      for (const secret of secrets) expect(log.includes(secret), `the log shows "${secret}":\n${log}`).toBe(false);
    });
  });

  describe('manage tokens', () => {
    it('are 160 random bits, all different, refused when one character is off, and stored nowhere in the database in plain', async () => {
      const copy = await openCopy(world, { config: { bookingRateLimit: 1_000 } });
      const server = await listen(copy.app);
      try {
        const tokens: { id: number; token: string }[] = [];
        for (let i = 0; i < 150; i++) {
          const day = 7 + Math.floor(i / 8); // weekdays of the coming weeks, eight hourly slots each
          const date = new Date(Date.UTC(2026, 11, day));
          if (date.getUTCDay() === 0 || date.getUTCDay() === 6 || day === 10) continue; // weekends; the 10th is closed
          const start = new Date(date.getTime() + (8 + (i % 8)) * 3_600_000).toISOString();
          // Half with an Idempotency-Key, as the widget books: the stored answer holds the manage link.
          const res = await call(asContext(copy), 'POST', '/api/bookings', {
            body: {
              provider: world.provider.slug,
              service: world.provider.serviceId,
              start,
              customer: { name: 'T', email: `t${i}@example.com` },
            },
            ...(i % 2 === 0 && { headers: { 'Idempotency-Key': `widget-${i}-${start}` } }),
          });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          tokens.push({
            id: res.body.booking.id,
            token: new URL(res.body.booking.manageUrl).searchParams.get('token')!,
          });
        }
        expect(tokens.length).toBeGreaterThan(80);
        for (const { token } of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
        expect(new Set(tokens.map((t) => t.token)).size).toBe(tokens.length);
        // Every base32 symbol turns up in every position: no position is fixed or biased to a few values.
        const symbols = new Set(tokens.flatMap(({ token }) => [...token]));
        expect(symbols.size).toBe(32);

        const { id, token } = tokens[0]!;
        const flipped = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
        const wrong = await fetch(`${server.url}/api/bookings/${id}?token=${flipped}`);
        const missing = await fetch(`${server.url}/api/bookings/999999?token=${token}`);
        expect(wrong.status).toBe(404);
        expect(await wrong.json()).toEqual(await missing.json());

        const { sql } = await import('kysely');
        await sql`pragma wal_checkpoint(truncate)`.execute(copy.db);
        const file = readFileSync(copy.file);
        for (const t of tokens) expect(file.includes(t.token), `token of booking ${t.id} stored in plain`).toBe(false);
        expect(file.includes('widget-0-'), 'an Idempotency-Key stored in plain').toBe(false);
      } finally {
        await server.close();
        await copy.close();
      }
    });
  });

  describe('rate limits', () => {
    it('answer 429 with Retry-After for bookings, logins and verification emails, whatever X-Forwarded-For claims', async () => {
      const copy = await openCopy(world, { config: { bookingRateLimit: 3, loginRateLimit: 3 } });
      const server = await listen(copy.app);
      try {
        const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
          fetch(`${server.url}${path}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: world.config.appUrl, ...headers },
            body: JSON.stringify(body),
          });
        const cases = [
          {
            name: 'booking',
            windowS: 60,
            send: (i: number) =>
              post(
                '/api/bookings',
                {
                  provider: world.provider.slug,
                  service: world.provider.serviceId,
                  start: '2026-12-04T09:00:00.000Z',
                  customer: { name: 'R', email: 'r@example.com' },
                },
                { 'X-Forwarded-For': `10.0.0.${i}` },
              ),
          },
          {
            name: 'login',
            windowS: 900,
            send: (i: number) =>
              post(
                '/api/auth/login',
                { email: world.sessions.customer.email, password: 'wrong' },
                { 'X-Forwarded-For': `10.0.1.${i}` },
              ),
          },
          {
            name: 'verification email',
            windowS: 3600,
            send: () => post('/api/auth/verify-email/request', {}, { Cookie: world.sessions.otherCustomer.cookie }),
          },
        ];
        for (const c of cases) {
          const statuses: number[] = [];
          let limited: Response | undefined;
          for (let i = 0; i < 8 && !limited; i++) {
            const res = await c.send(i);
            statuses.push(res.status);
            if (res.status === 429) limited = res;
          }
          expect(limited, `${c.name}: ${statuses.join(' ')}`).toBeDefined();
          const retryAfter = Number(limited!.headers.get('retry-after'));
          expect(
            Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= c.windowS,
            `${c.name} Retry-After ${retryAfter}`,
          ).toBe(true);
          expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
        }
      } finally {
        await server.close();
        await copy.close();
      }
    });
  });
});
