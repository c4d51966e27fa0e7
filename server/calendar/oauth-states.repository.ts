import type { Db } from '../db/connect.js';
import type { CalendarKind } from './calendar.table.js';

export interface OAuthState {
  providerId: number;
  /** The member whose calendar is being connected (null: a state made before teams). */
  memberId: number | null;
  kind: CalendarKind;
  codeVerifierEnc: string;
}

export async function insertOAuthState(db: Db, stateHash: string, state: OAuthState, expiresAt: Date): Promise<void> {
  await db
    .insertInto('calendar_oauth_states')
    .values({
      state_hash: stateHash,
      provider_id: state.providerId,
      member_id: state.memberId,
      kind: state.kind,
      code_verifier_enc: state.codeVerifierEnc,
      expires_at: expiresAt.toISOString(),
    })
    .execute();
}

/** Reads and deletes a state in one step: each one works once, and only before it expires. */
export async function takeOAuthState(db: Db, stateHash: string, now: Date): Promise<OAuthState | undefined> {
  await db.deleteFrom('calendar_oauth_states').where('expires_at', '<=', now.toISOString()).execute();
  const row = await db
    .deleteFrom('calendar_oauth_states')
    .where('state_hash', '=', stateHash)
    .returningAll()
    .executeTakeFirst();
  return (
    row && {
      providerId: row.provider_id,
      memberId: row.member_id,
      kind: row.kind,
      codeVerifierEnc: row.code_verifier_enc,
    }
  );
}
