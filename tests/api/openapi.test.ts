import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../server/db/dialect.js';
import { openLinkToken } from '../../server/email/link-token.js';
import { isDocumented, openApiPath } from '../../server/openapi/openapi.document.js';
import { book, confirmAddress, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, signUp } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let ctx: TestContext;
let doc: Document;
/** `GET /api/x/{id}` of every answer checked against the document. */
const exercised = new Set<string>();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** The operation a concrete path answers to: a literal segment beats a parameter (`/slots` before `/{id}`). */
function operationOf(method: string, url: string): { key: string; operation: Operation } {
  const path = url.split('?')[0]!;
  const candidates = Object.keys(doc.paths)
    .filter((template) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path))
    .filter((template) => doc.paths[template]![method.toLowerCase()])
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  const template = candidates[0];
  if (!template) throw new Error(`${method} ${path} is not in the document`);
  return { key: `${method} ${template}`, operation: doc.paths[template]![method.toLowerCase()]! };
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Calls the app and checks the answer against the document: its status is one the operation lists (or `default`),
 * and a JSON body validates against that answer's schema, with ajv (JSON Schema 2020-12, OpenAPI 3.1's dialect).
 */
async function api(method: string, url: string, options: Parameters<typeof call>[3] = {}) {
  const res = await call(ctx, method, url, options);
  const { key, operation } = operationOf(method, url);
  exercised.add(key);
  const status = String(res.status);
  const answer = operation.responses[status] ?? operation.responses.default;
  expect(answer, `${key} answered ${status}, which it does not list`).toBeDefined();
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
  if (res.status === 204 || res.status === 304 || res.status === 302) return res;
  const declared = answer!.content?.[type];
  expect(declared, `${key} ${status} answered ${type}, which it does not declare`).toBeDefined();
  if (type === 'application/json') {
    const [template] = key.split(' ').slice(1);
    const status_ = operation.responses[status] ? status : 'default';
    const ref = `openapi#/${pointer('paths', template!, method.toLowerCase(), 'responses', status_, 'content', type, 'schema')}`;
    const validate = ajv.getSchema(ref)!;
    const valid = validate(res.body);
    expect(
      valid,
      `${key} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 600)}`,
    ).toBe(true);
  }
  return res;
}

const tokenOf = (manageUrl: string) => new URL(manageUrl).searchParams.get('token')!;

