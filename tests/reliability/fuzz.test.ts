import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGER_BODIES, MAX_BODY_BYTES } from '../../server/app.js';
import { listen } from '../support/server.js';
import { APP_URL } from '../support/test-app.js';
import { recipes, routesOf } from './support/routes.js';
import { buildWorld, openCopy, type Role, type World } from './support/world.js';

/** At least this many generated requests in all, spread evenly over the routes. */
const TOTAL = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

const nastyStrings = [
  '',
  ' ',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '💥',
  '👩‍👩‍👧‍👦',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '0x10',
  '%',
  '%00',
  '%%',
  '../..',
  '..%2f..',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; drop table users; --',
  '2026-02-30',
  '2026-12-03T25:00:00Z',
  '2026-13-01',
  '0000-00-00',
  '99999-01-01',
  '2026-12-03T09:00:00',
  '2026-12-03T09:00:00+25:00',
  'Mars/Olympus',
  'Europe/Berlin',
  'Etc/GMT+14',
  '+99:00',
  'x'.repeat(5_000),
  'ü'.repeat(3_000),
  '\u202E\u202D',
  'a@b',
  '@',
  'x@y.z'.repeat(100),
  'true',
  '[]',
  '{}',
];
const nastyString = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.nat(40_000).map((n) => 'a'.repeat(n)),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, -0),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4 }) },
);

/** A query value as text: `String` throws on an object whose own `toString` is no function, which fc.anything makes. */
const asText = (value: unknown): string => {
  try {
    return String(value);
  } catch {
    return JSON.stringify(value) ?? '';
  }
};

/** Percent-encodes every byte of the UTF-8 (lone surrogates become U+FFFD, as a browser would send them). */
const encode = (text: string): string =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
/** Escapes that are not valid UTF-8, or decode to path tricks. */
const rawSegments = ['%FF', '%C0%AF', '%E0%80%80', '%2e%2e', '%2F', '%00', '%', '%zz', '..', '.'];

/** Every path into a JSON value: where a mutation may land. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

/** The valid body with one place replaced by something nasty, deleted, or joined by an unknown field. */
function mutated(template: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(template);
  return fc
    .tuple(fc.nat(paths.length - 1), nastyValue, fc.constantFrom('replace', 'delete', 'add'))
    .map(([i, value, how]) => {
      const copy = structuredClone(template) as Record<string | number, unknown>;
      const path = paths[i]!;
      if (path.length === 0) return how === 'replace' ? value : copy;
      const parent = path
        .slice(0, -1)
        .reduce<Record<string | number, unknown>>((node, k) => node[k] as Record<string | number, unknown>, copy);
      const key = path[path.length - 1]!;
      if (how === 'delete') delete parent[key];
      else if (how === 'add' && typeof parent === 'object' && parent !== null) parent[`extra_${String(key)}`] = value;
      else parent[key] = value;
      return copy;
    });
}

interface Generated {
  role: Role;
  path: string;
  body?: string;
  contentType?: string;
  idempotencyKey?: string;
}

