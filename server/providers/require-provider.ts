import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { membershipOf } from '../team/team.repository.js';

/**
 * Guards `/api/admin/*`: a signed-in member of a business. Every admin query is then scoped by
 * `c.var.provider.id` (and a staff member's by `c.var.member.id`), which is how nobody reaches another's data.
 */
export const requireProvider = (db: Db): MiddlewareHandler<AppEnv> =>
  async function requireProviderMiddleware(c, next) {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated', 'Sign in first');
    if (user.role !== 'provider') throw new AppError('forbidden', 'Only providers can do this');
    const membership = await membershipOf(db, user.id);
    if (!membership) throw new AppError('not_found', 'Create your provider profile first (PUT /api/admin/profile)');
    c.set('provider', membership.provider);
    c.set('member', membership.member);
    await next();
  };
