import { verifyPassword } from '../auth/passwords.js';
import { findUserById } from '../auth/users.repository.js';
import type { SlotsChanged } from '../availability/availability.types.js';
import { type BookingDeps, changeAppointmentStatus } from '../bookings/booking.service.js';
import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import { eraseContacts } from '../bookings/erase-contacts.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { deleteEntriesOfCustomer } from '../waitlist/waitlist.repository.js';
import {
  appointmentIdsOfCustomer,
  appointmentsPastRetention,
  closeProvider,
  deleteCustomerAccount,
  providersClosedBefore,
  purgeProvider,
  upcomingAppointmentIds,
} from './privacy.repository.js';

const DAY_MS = 86_400_000;
/** How long a closed business's data is kept, in case the closing was a mistake or disputes follow. */
export const CLOSED_GRACE_DAYS = 30;

/** Cancels each of these appointments as `actor`, through the usual path: the usual emails and calendar updates. */
async function cancelAll(
  deps: BookingDeps,
  ids: number[],
  actor: 'customer' | 'provider',
  authorize: (a: AppointmentDetail) => void,
) {
  for (const appointmentId of ids) await changeAppointmentStatus(deps, { appointmentId, actor, authorize }, 'cancel');
}

/**
 * Deletes a customer's account, once they gave their password again: their upcoming appointments are cancelled
 * (the provider and they get the usual emails), every appointment of theirs keeps no contact details, their places
 * in class waitlists go, their reviews stay without a name or go, as they choose.
 */
export async function deleteCustomer(
  deps: BookingDeps,
  userId: number,
  input: { password: string; reviews: 'anonymous' | 'delete' },
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user || !(await verifyPassword(user.password_hash, input.password)))
    throw new AppError('unauthenticated', 'Wrong password');
  if (user.role !== 'customer')
    throw new AppError('forbidden', 'A business account is closed from the admin (Profile & rules)');
  await cancelAll(
    deps,
    await upcomingAppointmentIds(deps.db, { customerUserId: userId }, deps.now()),
    'customer',
    (a) => {
      if (a.customer_user_id !== userId) throw AppError.notFound('Appointment');
    },
  );
  await withWriteLock(deps.db, async (trx) => {
    await eraseContacts(trx, await appointmentIdsOfCustomer(trx, userId), deps.now());
    await deleteEntriesOfCustomer(trx, userId);
    await deleteCustomerAccount(trx, userId, input.reviews);
  });
}

/**
 * Closes a business: out of the directory and closed to bookings at once, its upcoming appointments cancelled
 * with the usual email to each customer. Its data stays for {@link CLOSED_GRACE_DAYS} days, then the retention
 * job deletes it.
 */
export async function closeBusiness(
  deps: BookingDeps & { slotsChanged: SlotsChanged },
  providerId: number,
): Promise<void> {
  await withWriteLock(deps.db, (trx) => closeProvider(trx, providerId, deps.now()));
  await deps.slotsChanged(providerId);
  await cancelAll(deps, await upcomingAppointmentIds(deps.db, { providerId }, deps.now()), 'provider', (a) => {
    if (a.provider_id !== providerId) throw AppError.notFound('Appointment');
  });
}

/**
 * One pass of the retention job: contact details of appointments that ended more than `retentionDays` ago are
 * erased, and businesses closed more than {@link CLOSED_GRACE_DAYS} ago are deleted. Batches keep each write short.
 */
export async function retentionPass(deps: {
  db: BookingDeps['db'];
  now: Date;
  retentionDays: number;
}): Promise<{ erased: number; purged: number }> {
  const { db, now } = deps;
  let erased = 0;
  for (;;) {
    const batch = await appointmentsPastRetention(db, new Date(now.getTime() - deps.retentionDays * DAY_MS), 500);
    if (batch.length === 0) break;
    erased += await withWriteLock(db, (trx) => eraseContacts(trx, batch, now));
  }
  const closed = await providersClosedBefore(db, new Date(now.getTime() - CLOSED_GRACE_DAYS * DAY_MS));
  for (const provider of closed) await withWriteLock(db, (trx) => purgeProvider(trx, provider));
  return { erased, purged: closed.length };
}
