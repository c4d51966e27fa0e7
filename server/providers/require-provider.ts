import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { membershipOf, ownerMemberOf } from '../team/team.repository.js';
import type { TeamMemberRow } from '../team/team.table.js';
import { findProviderById } from './providers.repository.js';
import type { ProviderRow } from './providers.table.js';

export interface Membership {
  provider: ProviderRow;
  member: TeamMemberRow;
}

/**
 * The business an API key belongs to, and the member it acts as: the owner's record (so whatever defaults to "me",
 * such as `?member=`, means the owner) with an admin's role, so a key can do what an admin can but never what only
 * the owner can (closing the business, its data export). Key management and leaving the team refuse keys outright
 * (`refuseApiKeys`).
 */
async function keyMembership(db: Db, providerId: number): Promise<Membership> {
  const [provider, owner] = await Promise.all([findProviderById(db, providerId), ownerMemberOf(db, providerId)]);
  // The key's row goes with its business (a cascade), so a live key always has one.
  if (!provider) throw new AppError('unauthenticated', 'Unknown or revoked API key');
  return { provider, member: { ...owner, role: 'admin' } };
}

/** The business the request acts for, by its API key or its signed-in user; undefined for a user who has none. */
export async function requestMembership(db: Db, c: Context<AppEnv>): Promise<Membership | undefined> {
  const key = c.get('apiKey');
  if (key) return keyMembership(db, key.provider_id);
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  if (user.role !== 'provider') throw new AppError('forbidden', 'Only providers can do this');
  return membershipOf(db, user.id);
}

/**
 * Guards `/api/admin/*`: a signed-in member of a business, or an API key of one. Every admin query is then scoped by
 * `c.var.provider.id` (and a staff member's by `c.var.member.id`), which is how nobody reaches another's data.
 */
export const requireProvider = (db: Db): MiddlewareHandler<AppEnv> =>
  async function requireProviderMiddleware(c, next) {
    const membership = await requestMembership(db, c);
    if (!membership) throw new AppError('not_found', 'Create your provider profile first (PUT /api/admin/profile)');
    c.set('provider', membership.provider);
    c.set('member', membership.member);
    await next();
  };
