import type { Db } from '../db/connect.js';
import { written } from './draft.js';
import type { EmailRow, OutboxStatus } from './email.table.js';
import { PROOF_EMAIL_KINDS } from './proof-emails.js';

const newestFirst = (db: Db) =>
  db.selectFrom('email_outbox').selectAll('email_outbox').orderBy('email_outbox.id', 'desc');

/**
 * What was sent to one account (customer or provider), except emails that prove the address: an account may
 * hold an address it never proved, and reading such an email here would prove it without the inbox.
 */
const sentTo = (db: Db, userId: number) =>
  newestFirst(db)
    .where('to_user_id', '=', userId)
    .where('kind', 'not in', [...PROOF_EMAIL_KINDS]);

// Every email read here is shown: a draft not yet sent is written out for its reader (draft.ts).
const shown = (rows: EmailRow[]) => rows.map(written);
const shownOne = (row: EmailRow | undefined) => row && written(row);

export async function listEmailsTo(db: Db, userId: number, limit: number): Promise<EmailRow[]> {
  return shown(await sentTo(db, userId).limit(limit).execute());
}

export async function findEmailTo(db: Db, userId: number, id: number): Promise<EmailRow | undefined> {
  return shownOne(await sentTo(db, userId).where('id', '=', id).executeTakeFirst());
}

/**
 * The customer's copies of the emails about an appointment (for the manage-token holder); for an occurrence of a recurring series, about the whole series (its
 * one confirmation belongs to the first date, and each date's page is the customer's way to it).
 */
export async function listCustomerEmailsOf(db: Db, appointmentId: number): Promise<EmailRow[]> {
  const sameSeries = db
    .selectFrom('appointments as occurrences')
    .innerJoin('appointments as asked', 'asked.series_id', 'occurrences.series_id')
    .select('occurrences.id')
    .where('asked.id', '=', appointmentId);
  return shown(
    await newestFirst(db)
      .where((eb) => eb.or([eb('appointment_id', '=', appointmentId), eb('appointment_id', 'in', sameSeries)]))
      .where('to_role', '=', 'customer')
      .execute(),
  );
}

export interface ProviderEmailFilter {
  status?: OutboxStatus | undefined;
  appointmentId?: number | undefined;
  limit: number;
}

/** Every email about one provider's appointments, to either side: their delivery log. */
export async function listProviderEmails(db: Db, providerId: number, filter: ProviderEmailFilter): Promise<EmailRow[]> {
  let query = newestFirst(db)
    .innerJoin('appointments', 'appointments.id', 'email_outbox.appointment_id')
    .where('appointments.provider_id', '=', providerId);
  if (filter.status) query = query.where('email_outbox.status', '=', filter.status);
  if (filter.appointmentId !== undefined) query = query.where('email_outbox.appointment_id', '=', filter.appointmentId);
  return shown(await query.limit(filter.limit).execute());
}

export async function findProviderEmail(db: Db, providerId: number, id: number): Promise<EmailRow | undefined> {
  return shownOne(
    await newestFirst(db)
      .innerJoin('appointments', 'appointments.id', 'email_outbox.appointment_id')
      .where('appointments.provider_id', '=', providerId)
      .where('email_outbox.id', '=', id)
      .executeTakeFirst(),
  );
}

/** A failed email back in the queue, due now, with a fresh set of attempts. */
export async function requeueFailedEmail(db: Db, id: number, now: Date): Promise<EmailRow | undefined> {
  return shownOne(
    await db
      .updateTable('email_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString(), lease_until: null, claimed_by: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .returningAll()
      .executeTakeFirst(),
  );
}
