import type { MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';

/**
 * Who may call a route: `public` (anyone, no cookie), `session` (a signed-in user's session cookie) or `provider`
 * (a member of a business: the session cookie or an API key).
 */
export type RouteAuth = 'public' | 'session' | 'provider';

/**
 * One answer of a route: the zod schema of its JSON body, a sentence for an answer without a JSON body or for an
 * error (errors always have the `{ error: { code, message, fields? } }` shape), or both spelled out.
 */
export type ResponseDoc =
  | ZodType
  | string
  | { description: string; schema?: ZodType; contentType?: string; headers?: Record<string, string> };

/** What `describe()` says of a route, beyond what its `validate()` middleware already tells. */
export interface RouteDoc {
  summary: string;
  description?: string;
  /** Default from the path: `/api/admin/…` is `provider`; see `server/openapi/openapi.document.ts`. */
  auth?: RouteAuth;
  /** Answers by status. 400 (for routes that validate), 401, 404 and the error shape are added by themselves. */
  responses: Record<number, ResponseDoc>;
}

/** A request part a `validate()` middleware checks (`json`, `query`, `param`, `form`, `header`). */
export interface RequestDoc {
  target: string;
  schema: ZodType;
}

const ROUTE_DOC = Symbol('routeDoc');
const REQUEST_DOC = Symbol('requestDoc');

/**
 * Describes a route for the OpenAPI document (`GET /api/openapi.json`). A middleware that does nothing but carry
 * the description: put it first in the route's handlers, `.get('/', describe({...}), validate(...), handler)`.
 */
export const describe = (doc: RouteDoc): MiddlewareHandler =>
  Object.assign(
    async function describedRoute(_c: unknown, next: () => Promise<void>) {
      await next();
    },
    { [ROUTE_DOC]: doc },
  );

/** Marks a validator middleware with what it checks (used by `validate()`). */
export const withRequestDoc = <T extends object>(middleware: T, doc: RequestDoc): T =>
  Object.assign(middleware, { [REQUEST_DOC]: doc });

/** The route description a handler carries, if any. */
export const routeDocOf = (handler: unknown): RouteDoc | undefined =>
  (handler as { [ROUTE_DOC]?: RouteDoc })[ROUTE_DOC];

/** What a handler validates, if it is a `validate()` middleware. */
export const requestDocOf = (handler: unknown): RequestDoc | undefined =>
  (handler as { [REQUEST_DOC]?: RequestDoc })[REQUEST_DOC];
