import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read `/metrics`. With `METRICS_TOKEN` set: whoever sends it as `Authorization: Bearer …` (compared in
 * constant time). Without: only a client on this machine, talking to the server directly. A request a reverse proxy
 * forwarded (`Forwarded`/`X-Forwarded-For`) comes from the loopback too, but from anyone: it is refused.
 */
export const metricsAccess = (token: string | null): MiddlewareHandler =>
  async function metricsAccess(c, next) {
    if (token !== null) {
      const offered = c.req.header('Authorization')?.replace(/^Bearer /, '') ?? '';
      if (!timingSafeEqual(digest(offered), digest(token)))
        throw new AppError('unauthenticated', 'Send METRICS_TOKEN as a Bearer token', undefined, {
          'WWW-Authenticate': 'Bearer',
        });
    } else if (!fromThisMachine(c)) {
      throw new AppError('forbidden', 'Metrics answer only on the loopback unless METRICS_TOKEN is set');
    }
    await next();
  };

function fromThisMachine(c: Context): boolean {
  if (c.req.header('Forwarded') || c.req.header('X-Forwarded-For')) return false;
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false; // no socket (app.request() in a test): not known to be local
  }
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}
