import type { Db } from '../db/connect.js';
import type { TeamInvitationRow } from './team.table.js';

type NewInvitation = Omit<TeamInvitationRow, 'id' | 'created_at'>;

/** A new invitation replaces any earlier one to the same address: only the newest link works. */
export async function replaceInvitation(db: Db, values: NewInvitation): Promise<TeamInvitationRow> {
  await db
    .deleteFrom('team_invitations')
    .where('provider_id', '=', values.provider_id)
    .where('email', '=', values.email)
    .execute();
  return db.insertInto('team_invitations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The business's invitations not yet accepted nor expired, newest first. */
export async function listInvitations(db: Db, providerId: number, now: Date): Promise<TeamInvitationRow[]> {
  return db
    .selectFrom('team_invitations')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('expires_at', '>', now.toISOString())
    .orderBy('id', 'desc')
    .execute();
}

/** The invitation a link's token opens: undefined once used, withdrawn or expired. */
export async function openInvitation(db: Db, tokenHash: string, now: Date): Promise<TeamInvitationRow | undefined> {
  return db
    .selectFrom('team_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/** Withdraws (or, once accepted, uses up) an invitation of the business; false when it has no such one. */
export async function deleteInvitation(db: Db, providerId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('team_invitations')
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
