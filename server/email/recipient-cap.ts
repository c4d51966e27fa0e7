import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import { AppError } from '../errors.js';

/**
 * At most this many emails an hour go to one address because of someone who has not proven they own it (a guest
 * booking or managing by link, a sign-up, a password reset). Booking, moving and cancelling a few times stays far
 * below; a loop of book-and-cancel aimed at a stranger's inbox stops here.
 */
export const RECIPIENT_HOURLY_CAP = 10;
const HOUR_MS = 60 * 60 * 1000;

export interface Allowance {
  allowed: boolean;
  /** Seconds until the oldest counted email leaves the hour (when not allowed). */
  retryAfterS: number;
}

// Asked for every guest booking: built once (server/db/prepared.ts).
const countedSince = preparedQuery((db: Db, p: { address: string; since: string }) =>
  db
    .selectFrom('email_outbox')
    .select('cap_counted_at')
    .where('to_address', '=', p.address)
    .where('cap_counted_at', '>', p.since)
    .orderBy('cap_counted_at')
    .limit(RECIPIENT_HOURLY_CAP),
);

/** Whether one more counted email may go to `address` now. Run it in the transaction that inserts the email. */
export async function recipientAllowance(db: Db, address: string, now: Date): Promise<Allowance> {
  const rows = await countedSince.execute(db, { address, since: new Date(now.getTime() - HOUR_MS).toISOString() });
  if (rows.length < RECIPIENT_HOURLY_CAP) return { allowed: true, retryAfterS: 0 };
  const oldest = Date.parse(rows[0]!.cap_counted_at!);
  return { allowed: false, retryAfterS: Math.max(1, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000)) };
}

export const recipientCapped = (allowance: Allowance): AppError =>
  AppError.rateLimited('Too many emails went to this address in the last hour; try again later', allowance.retryAfterS);

/** True when the account `userId` has proven (confirmed) that it owns `address`: emails it causes there are not capped. */
export async function ownsAddress(db: Db, userId: number | null, address: string): Promise<boolean> {
  if (userId === null) return false;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('email', '=', address)
    .where('email_verified_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}