beforeAll(async () => {
  ctx = await createTestContext();
  const res = await ctx.app.request('http://booking.test/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
  ajv.addSchema(doc as object, 'openapi');
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('lists every route the app serves under /api, the feeds and the probes, and nothing else', () => {
    const served = new Set(
      ctx.app.routes
        .filter((r) => r.method !== 'ALL' && isDocumented(r.path))
        .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`)),
    );
    expect([...documented].sort()).toEqual([...served].sort());
    expect(served.size).toBeGreaterThan(90);
    expect(served).toContain('get /api/providers/{slug}/slots');
  });

  it('describes every operation: a summary of its own and the answers it gives', () => {
    const undescribed = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => (operation as Record<string, unknown>)['x-undescribed'])
        .map(([method]) => `${method} ${path}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('takes request shapes from the validators and names the security schemes', () => {
    const booking = doc.paths['/api/bookings']!.post as unknown as {
      requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
      parameters: { name: string; in: string }[];
      security: unknown[];
    };
    expect(booking.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['provider', 'service', 'start', 'customer']),
    );
    expect(booking.parameters).toContainEqual(expect.objectContaining({ name: 'idempotency-key', in: 'header' }));
    expect(booking.security).toEqual([]);
    const services = doc.paths['/api/admin/services']!.get as unknown as { security: unknown[] };
    expect(services.security).toEqual([{ session: [] }, { apiKey: [] }]);
  });

  it('is built once and served as JSON', async () => {
    const again = await ctx.app.request('http://booking.test/api/openapi.json');
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await again.json()).toEqual(doc);
  });
});

describe('real answers validate against the document', () => {
  let provider: ProviderFixture;
  let customer: Session & { email: string };
  let bookingId: number;
  let token: string;

  beforeAll(async () => {
    provider = await createProvider(ctx, { slug: 'kiez-barber', policy: { cutoffHours: 2, text: 'Call us.' } });
    customer = await signUp(ctx, 'customer');
    await confirmAddress(ctx, (await call(ctx, 'GET', '/api/me', { session: customer })).body.user.id);
  });

  it('the public directory, profile, slots and reviews', async () => {
    expect((await api('GET', '/api/providers')).status).toBe(200);
    // Text search is SQLite's FTS5 still (docs/postgresql.md): its answers are checked on SQLite only.
    if (!isPostgres(ctx.db)) {
      expect((await api('GET', '/api/providers?q=barbr')).body.providers.length).toBeGreaterThan(0);
      expect((await api('GET', '/api/providers?q=zzzzqqq')).body.suggestions).toBeDefined();
    }
    await api('GET', '/api/providers/facets');
    expect((await api('GET', '/api/providers/kiez-barber')).body.services).toHaveLength(1);
    const slots = await api(
      'GET',
      `/api/providers/kiez-barber/slots?service=${provider.serviceId}&from=2026-12-02&to=2026-12-03`,
    );
    expect(slots.body.slots.length).toBeGreaterThan(0);
    await api('GET', `/api/providers/kiez-barber/next-available?service=${provider.serviceId}`);
    await api('GET', '/api/providers/kiez-barber/reviews');
    expect((await api('GET', '/api/providers/nobody-here')).status).toBe(404);
    expect((await api('GET', '/api/providers/kiez-barber/slots?service=x&from=2026-12-02')).status).toBe(400);
  });

  it('a booking, managed by its token: read, emails, move, cancel, erase', async () => {
    const created = await api('POST', '/api/bookings', {
      body: {
        provider: 'kiez-barber',
        service: provider.serviceId,
        start: '2026-12-02T10:00:00.000Z',
        customer: { name: 'Chris Customer', email: customer.email },
      },
      session: customer,
    });
    expect(created.status).toBe(201);
    bookingId = created.body.booking.id;
    token = tokenOf(created.body.booking.manageUrl);
    expect((await book(ctx, provider, '2026-12-02T10:00:00.000Z')).status).toBe(409);
    expect(
      (
        await api('POST', '/api/bookings', {
          body: {
            provider: 'kiez-barber',
            service: provider.serviceId,
            start: '2026-12-02T10:00:00.000Z',
            customer: { name: 'X', email: 'x@example.com' },
          },
        })
      ).status,
    ).toBe(409);
    expect((await api('POST', '/api/bookings', { body: { provider: 'kiez-barber' } })).status).toBe(400);
    expect((await api('GET', `/api/bookings/${bookingId}?token=${token}`)).body.booking.id).toBe(bookingId);
    expect((await api('GET', `/api/bookings/${bookingId}?token=wrong`)).status).toBe(404);
    const ics = await api('GET', `/api/bookings/${bookingId}/calendar.ics?token=${token}`);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    const emails = await api('GET', `/api/bookings/${bookingId}/emails?token=${token}`);
    expect(emails.body.emails.length).toBeGreaterThan(0);
    await api('GET', `/api/bookings/${bookingId}/emails/${emails.body.emails[0].id}/html?token=${token}`);
    const moved = await api('POST', `/api/bookings/${bookingId}/reschedule`, {
      body: { token, start: '2026-12-02T12:00:00.000Z' },
    });
    expect(moved.body.booking.sequence).toBe(1);
    expect((await api('POST', `/api/bookings/${bookingId}/erase`, { body: { token } })).status).toBe(409);
    const other = await book(ctx, provider, '2026-12-03T10:00:00.000Z');
    const otherToken = tokenOf(other.body.booking.manageUrl);
    expect(
      (await api('POST', `/api/bookings/${other.body.booking.id}/cancel`, { body: { token: otherToken } })).body.booking
        .status,
    ).toBe('cancelled');
    const erased = await api('POST', `/api/bookings/${other.body.booking.id}/erase`, { body: { token: otherToken } });
    expect(erased.body.booking.contactErased).toBe(true);
  });

  it('a recurring series: the check, the booking, its conflict, and cancelling from one occurrence on', async () => {
    // A service of its own, so the single bookings of the other tests are left as they are.
    const service = (
      await call(ctx, 'POST', '/api/admin/services', {
        session: provider.session,
        body: {
          name: 'Weekly session',
          durationMinutes: 30,
          price: { amountMinor: 100, currency: 'EUR' },
          repeat: { maxCount: 4, everyWeeks: [1] },
        },
      })
    ).body.service;
    const body = { provider: 'kiez-barber', service: service.id, start: '2026-12-04T13:00:00.000Z', everyWeeks: 1 };
    const checked = await api('POST', '/api/bookings/series/check', { body: { ...body, count: 3 } });
    expect(checked.body.occurrences).toHaveLength(3);
    expect((await api('POST', '/api/bookings/series/check', { body: { ...body, count: 5 } })).status).toBe(422);
    const customerPart = { customer: { name: 'Rae', email: 'rae@example.com' } };
    const series = await api('POST', '/api/bookings/series', { body: { ...body, count: 3, ...customerPart } });
    expect(series.status).toBe(201);
    const conflict = await api('POST', '/api/bookings/series', { body: { ...body, count: 2, ...customerPart } });
    expect(conflict.status).toBe(409);
    const cancelled = await api('POST', `/api/bookings/${series.body.bookings[1].id}/cancel`, {
      body: { token: series.body.token, scope: 'following' },
    });
    expect(cancelled.body.cancelled).toBe(2);
    const dates = await api('GET', `/api/bookings/${series.body.bookings[0].id}/series?token=${series.body.token}`);
    expect(dates.body.occurrences.map((o: { status: string }) => o.status)).toEqual([
      'confirmed',
      'cancelled',
      'cancelled',
    ]);
  });

  it('the signed-in customer: account, appointments, emails, export', async () => {
    expect((await api('GET', '/api/me', { session: customer })).body.user.role).toBe('customer');
    expect((await api('GET', '/api/me')).status).toBe(401);
    expect((await api('GET', '/api/me/appointments', { session: customer })).body.appointments.length).toBeGreaterThan(
      0,
    );
    const mailbox = await api('GET', '/api/me/emails', { session: customer });
    expect(mailbox.body.emails.length).toBeGreaterThan(0);
    await api('GET', `/api/me/emails/${mailbox.body.emails[0].id}`, { session: customer });
    await api('GET', `/api/me/emails/${mailbox.body.emails[0].id}/html`, { session: customer });
    expect((await api('GET', '/api/me/export', { session: customer })).body.appointments.length).toBeGreaterThan(0);
    await api('GET', '/api/reviews', { session: customer });
    await api('POST', '/api/auth/verify-email/request', { session: customer });
    expect((await api('POST', '/api/auth/password-reset/request', { body: { email: customer.email } })).status).toBe(
      202,
    );
    expect(
      (await api('POST', '/api/auth/login', { body: { email: customer.email, password: 'wrong password' } })).status,
    ).toBe(401);
    const login = await api('POST', '/api/auth/login', {
      body: { email: customer.email, password: 'correct horse battery' },
    });
    expect(login.body.user.email).toBe(customer.email);
  });

  it('the provider admin: profile, services, schedule, blocked times', async () => {
    const session = provider.session;
    expect((await api('GET', '/api/admin/profile', { session })).body.profile.slug).toBe('kiez-barber');
    expect((await api('GET', '/api/me', { session })).body.provider.slug).toBe('kiez-barber');
    expect((await api('GET', '/api/admin/services')).status).toBe(401);
    await api('GET', '/api/admin/services', { session });
    const added = await api('POST', '/api/admin/services', {
      session,
      body: { name: 'Beard trim', durationMinutes: 30, price: { amountMinor: 1500, currency: 'EUR' } },
    });
    expect(added.status).toBe(201);
    const id = added.body.service.id;
    await api('GET', `/api/admin/services/${id}`, { session });
    await api('PATCH', `/api/admin/services/${id}`, { session, body: { active: false } });
    expect((await api('DELETE', `/api/admin/services/${id}`, { session })).status).toBe(204);
    expect((await api('GET', `/api/admin/services/${id}`, { session })).status).toBe(404);
    expect((await api('DELETE', `/api/admin/services/${provider.serviceId}`, { session })).status).toBe(409);

    await api('GET', '/api/admin/schedule?from=2026-12-01&to=2026-12-31', { session });
    await api('PUT', '/api/admin/schedule/weekly', {
      session,
      body: { intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) },
    });
    await api('PUT', '/api/admin/schedule/overrides/2026-12-24', {
      session,
      body: { intervals: [{ start: '09:00', end: '12:00' }] },
    });
    expect((await api('DELETE', '/api/admin/schedule/overrides/2026-12-24', { session })).status).toBe(204);
    const closure = await api('POST', '/api/admin/schedule/closures', {
      session,
      body: { from: '2026-12-28', to: '2026-12-31', label: 'Holidays' },
    });
    expect(closure.status).toBe(201);
    await api('DELETE', `/api/admin/schedule/closures/${closure.body.closure.id}`, { session });

    const blocked = await api('POST', '/api/admin/blocked-times', {
      session,
      body: { date: '2026-12-04', from: '12:00', to: '13:00', label: 'Lunch' },
    });
    expect(blocked.status).toBe(201);
    await api('GET', '/api/admin/blocked-times?from=2026-12-01T00:00:00Z&to=2026-12-10T00:00:00Z', { session });
    await api('DELETE', `/api/admin/blocked-times/${blocked.body.blockedTime.id}`, { session });
  });

  it('the provider admin: appointments through their life, reviews and replies', async () => {
    const session = provider.session;
    expect((await api('GET', '/api/admin/appointments', { session })).body.appointments.length).toBeGreaterThan(0);
    await api('GET', `/api/admin/appointments/slots?service=${provider.serviceId}&date=2026-12-04`, { session });
    const walkIn = await api('POST', '/api/admin/appointments', {
      session,
      body: { service: provider.serviceId, start: '2026-12-04T09:00:00.000Z', customer: { name: 'Walk In' } },
    });
    expect(walkIn.status).toBe(201);
    const id = walkIn.body.appointment.id;
    await api('GET', `/api/admin/appointments/${id}`, { session });
    await api('POST', `/api/admin/appointments/${id}/reschedule`, {
      session,
      body: { start: '2026-12-04T10:00:00.000Z' },
    });
    const me = (await call(ctx, 'GET', '/api/admin/profile', { session })).body.profile.me.memberId;
    await api('PUT', `/api/admin/appointments/${id}/member`, { session, body: { memberId: me } });
    expect((await api('POST', `/api/admin/appointments/${id}/complete`, { session })).status).toBe(409);
    await api('POST', `/api/admin/appointments/${id}/cancel`, { session, body: { reason: 'Closed that day' } });

    // The customer's booking is over by the afternoon after: it can be completed, then reviewed.
    ctx.clock.now = new Date('2026-12-03T08:00:00.000Z');
    expect(
      (await api('POST', `/api/admin/appointments/${bookingId}/complete`, { session })).body.appointment.status,
    ).toBe('completed');
    const late = await book(ctx, provider, '2026-12-03T10:00:00.000Z');
    ctx.clock.now = new Date('2026-12-04T08:00:00.000Z');
    await api('POST', `/api/admin/appointments/${late.body.booking.id}/no-show`, { session });

    const review = await api('POST', '/api/reviews', {
      session: customer,
      body: { appointmentId: bookingId, rating: 5, body: 'Great cut' },
    });
    expect(review.status).toBe(201);
    await api('PATCH', `/api/reviews/${review.body.review.id}`, { session: customer, body: { rating: 4 } });
    await api('GET', '/api/admin/reviews', { session });
    await api('POST', `/api/admin/reviews/${review.body.review.id}/reply`, { session, body: { reply: 'Thanks!' } });
    expect((await api('GET', '/api/providers/kiez-barber/reviews')).body.reviews[0].reply).toBe('Thanks!');
  });

  it('the provider admin: emails, images, team, calendar and its feed', async () => {
    const session = provider.session;
    const log = await api('GET', '/api/admin/emails', { session });
    expect(log.body.emails.length).toBeGreaterThan(0);
    await api('GET', '/api/admin/emails/delivery', { session });
    await api('GET', `/api/admin/emails/${log.body.emails[0].id}`, { session });
    await api('GET', `/api/admin/emails/${log.body.emails[0].id}/html`, { session });
    await api('POST', `/api/admin/emails/${log.body.emails[0].id}/retry`, { session });
    await api('GET', '/api/admin/images', { session });

    await api('GET', '/api/admin/team', { session });
    const invited = await api('POST', '/api/admin/team/invitations', {
      session,
      body: { email: 'mia@example.com', name: 'Mia', role: 'staff' },
    });
    expect(invited.status).toBe(201);
    await api('DELETE', `/api/admin/team/invitations/${invited.body.invitation.id}`, { session });
    expect((await api('GET', '/api/team/invitation?token=no-such-token')).status).toBe(404);

    await api('GET', '/api/admin/calendar', { session });
    await api('GET', '/api/admin/calendar/sync-jobs', { session });
    expect((await api('GET', '/api/admin/calendar/calendars', { session })).status).toBe(404);
    const feed = await api('POST', '/api/admin/calendar/feed/rotate', { session });
    const ics = await api('GET', new URL(feed.body.url).pathname);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect((await api('DELETE', '/api/admin/calendar/feed', { session })).status).toBe(204);
  });

  it('the remaining writes, mostly their refusals', async () => {
    const session = provider.session;
    const fresh = await api('POST', '/api/auth/signup', {
      body: { email: 'new@example.com', password: 'correct horse battery', name: 'New', role: 'customer' },
    });
    expect(fresh.status).toBe(201);
    const again = { email: customer.email, password: 'correct horse battery', name: 'X', role: 'customer' };
    expect((await api('POST', '/api/auth/signup', { body: again })).status).toBe(409);
    const newSession = { cookie: fresh.headers.get('set-cookie')!.split(';')[0]! };
    const change = { currentPassword: 'wrong password', newPassword: 'another horse battery' };
    expect((await api('POST', '/api/auth/password', { session: newSession, body: change })).status).toBe(401);
    expect((await api('POST', '/api/auth/verify-email', { body: { token: 'no-such-token' } })).status).toBe(400);
    const reset = { token: 'no-such-token', password: 'another horse battery' };
    expect((await api('POST', '/api/auth/password-reset', { body: reset })).status).toBe(400);
    const wrong = { password: 'wrong password', reviews: 'anonymous' };
    expect((await api('DELETE', '/api/me', { session: newSession, body: wrong })).status).toBe(401);
    expect((await api('POST', '/api/auth/logout', { session: newSession })).status).toBe(204);

    expect((await api('POST', '/api/admin/business/close', { session, body: { confirm: 'nope' } })).status).toBe(400);
    const me = (await call(ctx, 'GET', '/api/admin/profile', { session })).body.profile.me.memberId;
    await api('PATCH', `/api/admin/team/${me}`, { session, body: { bio: 'Cuts since 1999' } });
    expect((await api('POST', '/api/admin/team/leave', { session, body: { future: 'cancel' } })).status).toBe(409);
    expect((await api('DELETE', `/api/admin/team/${me}`, { session, body: { future: 'cancel' } })).status).toBe(409);
    const join = { token: 'no-such-token', password: 'correct horse battery' };
    expect((await api('POST', '/api/team/join', { body: join })).status).toBe(404);
    expect((await api('DELETE', `/api/admin/team/${me}/photo`, { session })).status).toBe(204);
    await api('PUT', '/api/admin/images/order', { session, body: { ids: [] } });
    expect((await api('DELETE', '/api/admin/images/999', { session })).status).toBe(404);
    const classCancel = { serviceId: provider.serviceId, memberId: me, start: '2026-12-09T10:00:00.000Z' };
    expect((await api('POST', '/api/admin/classes/cancel', { session, body: classCancel })).status).toBeGreaterThan(
      399,
    );

    await api('PUT', '/api/admin/calendar/settings', { session, body: { includeCustomerContact: true } });
    expect((await api('POST', '/api/admin/calendar/busy/refresh', { session })).status).toBe(404);
    expect((await api('POST', '/api/admin/calendar/sync-jobs/999/retry', { session })).status).toBe(404);
    await api('POST', '/api/admin/calendar/google/connect', { session });
    await api('DELETE', '/api/admin/calendar/connection', { session });
  });

  it('API keys: made, listed, used, refused and revoked', async () => {
    const session = provider.session;
    const made = await api('POST', '/api/admin/api-keys', { session, body: { name: 'CRM', scope: 'read' } });
    expect(made.status).toBe(201);
    expect((await api('GET', '/api/admin/api-keys', { session })).body.apiKeys).toHaveLength(1);
    const bearer = { Authorization: `Bearer ${made.body.key}` };
    expect((await api('GET', '/api/admin/services', { headers: bearer })).status).toBe(200);
    const write = await api('POST', '/api/admin/services', { headers: bearer, body: { name: 'X' } });
    expect(write.body.error.code).toBe('insufficient_scope');
    expect((await api('GET', '/api/admin/api-keys', { headers: bearer })).status).toBe(403);
    expect((await api('DELETE', `/api/admin/api-keys/${made.body.apiKey.id}`, { session })).status).toBe(204);
    expect((await api('GET', '/api/admin/services', { headers: bearer })).status).toBe(401);
  });

  it('the provider admin: webhooks, their test event and delivery log', async () => {
    const session = provider.session;
    const created = await api('POST', '/api/admin/webhooks', {
      session,
      body: { url: 'https://hooks.example.com/x', events: ['booking.created'] },
    });
    expect(created.status).toBe(201);
    const id = created.body.endpoint.id;
    await api('GET', '/api/admin/webhooks', { session });
    await api('GET', `/api/admin/webhooks/${id}`, { session });
    await api('PATCH', `/api/admin/webhooks/${id}`, { session, body: { description: 'CRM' } });
    await api('POST', `/api/admin/webhooks/${id}/rotate-secret`, { session });
    const test = await api('POST', `/api/admin/webhooks/${id}/test`, { session });
    expect(test.status).toBe(202);
    expect((await api('GET', `/api/admin/webhooks/${id}/deliveries`, { session })).body.deliveries).toHaveLength(1);
    const again = await api('POST', `/api/admin/webhooks/${id}/deliveries/${test.body.delivery.id}/redeliver`, {
      session,
    });
    expect(again.status).toBe(409); // still waiting for its first attempt
    expect((await api('DELETE', `/api/admin/webhooks/${id}`, { session })).status).toBe(204);
  });

  it('the waitlist: an entry, an offer taken, a refused take, a class line, full classes', async () => {
    const waiting = await book(ctx, provider, '2026-12-11T14:00:00.000Z', {
      customer: { name: 'W', email: 'waiting@example.com' },
    });
    const waitingToken = tokenOf(waiting.body.booking.manageUrl);
    const id = waiting.body.booking.id;
    const asked = await api('PUT', `/api/bookings/${id}/waitlist`, { body: { token: waitingToken, days: [5] } });
    expect(asked.body.waitlist.status).toBe('waiting');
    expect(
      (await api('PUT', `/api/bookings/${id}/waitlist`, { body: { token: waitingToken, days: [9] } })).status,
    ).toBe(400);
    await api('GET', `/api/bookings/${id}/waitlist?token=${waitingToken}`);
    await api('GET', `/api/waitlist/${asked.body.waitlist.id}?token=${waitingToken}`);
    const freeing = await book(ctx, provider, '2026-12-11T10:00:00.000Z', {
      customer: { name: 'F', email: 'freeing@example.com' },
    });
    expect(freeing.status).toBe(201);
    const cancelled = await call(ctx, 'POST', `/api/bookings/${freeing.body.booking.id}/cancel`, {
      body: { token: tokenOf(freeing.body.booking.manageUrl) },
    });
    expect(cancelled.status).toBe(200);
    const offer = await ctx.db
      .selectFrom('email_outbox')
      .select(['draft', 'link_token_sealed'])
      .where('kind', '=', 'waitlist_offer')
      .executeTakeFirstOrThrow();
    const offerId = JSON.parse(offer.draft!).offer.offerId;
    const offerToken = openLinkToken(ctx.config.secretKey, offer.link_token_sealed!)!;
    expect((await api('GET', `/api/waitlist/offers/${offerId}?token=${offerToken}`)).body.offer.status).toBe('open');
    expect((await api('POST', `/api/waitlist/offers/${offerId}/take`, { body: { token: offerToken } })).status).toBe(
      200,
    );
    const again = await api('POST', `/api/waitlist/offers/${offerId}/take`, { body: { token: offerToken } });
    expect(again.body.error.code).toBe('offer_taken');
    expect((await api('DELETE', `/api/bookings/${id}/waitlist`, { body: { token: waitingToken } })).status).toBe(200);
    const join = { provider: 'kiez-barber', service: provider.serviceId, start: '2026-12-11T11:00:00.000Z' };
    const line = await api('POST', '/api/waitlist/classes', {
      body: { ...join, customer: { name: 'Y', email: 'y@example.com' } },
    });
    expect(line.status).toBe(404);
    expect((await api('DELETE', `/api/waitlist/${asked.body.waitlist.id}`, { body: { token: 'wrong' } })).status).toBe(
      404,
    );
    const full = await api(
      'GET',
      `/api/providers/kiez-barber/services/${provider.serviceId}/full-classes?from=2026-12-01&to=2026-12-07`,
    );
    expect(full.body).toEqual({ classes: [] });
  });

  it('the probes and the document itself', async () => {
    await api('GET', '/healthz');
    await api('GET', '/readyz');
    await api('GET', '/api/openapi.json');
  });
});

/** Reads that need what a test cannot make here: a real OAuth round trip, a live invitation link. */
const NOT_EXERCISED = ['GET /api/admin/calendar/{service}/callback'];

afterAll(() => {
  const gets = Object.entries(doc.paths)
    .filter(([, item]) => item.get)
    .map(([path]) => `GET ${path}`);
  expect(gets.filter((key) => !exercised.has(key) && !NOT_EXERCISED.includes(key))).toEqual([]);
});