/** A request for one route: its valid path and body, bent in every way a broken or hostile client bends them. */
function requestsFor(key: string, world: World): fc.Arbitrary<Generated> {
  const [method, pattern] = key.split(' ') as [string, string];
  const recipe = recipes[key]?.[0];
  const valid = recipe?.request(world, 'provider') ?? {
    path: pattern.replace(/:\w+(\{[^}]*\})?\??/g, '1').replace('*', 'x'),
  };
  const [validPath, validQuery = ''] = valid.path.split('?') as [string, string?];
  const patternSegments = pattern.split('/');
  const validSegments = validPath.split('/');

  const segment = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) }, // keep the valid one
    { weight: 2, arbitrary: nastyString.map((s) => encode(s.slice(0, 300))) },
    { weight: 2, arbitrary: nastyNumber.map((n) => encode(String(n))) },
    { weight: 1, arbitrary: fc.constantFrom(...rawSegments) },
  );
  const path = fc
    .array(segment, { minLength: patternSegments.length, maxLength: patternSegments.length })
    .map((choices) =>
      validSegments
        .map((s, i) => {
          const isParam = patternSegments[i]?.startsWith(':') || patternSegments[i] === '*';
          return isParam && choices[i] !== null && choices[i] !== undefined ? choices[i] || 'x' : s;
        })
        .join('/'),
    );
  const validEntries = [...new URLSearchParams(validQuery)];
  const query = fc
    .tuple(
      fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(null) },
          { weight: 2, arbitrary: fc.option(nastyValue, { nil: undefined }) },
        ),
        {
          minLength: validEntries.length,
          maxLength: validEntries.length,
        },
      ),
      fc.array(
        fc.tuple(
          fc.constantFrom(
            'service',
            'from',
            'to',
            'tz',
            'token',
            'limit',
            'offset',
            'page',
            'q',
            'category',
            'city',
            'status',
            'next',
            'code',
            'state',
            'x',
          ),
          nastyValue,
        ),
        { maxLength: 3 },
      ),
    )
    .map(([changes, extra]) => {
      const params = new URLSearchParams();
      validEntries.forEach(([k, v], i) => {
        const change = changes[i];
        if (change === null) params.append(k, v);
        else if (change !== undefined) params.append(k, asText(change).slice(0, 3_000));
      });
      for (const [k, v] of extra) params.append(k, asText(v).slice(0, 3_000));
      const text = params.toString();
      return text ? `?${text}` : '';
    });

  const hasBody = method !== 'GET';
  const template = valid.body ?? {};
  const body: fc.Arbitrary<string | undefined> = hasBody
    ? fc.oneof(
        { weight: 5, arbitrary: mutated(template).map((v) => JSON.stringify(v) ?? 'undefined') },
        { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '{',
            '{"a":',
            '[1,2',
            '\u0000',
            '{"__proto__":{"admin":true}}',
            '{"constructor":{"prototype":{"x":1}}}',
            'a=1&b=2',
          ),
        },
        {
          weight: 1,
          arbitrary: fc
            .integer({ min: MAX_BODY_BYTES + 1, max: 3 * MAX_BODY_BYTES })
            .map((n) => JSON.stringify({ ...(template as object), note: 'x'.repeat(n) })),
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.constant(undefined);
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    undefined,
  );
  const role = fc.constantFrom<Role>('anonymous', 'customer', 'provider', 'provider');
  const idempotencyKey = fc.option(
    fc.oneof(fc.constantFrom('k1', 'é', ' ', 'x'.repeat(200)), fc.string({ maxLength: 20 })),
    { nil: undefined },
  );

  return fc.record(
    { role, path: fc.tuple(path, query).map(([p, q]) => p + q), body, contentType, idempotencyKey },
    { requiredKeys: ['role', 'path'] },
  ) as fc.Arbitrary<Generated>;
}

