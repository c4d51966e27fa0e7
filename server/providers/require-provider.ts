import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { findProviderByUser } from './providers.repository.js';

/**
 * Guards `/api/admin/*`: a signed-in provider with a profile. Every admin query is then scoped
 * by `c.var.provider.id`, which is how one provider can never reach another's data.
 */
export const requireProvider = (db: Db): MiddlewareHandler<AppEnv> =>
  async function requireProviderMiddleware(c, next) {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated', 'Sign in first');
    if (user.role !== 'provider') throw new AppError('forbidden', 'Only providers can do this');
    const provider = await findProviderByUser(db, user.id);
    if (!provider) throw new AppError('not_found', 'Create your provider profile first (PUT /api/admin/profile)');
    c.set('provider', provider);
    await next();
  };
