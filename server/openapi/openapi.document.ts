import { STATUS_CODES } from 'node:http';
import type { RouterRoute } from 'hono/types';
import { COMPOSED_HANDLER } from 'hono/utils/constants';
import { type ZodType, z } from 'zod';
import { errorBody } from '../http/error-body.schema.js';
import {
  type RequestDoc,
  type ResponseDoc,
  type RouteAuth,
  type RouteDoc,
  requestDocOf,
  routeDocOf,
} from '../http/route-doc.js';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

/** The routes the document describes: the JSON API, the iCalendar feeds and the probes. */
export const isDocumented = (path: string) => /^\/(api\/|ical\/|healthz$|readyz$)/.test(path);

/** Hono's `/a/:id{[0-9]{32}}` as OpenAPI's `/a/{id}`: a parameter's pattern may itself hold braces. */
export function openApiPath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const name = path[i] === ':' ? /^\w+/.exec(path.slice(i + 1))?.[0] : undefined;
    if (!name) {
      out += path[i];
      continue;
    }
    i += name.length;
    for (let depth = 0; path[i + 1] === '{' || depth > 0; i++) {
      if (path[i + 1] === '{') depth++;
      else if (path[i + 1] === '}') depth--;
    }
    if (path[i + 1] === '?') i++;
    out += `{${name}}`;
  }
  return out;
}

/**
 * zod to JSON Schema 2020-12, the dialect of OpenAPI 3.1. Requests are described as sent (`io: 'input'`: before
 * defaults and transforms), answers as produced. Everything is inlined: a `$defs` entry would be resolved against
 * the document's root, not the schema's.
 */
export function jsonSchema(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    reused: 'inline',
    // The one custom schema the API has is an uploaded file (`z.instanceof(File)`).
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'custom') Object.assign(jsonSchema, { type: 'string', format: 'binary' });
    },
  });
  return rest;
}

/** Who may call a route that does not say: the admin API takes a provider, the account API a signed-in user. */
export function defaultAuth(path: string): RouteAuth {
  if (path.startsWith('/api/admin/')) return 'provider';
  if (/^\/api\/(me|reviews)(\/|$)/.test(path)) return 'session';
  return 'public';
}

const SECURITY: Record<RouteAuth, Record<string, string[]>[]> = {
  public: [],
  session: [{ session: [] }],
  provider: [{ session: [] }, { apiKey: [] }],
};

/** `/api/admin/services/{id}` is tagged `admin/services`; `/api/bookings/{id}` `bookings`; the probes `ops`. */
function tagOf(path: string): string {
  const [first, second] = path.replace(/^\/(api\/)?/, '').split('/');
  if (first === 'admin' && second) return `admin/${second}`;
  return path.startsWith('/api/') || first === 'ical' ? (first as string) : 'ops';
}

/** `GET /api/admin/services/:id` is `getApiAdminServicesById`. */
const operationIdOf = (method: string, path: string) =>
  method.toLowerCase() +
  openApiPath(path)
    .replace(/\{(\w+)\}/g, 'by-$1')
    .replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? '').toUpperCase());

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Every 429 says when to try again (server/http/rate-limit.ts). */
const RETRY_AFTER = { 'Retry-After': 'Seconds to wait before trying again' };

function responseOf(status: number, doc: ResponseDoc) {
  if (typeof doc === 'string') doc = { description: doc };
  if (doc instanceof z.ZodType) doc = { description: STATUS_CODES[status] ?? String(status), schema: doc };
  const { description, schema, contentType = 'application/json' } = doc;
  const headers = status === 429 ? { ...RETRY_AFTER, ...doc.headers } : doc.headers;
  const content = schema
    ? { [contentType]: { schema: jsonSchema(schema, 'output') } }
    : status >= 400 && errorResponse(description).content;
  return {
    description,
    ...(content && { content }),
    ...(headers && {
      headers: Object.fromEntries(
        Object.entries(headers).map(([name, text]) => [name, { description: text, schema: { type: 'string' } }]),
      ),
    }),
  };
}

