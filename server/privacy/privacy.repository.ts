import { SETTLED } from '../bookings/erase-contacts.js';
import type { Db } from '../db/connect.js';

/** Confirmed appointments still ahead: of a customer account, or of a business. */
export async function upcomingAppointmentIds(
  db: Db,
  of: { customerUserId: number } | { providerId: number },
  now: Date,
): Promise<number[]> {
  let query = db
    .selectFrom('appointments')
    .select('id')
    .where('status', '=', 'confirmed')
    .where('start_at', '>', now.toISOString());
  query =
    'customerUserId' in of
      ? query.where('customer_user_id', '=', of.customerUserId)
      : query.where('provider_id', '=', of.providerId);
  return (await query.execute()).map((r) => r.id);
}

export async function appointmentIdsOfCustomer(db: Db, userId: number): Promise<number[]> {
  return (await db.selectFrom('appointments').select('id').where('customer_user_id', '=', userId).execute()).map(
    (r) => r.id,
  );
}

/** Removes a customer account: their settled mailbox, their reviews if they chose so (else those stay, anonymous). */
export async function deleteCustomerAccount(db: Db, userId: number, reviews: 'anonymous' | 'delete'): Promise<void> {
  if (reviews === 'delete') await db.deleteFrom('reviews').where('customer_user_id', '=', userId).execute();
  await db.deleteFrom('email_outbox').where('to_user_id', '=', userId).where('status', 'in', SETTLED).execute();
  // Sessions go by cascade; reviews kept and pending emails lose their author/recipient link (set null).
  await db.deleteFrom('users').where('id', '=', userId).execute();
}

/** Appointments that ended before `endedBefore` and still hold contact details, oldest first. */
export async function appointmentsPastRetention(db: Db, endedBefore: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('appointments')
    .select('id')
    .where('contact_erased_at', 'is', null)
    .where('end_at', '<', endedBefore.toISOString())
    .orderBy('end_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function closeProvider(db: Db, providerId: number, now: Date): Promise<void> {
  await db
    .updateTable('providers')
    .set({ closed_at: now.toISOString() })
    .where('id', '=', providerId)
    .where('closed_at', 'is', null)
    .execute();
}

/** Businesses closed before `closedBefore`: their grace period is over. */
export async function providersClosedBefore(db: Db, closedBefore: Date): Promise<{ id: number; user_id: number }[]> {
  return db
    .selectFrom('providers')
    .select(['id', 'user_id'])
    .where('closed_at', '<', closedBefore.toISOString())
    .execute();
}

/**
 * Deletes a closed business with everything it holds: appointments (and their emails, link tokens, sync jobs, reviews),
 * services, hours, calendar connections, old slugs, and its owner's account.
 */
export async function purgeProvider(db: Db, provider: { id: number; user_id: number }): Promise<void> {
  const appointments = db.selectFrom('appointments').select('id').where('provider_id', '=', provider.id);
  await db
    .deleteFrom('email_outbox')
    .where((eb) => eb.or([eb('appointment_id', 'in', appointments), eb('to_user_id', '=', provider.user_id)]))
    .execute();
  await db.deleteFrom('reviews').where('provider_id', '=', provider.id).execute();
  await db.deleteFrom('appointments').where('provider_id', '=', provider.id).execute();
  await db.deleteFrom('providers').where('id', '=', provider.id).execute();
  await db.deleteFrom('users').where('id', '=', provider.user_id).execute();
}
