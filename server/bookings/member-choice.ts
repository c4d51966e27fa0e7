import { DateTime } from 'luxon';
import { pickMember } from '../availability/fair-assignment.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { ProviderRow } from '../providers/providers.table.js';
import type { ServiceRow } from '../services/services.table.js';
import { assignmentStats, takenSeats } from './bookings.repository.js';
import type { FreeMember } from './slot-check.js';

/**
 * Who of the members free at `start` takes the booking. A class time already running fills before another member's
 * opens (its attendees stay together); otherwise the fair policy of fair-assignment.ts, counting appointments in the
 * ISO week of `start` in the business's time zone. `order` is the business's order of the members.
 */
export async function chooseMember(
  db: Db,
  at: { provider: ProviderRow; service: ServiceRow; start: number },
  free: readonly FreeMember[],
  order: readonly number[],
): Promise<FreeMember> {
  const running = free.filter((f) => f.placesLeft < at.service.seats);
  const pool = running.length > 0 ? running : free;
  if (pool.length === 1) return pool[0]!;
  const week = DateTime.fromMillis(at.start, { zone: at.provider.time_zone }).startOf('week');
  const stats = await assignmentStats(
    db,
    pool.map((f) => f.memberId),
    { from: new Date(week.toMillis()).toISOString(), to: new Date(week.plus({ weeks: 1 }).toMillis()).toISOString() },
  );
  const picked = pickMember(
    pool.map((f) => ({
      memberId: f.memberId,
      position: order.indexOf(f.memberId),
      weekCount: stats.get(f.memberId)?.weekCount ?? 0,
      lastAssigned: stats.get(f.memberId)?.lastId ?? null,
    })),
  )!;
  return pool.find((f) => f.memberId === picked.memberId)!;
}

/** The lowest seat of the member's class time at `startAt` nobody holds; 0 for a one-to-one service. */
export async function lowestFreeSeat(
  db: Db,
  service: ServiceRow,
  memberId: number,
  startAt: string,
  excludeAppointmentId?: number,
): Promise<number> {
  if (service.seats <= 1) return 0;
  const taken = await takenSeats(db, memberId, startAt, excludeAppointmentId);
  let seat = 0;
  for (const t of taken) if (t === seat) seat++;
  if (seat >= service.seats) throw new AppError('slot_taken', 'This class is full; please pick another time');
  return seat;
}
