import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { findMemberBySlug, performersOf } from '../team/team.repository.js';
import type { TeamMemberRow } from '../team/team.table.js';

/** `staff`: a member's slug, or `any` (the default) for every member who performs the service. */
export const staffSchema = z.string().min(1).max(60);

/**
 * The members a question is about: the one named (404 for no such active member, 422 when they do not perform the
 * service), or every active member who performs it, in the business's order.
 */
export async function staffFor(
  db: Db,
  providerId: number,
  serviceId: number,
  staff: string | undefined,
): Promise<TeamMemberRow[]> {
  const performers = await performersOf(db, providerId, serviceId);
  if (staff === undefined || staff === 'any') return performers;
  const member = await findMemberBySlug(db, providerId, staff);
  if (!member) throw AppError.notFound('Team member');
  if (!performers.some((p) => p.id === member.id)) {
    throw new AppError('unprocessable', `${member.name} does not perform this service`, {
      staff: 'does not perform this service',
    });
  }
  return [member];
}