describe('fuzzing every route', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => rmSync(world.dir, { recursive: true, force: true }));

  it(`answers ${TOTAL.toLocaleString('en')}+ generated requests without a 5xx, and refused ones write nothing`, async () => {
    const probe = await openCopy(world);
    const routes = routesOf(probe.app);
    await probe.close();
    const perRoute = Math.ceil(TOTAL / routes.length);
    const statuses = new Map<number, number>();
    let sent = 0;
    let oversized = 0;

    for (const [index, key] of routes.entries()) {
      const method = key.split(' ')[0]!;
      // A fresh copy per route: a generated request that signs out or changes a password cannot starve the rest.
      const copy = await openCopy(world, { config: { bookingRateLimit: 1_000_000, loginRateLimit: 1_000_000 } });
      try {
        await fc.assert(
          fc.asyncProperty(requestsFor(key, world), async (req) => {
            const headers: Record<string, string> = { Origin: APP_URL, Accept: 'application/json' };
            if (req.role !== 'anonymous') headers.Cookie = world.sessions[req.role].cookie;
            if (req.contentType) headers['Content-Type'] = req.contentType;
            if (req.idempotencyKey !== undefined) headers['Idempotency-Key'] = req.idempotencyKey;
            const before = await copy.changes();
            const res = await copy.app.request(`${APP_URL}${req.path}`, {
              method,
              headers,
              ...(req.body !== undefined && { body: req.body }),
            });
            const text = await res.text();
            sent++;
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const what = `${method} ${req.path.slice(0, 200)} as ${req.role} → ${res.status} ${text.slice(0, 300)}`;
            expect(res.status, what).toBeLessThan(500);
            const tooBig =
              req.body !== undefined &&
              Buffer.byteLength(req.body) > (LARGER_BODIES[key] ?? MAX_BODY_BYTES) &&
              req.path.startsWith('/api/');
            if (tooBig) {
              oversized++;
              expect(res.status, what).toBe(413);
            }
            if (res.status >= 400) {
              expect(await copy.changes(), `refused, yet wrote: ${what}`).toBe(before);
              if (req.path.startsWith('/api/'))
                expect(JSON.parse(text), what).toMatchObject({
                  error: { code: expect.any(String), message: expect.any(String) },
                });
            }
          }),
          { numRuns: perRoute, seed: SEED + index, endOnFailure: true },
        );
      } finally {
        await copy.close();
      }
    }
    console.log(
      `Fuzz: ${sent} requests over ${routes.length} routes (seed ${SEED}), ${oversized} over the body limit; answers: ${[
        ...statuses,
      ]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
  });

  it('refuses bodies over 64 KB with 413 on every route that takes one, over real HTTP, with or without Content-Length', async () => {
    const copy = await openCopy(world);
    const server = await listen(copy.app);
    try {
      const bodyRoutes = routesOf(copy.app).filter(
        (k) => !k.startsWith('GET ') && k.split(' ')[1]!.startsWith('/api/'),
      );
      expect(bodyRoutes.length).toBeGreaterThan(30);
      // Just under the limit is read (and then refused for what it says, not for its size).
      const fits = await fetch(`${server.url}/api/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ note: 'x'.repeat(MAX_BODY_BYTES - 20) }),
      });
      expect(fits.status).toBe(400);
      // Routes with a larger limit last: the connection one of them closes on a refused upload is not reused.
      bodyRoutes.sort((a, b) => Number(a in LARGER_BODIES) - Number(b in LARGER_BODIES));
      for (const key of bodyRoutes) {
        const [method] = key.split(' ') as [string];
        // An upload route has a larger limit of its own: over that one, the same refusal.
        const limit = LARGER_BODIES[key] ?? MAX_BODY_BYTES;
        const big = JSON.stringify({ note: 'x'.repeat(limit) });
        const path =
          recipes[key]?.[0]?.request(world, 'provider').path ?? key.split(' ')[1]!.replace(/:\w+(\{[^}]*\})?\??/g, '1');
        const headers = { 'Content-Type': 'application/json', Origin: APP_URL, Cookie: world.sessions.provider.cookie };
        const before = await copy.changes();
        const sized = await fetch(`${server.url}${path}`, { method, headers, body: big });
        expect(sized.status, `${key} with Content-Length`).toBe(413);
        const chunks = new ReadableStream({
          start(controller) {
            for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(limit / 8)));
            controller.close();
          },
        });
        const chunked = await fetch(`${server.url}${path}`, {
          method,
          headers,
          body: chunks,
          duplex: 'half',
        } as RequestInit).catch((error: unknown) => error);
        // Megabytes still on their way when an upload route answers 413: the server closes the connection rather
        // than read them, which the client may see before the answer. Either way nothing is written (below).
        if (!(limit > MAX_BODY_BYTES && chunked instanceof TypeError))
          expect((chunked as Response).status, `${key} chunked`).toBe(413);
        expect(await copy.changes(), key).toBe(before);
      }
    } finally {
      await server.close();
      await copy.close();
    }
  });
});