/** OpenAPI parameters from the object schema of a `param`, `query` or `header` validator. */
function parametersOf({ target, schema }: RequestDoc) {
  const where = { param: 'path', query: 'query', header: 'header' }[target];
  if (!where) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description !== undefined && { description }),
      schema: rest,
    };
  });
}

function requestBodyOf(requests: RequestDoc[]) {
  const body = requests.find((r) => r.target === 'json' || r.target === 'form');
  if (!body) return undefined;
  const contentType = body.target === 'json' ? 'application/json' : 'multipart/form-data';
  return { required: true, content: { [contentType]: { schema: jsonSchema(body.schema, 'input') } } };
}

/** The operation of one method and path from what its handlers carry. */
function operationOf(method: string, path: string, handlers: unknown[]): Operation {
  const doc: RouteDoc | undefined = handlers.map(routeDocOf).find((d) => d);
  const requests = handlers.map(requestDocOf).filter((r): r is RequestDoc => r !== undefined);
  const auth = doc?.auth ?? defaultAuth(path);
  const parameters = requests.flatMap(parametersOf);
  // Path parameters no validator checks are still parameters.
  for (const [, name] of openApiPath(path).matchAll(/\{(\w+)\}/g)) {
    if (!parameters.some((p) => p.in === 'path' && p.name === name)) {
      parameters.push({ name: name as string, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(doc?.responses ?? { 200: 'Not described yet' })) {
    responses[status] = responseOf(Number(status), response);
  }
  if (requests.length) responses[400] ??= errorResponse('Invalid input: `fields` names each offending field');
  if (auth !== 'public') responses[401] ??= errorResponse('Not signed in (no or an expired session or key)');
  if (parameters.some((p) => p.in === 'path')) responses[404] ??= errorResponse('Not found');
  responses.default = errorResponse('Any other error, in the same shape');
  const requestBody = requestBodyOf(requests);
  return {
    operationId: operationIdOf(method, path),
    summary: doc?.summary ?? `${method} ${path}`,
    ...(doc?.description && { description: doc.description }),
    tags: [tagOf(path)],
    security: SECURITY[auth],
    ...(parameters.length && { parameters }),
    ...(requestBody && { requestBody }),
    responses,
    ...(!doc && { 'x-undescribed': true }),
  };
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
  serverUrl: string;
}

/**
 * The OpenAPI 3.1 document of an app's routes, read from the `describe()` and `validate()` middleware each route
 * carries (`app.routes` lists every handler of every route, sub-apps included).
 */
export function openApiDocument(routes: readonly RouterRoute[], info: DocumentInfo) {
  const handlers = new Map<string, unknown[]>();
  for (const route of routes) {
    if (route.method === 'ALL' || !isDocumented(route.path)) continue;
    const key = `${route.method} ${route.path}`;
    const handler = route.handler as unknown as Record<string, unknown>;
    handlers.set(key, [...(handlers.get(key) ?? []), handler[COMPOSED_HANDLER] ?? handler]);
  }
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [key, list] of handlers) {
    const [method, path] = key.split(' ') as [string, string];
    const template = openApiPath(path);
    paths[template] = { ...paths[template], [method.toLowerCase()]: operationOf(method, path, list) };
  }
  return {
    openapi: '3.1.1',
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBody, 'output') },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'session',
          description:
            'The session cookie set by `POST /api/auth/login` (named `__Host-session` over HTTPS). Writes with it must ' +
            'come from the site itself: the CSRF check refuses a cross-site `Origin` with 403 `csrf_failed`.',
        },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key of a business (`bys_live_…`, made by its owner or an admin at `POST /api/admin/api-keys`), sent ' +
            'as `Authorization: Bearer <key>`, for integrations without a browser. It acts as an admin of its business; ' +
            'a `read` key may only GET and HEAD (403 `insufficient_scope` otherwise). No CSRF check applies; each key ' +
            'has its own rate limit (429 with `Retry-After`). An unknown or revoked key is 401.',
        },
      },
    },
  };
}
