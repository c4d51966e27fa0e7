import type { AppointmentRow } from '../bookings/bookings.table.js';
import type { Db } from '../db/connect.js';
import type { Recipients } from './compose.js';
import type { EmailRow, NewEmail } from './email.table.js';

export async function insertEmails(db: Db, rows: readonly NewEmail[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('email_outbox')
      .values([...rows])
      .execute();
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

/** Who an appointment's emails go to, and what the product knows of their addresses. */
export async function findRecipients(db: Db, appointment: AppointmentRow): Promise<Recipients | undefined> {
  const provider = await db
    .selectFrom('providers')
    .innerJoin('users', 'users.id', 'providers.user_id')
    .leftJoin('calendar_connections', (join) =>
      join
        .onRef('calendar_connections.provider_id', '=', 'providers.id')
        .on('calendar_connections.status', '=', 'active'),
    )
    .select([
      'users.id as userId',
      'users.email as email',
      'providers.phone as phone',
      'users.email_verified_at',
      'calendar_connections.id as connectionId',
    ])
    .where('providers.id', '=', appointment.provider_id)
    .executeTakeFirst();
  if (!provider) return undefined;
  // The booking's address is the customer's own only when it is their account's confirmed address.
  const customer =
    appointment.customer_user_id === null
      ? undefined
      : await db
          .selectFrom('users')
          .select('id')
          .where('id', '=', appointment.customer_user_id)
          .where('email', '=', appointment.customer_email)
          .where('email_verified_at', 'is not', null)
          .executeTakeFirst();
  return {
    provider: {
      userId: provider.userId,
      email: provider.email,
      phone: provider.phone,
      emailVerified: provider.email_verified_at !== null,
      calendarSynced: provider.connectionId !== null,
    },
    customerVerified: customer !== undefined,
  };
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
