import type { Db } from '../db/connect.js';
import type { EmailRow, NewEmail } from './email.table.js';
import type { ProviderContact } from './compose.js';

export async function insertEmails(db: Db, rows: readonly NewEmail[]): Promise<void> {
  if (rows.length) await db.insertInto('email_outbox').values([...rows]).execute();
}

/** Reminders: a row whose dedupe key exists already is skipped, not an error. */
export async function insertEmailsOnce(db: Db, rows: readonly NewEmail[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db
    .insertInto('email_outbox')
    .values([...rows])
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export async function findProviderContact(db: Db, providerId: number): Promise<ProviderContact | undefined> {
  return db
    .selectFrom('providers')
    .innerJoin('users', 'users.id', 'providers.user_id')
    .select(['users.id as userId', 'users.email as email', 'providers.phone as phone'])
    .where('providers.id', '=', providerId)
    .executeTakeFirst();
}

export async function saveLinkToken(db: Db, appointmentId: number, sealed: string): Promise<void> {
  await db
    .insertInto('email_link_tokens')
    .values({ appointment_id: appointmentId, token_sealed: sealed })
    .onConflict((oc) => oc.column('appointment_id').doUpdateSet({ token_sealed: sealed }))
    .execute();
}

export async function findLinkToken(db: Db, appointmentId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('email_link_tokens')
    .select('token_sealed')
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
  return row?.token_sealed;
}

/** A reminder not yet handed to the worker is dropped when its appointment moves or is cancelled. */
export async function dropPendingReminders(db: Db, appointmentId: number): Promise<void> {
  await db
    .deleteFrom('email_outbox')
    .where('appointment_id', '=', appointmentId)
    .where('kind', '=', 'reminder')
    .where('status', '=', 'pending')
    .execute();
}

export type { EmailRow };
