import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';

const refuse = () => new AppError('forbidden', 'Staff work only with their own appointments');

/**
 * Staff on the appointment routes: besides the routes' own scope (`staffScope`: only their appointments exist for
 * them), they may not name another member: `?member=` (a list, slots), a `memberId` (a walk-in, a class time) or a
 * `staff` (a reschedule) other than themselves is 403, and giving an appointment to another member
 * (`PUT …/:id/member`) is the owner's and admins'. The owner and admins pass untouched.
 */
export const staffOwnWork: MiddlewareHandler<AppEnv> = async function staffOwnWorkMiddleware(c, next) {
  const me = c.get('member');
  if (me.role !== 'staff') return next();
  const member = c.req.query('member');
  if (member !== undefined && member !== String(me.id)) throw refuse();
  if (c.req.method === 'PUT' && c.req.path.endsWith('/member')) throw refuse();
  if (c.req.method === 'POST' && c.req.header('content-type')?.startsWith('application/json')) {
    // Hono keeps the parsed body, so the route's validator reads the same one (or answers 400 for bad JSON).
    const body: unknown = await c.req.json().catch(() => null);
    if (body && typeof body === 'object') {
      const named = body as { memberId?: unknown; staff?: unknown };
      if (named.memberId !== undefined && named.memberId !== me.id) throw refuse();
      if (named.staff !== undefined && named.staff !== me.slug) throw refuse();
    }
  }
  await next();
};
