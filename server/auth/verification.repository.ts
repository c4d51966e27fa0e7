import type { Db } from '../db/connect.js';
import type { UserRow } from './auth.table.js';

/** Marks the address verified (once: the first time stays the time). */
export async function markEmailVerified(db: Db, userId: number, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: at })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute();
}

/**
 * The account's owner has just proven the address through its inbox (a confirmation or password link): the
 * address counts as verified, and a customer gets the bookings made as a guest with it. Returns how many.
 */
export async function addressProven(db: Db, user: Pick<UserRow, 'id' | 'email' | 'role'>, at: Date): Promise<number> {
  await markEmailVerified(db, user.id, at.toISOString());
  return user.role === 'customer' ? attachGuestBookings(db, user.id, user.email) : 0;
}

/**
 * Gives a customer the bookings they made as a guest with this (now proven) address, and their copies of those
 * bookings' emails, so both show in their account. Returns how many bookings were attached.
 */
export async function attachGuestBookings(db: Db, userId: number, email: string): Promise<number> {
  const rows = await db
    .updateTable('appointments')
    .set({ customer_user_id: userId })
    .where('customer_user_id', 'is', null)
    .where('customer_email', '=', email)
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length) {
    await db
      .updateTable('email_outbox')
      .set({ to_user_id: userId })
      .where('to_user_id', 'is', null)
      .where('to_role', '=', 'customer')
      .where('appointment_id', 'in', ids)
      .execute();
  }
  return ids.length;
}
