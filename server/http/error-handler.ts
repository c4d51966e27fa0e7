import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { isUnstorableValue } from '../db/errors.js';
import { AppError } from '../errors.js';
import { log } from '../logger.js';

function render(c: Context, error: AppError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  const body = {
    ...error.extra,
    error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) },
  };
  return c.json(body, error.status);
}

/** The one place where errors become HTTP answers. Anything unexpected is logged and answered 500. */
export const onError: ErrorHandler = (error, c) => {
  if (error instanceof AppError) return render(c, error);
  if (error instanceof HTTPException) {
    // Hono raises these for malformed JSON bodies and the body limit.
    const code = error.status === 413 ? 'payload_too_large' : 'invalid_request';
    return render(c, new AppError(code, error.message || 'Malformed request'));
  }
  if (isUnstorableValue(error)) return render(c, new AppError('invalid_request', 'A value in the request is invalid'));
  // The route pattern, not the path: paths carry tokens and addresses.
  log.error({ reqId: c.get('requestId'), method: c.req.method, route: routePath(c), err: error }, 'request failed');
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side' } }, 500);
};

export const notFound: NotFoundHandler = (c) =>
  render(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`));
