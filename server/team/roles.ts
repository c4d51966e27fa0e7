import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { mediaUrl } from '../media/media.view.js';
import type { MemberRole, TeamMemberRow } from './team.table.js';

/** Services, rules, team, business settings: the owner's and admins' to change, never staff's. */
export const mayManageBusiness = (role: MemberRole) => role === 'owner' || role === 'admin';

export const memberRoleSchema = z.enum(['owner', 'admin', 'staff']);

export const memberRefSchema = z.object({
  memberId: z.number().int(),
  role: memberRoleSchema,
  name: z.string(),
  photoUrl: z.string().nullable(),
});

/** The signed-in member as the site sees them (`Profile.me`). */
export const memberRef = (m: TeamMemberRow): z.output<typeof memberRefSchema> => ({
  memberId: m.id,
  role: m.role,
  name: m.name,
  photoUrl: m.photo_hash ? mediaUrl(m.photo_hash) : null,
});

/**
 * Lets only these roles of the signed-in member through (mounted after `requireProvider`, which sets the member);
 * everyone else gets 403 before anything is read, so a refused request learns nothing about the business's data.
 */
export const requireRole = (...roles: MemberRole[]): MiddlewareHandler<AppEnv> =>
  async function requireRoleMiddleware(c, next) {
    if (!roles.includes(c.get('member').role)) throw new AppError('forbidden', 'Your role in the team cannot do this');
    await next();
  };

/**
 * What only a person signed in may do, never an integration: managing API keys (a key minting keys would outlive its
 * revocation), changing the business profile, leaving the team. An API key is refused with 403.
 */
export const refuseApiKeys: MiddlewareHandler<AppEnv> = async function refuseApiKeysMiddleware(c, next) {
  if (c.get('apiKey')) throw new AppError('forbidden', 'An API key cannot do this: sign in instead');
  await next();
};

/** The owner and admins: everything but closing the business. */
export const requireManager = requireRole('owner', 'admin');

/**
 * Whose appointments the signed-in member may see and change: a staff member only their own (the id to filter by);
 * the owner and admins every member's (undefined: no filter beyond the business).
 */
export const staffScope = (member: TeamMemberRow): number | undefined =>
  member.role === 'staff' ? member.id : undefined;
