import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { idSchema } from '../http/schemas.js';
import { findMember } from './team.repository.js';

const memberQuery = z.object({ member: idSchema.optional() });

/**
 * For routes about one member's time (hours, overrides, blocked times, calendar): `?member=<id>` names whose, the
 * signed-in member by default, and `c.var.target` is set to them. The owner and admins may name any active member of
 * their business; staff only themselves (403). A member of another business, or one who left, does not exist (404).
 */
export const targetMember = (db: Db): MiddlewareHandler<AppEnv> =>
  async function targetMemberMiddleware(c, next) {
    const parsed = memberQuery.safeParse({ member: c.req.query('member') });
    if (!parsed.success) throw new AppError('invalid_request', 'Invalid query', { member: 'expected a member id' });
    const me = c.get('member');
    const id = parsed.data.member;
    if (id === undefined || id === me.id) {
      c.set('target', me);
      return next();
    }
    const member = await findMember(db, me.provider_id, id);
    if (!member || member.left_at !== null) throw AppError.notFound('Member');
    if (me.role === 'staff') throw new AppError('forbidden', 'Staff manage only their own time');
    c.set('target', member);
    await next();
  };
