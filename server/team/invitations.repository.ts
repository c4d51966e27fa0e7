import type { Db } from '../db/connect.js';
import { deleteOwned } from '../db/owned.js';
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

/** Invitations whose link still works at `now` (an accepted or withdrawn one is deleted). */
const openInvitations = (db: Db, now: Date) =>
  db.selectFrom('team_invitations').selectAll().where('expires_at', '>', now.toISOString());

/** The business's invitations not yet accepted nor expired, newest first. */
export async function listInvitations(db: Db, providerId: number, now: Date): Promise<TeamInvitationRow[]> {
  return openInvitations(db, now).where('provider_id', '=', providerId).orderBy('id', 'desc').execute();
}

/** The invitation a link's token opens: undefined once used, withdrawn or expired. */
export async function openInvitation(db: Db, tokenHash: string, now: Date): Promise<TeamInvitationRow | undefined> {
  return openInvitations(db, now).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Withdraws (or, once accepted, uses up) an invitation of the business; false when it has no such one. */
export async function deleteInvitation(db: Db, providerId: number, id: number): Promise<boolean> {
  return deleteOwned(db, 'team_invitations', providerId, id);
}
