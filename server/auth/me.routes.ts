import { Hono } from 'hono';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { adminProvider } from '../providers/provider.view.js';
import { findProviderByUser } from '../providers/providers.repository.js';
import { requireUser } from './session.middleware.js';

/** `GET /api/me`: who is signed in, and for a provider their profile (null until onboarding). */
export function meRoutes(db: Db) {
  return new Hono<AppEnv>().get('/', requireUser, async (c) => {
    const user = c.get('user')!;
    const provider = user.role === 'provider' ? await findProviderByUser(db, user.id) : undefined;
    return c.json({ user, ...(user.role === 'provider' && { provider: provider ? adminProvider(provider) : null }) });
  });
}
