import type { Interval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { WaitingEntry } from './matching.js';
import { daysFromText } from './matching.js';
import type {
  NewWaitlistEntry,
  NewWaitlistOffer,
  OfferStatus,
  WaitlistEntryRow,
  WaitlistOfferRow,
  WaitlistStatus,
} from './waitlist.table.js';

/** Entries still in line: waiting, or waiting on the answer to an offer. */
const IN_LINE: WaitlistStatus[] = ['waiting', 'offered'];

export async function findEntry(db: Db, id: number): Promise<WaitlistEntryRow | undefined> {
  return db.selectFrom('waitlist_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEntryOfAppointment(db: Db, appointmentId: number): Promise<WaitlistEntryRow | undefined> {
  return db.selectFrom('waitlist_entries').selectAll().where('appointment_id', '=', appointmentId).executeTakeFirst();
}

export async function entriesOfAppointments(db: Db, appointmentIds: number[]): Promise<WaitlistEntryRow[]> {
  if (appointmentIds.length === 0) return [];
  return db.selectFrom('waitlist_entries').selectAll().where('appointment_id', 'in', appointmentIds).execute();
}

export async function insertEntry(db: Db, values: NewWaitlistEntry): Promise<number> {
  const row = await db.insertInto('waitlist_entries').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEntry(
  db: Db,
  id: number,
  values: Partial<Omit<NewWaitlistEntry, 'id' | 'created_at'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('waitlist_entries').set(values).where('id', '=', id).execute();
}

/** Ends whatever entry waits on this appointment (it was cancelled, moved by hand or is over). */
export async function endEntryOfAppointment(db: Db, appointmentId: number, now: string): Promise<number | undefined> {
  const row = await db
    .updateTable('waitlist_entries')
    .set({ status: 'done', updated_at: now })
    .where('appointment_id', '=', appointmentId)
    .where('status', 'in', IN_LINE)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** 1-based place among the entries in line for the same business and service; 0 for an entry out of line. */
export async function positionOf(db: Db, entry: WaitlistEntryRow): Promise<number> {
  if (!IN_LINE.includes(entry.status)) return 0;
  const row = await db
    .selectFrom('waitlist_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('provider_id', '=', entry.provider_id)
    .where('service_id', '=', entry.service_id)
    .where('status', 'in', IN_LINE)
    .where((eb) =>
      eb.or([
        eb('queued_at', '<', entry.queued_at),
        eb.and([eb('queued_at', '=', entry.queued_at), eb('id', '<', entry.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

/**
 * The waiting entries of a service as matching wants them: an earlier entry with its confirmed appointment's start
 * and member (one whose appointment is no longer confirmed is left out), a class entry with its class time.
 */
export async function waitingEntries(db: Db, providerId: number, serviceId: number): Promise<WaitingEntry[]> {
  const rows = await db
    .selectFrom('waitlist_entries as e')
    .leftJoin('appointments as a', (join) =>
      join.onRef('a.id', '=', 'e.appointment_id').on('a.status', '=', 'confirmed'),
    )
    .select([
      'e.id',
      'e.kind',
      'e.member_choice',
      'e.member_id',
      'e.class_start_at',
      'e.days',
      'e.from_time',
      'e.to_time',
      'e.queued_at',
      'e.appointment_id',
      'a.start_at as appointment_start',
      'a.member_id as appointment_member',
    ])
    .where('e.provider_id', '=', providerId)
    .where('e.service_id', '=', serviceId)
    .where('e.status', '=', 'waiting')
    .orderBy('e.queued_at')
    .orderBy('e.id')
    .execute();
  const entries: WaitingEntry[] = [];
  for (const r of rows) {
    const memberId = r.kind === 'class' ? r.member_id : r.appointment_member;
    const start = r.kind === 'class' ? r.class_start_at : r.appointment_start;
    if (memberId === null || start === null) continue;
    entries.push({
      id: r.id,
      kind: r.kind,
      appointmentId: r.appointment_id,
      memberChoice: r.member_choice,
      memberId,
      start: Date.parse(start),
      queuedAt: Date.parse(r.queued_at),
      days: daysFromText(r.days),
      from: r.from_time,
      to: r.to_time,
    });
  }
  return entries;
}

/** How many are in line for each of a member's class times of a service in [from, to). */
export async function classLines(
  db: Db,
  serviceId: number,
  range: { from: string; to: string },
): Promise<{ member_id: number | null; class_start_at: string | null; n: number }[]> {
  const rows = await db
    .selectFrom('waitlist_entries')
    .select((eb) => ['member_id', 'class_start_at', eb.fn.countAll<number>().as('n')])
    .where('service_id', '=', serviceId)
    .where('kind', '=', 'class')
    .where('status', 'in', IN_LINE)
    .where('class_start_at', '>=', range.from)
    .where('class_start_at', '<', range.to)
    .groupBy(['member_id', 'class_start_at'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** A class entry of this address for this class time, still in line (joining twice gives the same entry). */
export async function findClassEntry(
  db: Db,
  at: { serviceId: number; memberId: number; startAt: string; email: string },
): Promise<WaitlistEntryRow | undefined> {
  return db
    .selectFrom('waitlist_entries')
    .selectAll()
    .where('kind', '=', 'class')
    .where('service_id', '=', at.serviceId)
    .where('member_id', '=', at.memberId)
    .where('class_start_at', '=', at.startAt)
    .where('customer_email', '=', at.email)
    .where('status', 'in', IN_LINE)
    .executeTakeFirst();
}

export async function findOffer(db: Db, id: number): Promise<WaitlistOfferRow | undefined> {
  return db.selectFrom('waitlist_offers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOffer(db: Db, values: NewWaitlistOffer): Promise<number> {
  const row = await db.insertInto('waitlist_offers').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The open offers of a member's start (one at most, by the unique index). */
export async function openOffersAt(db: Db, memberId: number, startAt: string): Promise<WaitlistOfferRow[]> {
  return db
    .selectFrom('waitlist_offers')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('start_at', '=', startAt)
    .where('status', '=', 'open')
    .execute();
}

/** Ends the line of a class time. */
export async function endClassLine(
  db: Db,
  at: { serviceId: number; memberId: number; startAt: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('waitlist_entries')
    .set({ status: 'done', updated_at: now })
    .where('kind', '=', 'class')
    .where('service_id', '=', at.serviceId)
    .where('member_id', '=', at.memberId)
    .where('class_start_at', '=', at.startAt)
    .where('status', 'in', IN_LINE)
    .execute();
}

/** The entries this member's start was already offered to. */
export async function entriesOfferedAt(db: Db, memberId: number, startAt: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('waitlist_offers')
    .select('entry_id')
    .where('member_id', '=', memberId)
    .where('start_at', '=', startAt)
    .execute();
  return new Set(rows.map((r) => r.entry_id));
}

/** Closes an open offer; false when it was not open any more (someone else closed it first). */
export async function closeOffer(db: Db, id: number, status: Exclude<OfferStatus, 'open'>, now: string) {
  const result = await db
    .updateTable('waitlist_offers')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The open offers of an entry (at most one in practice). */
export async function openOffersOf(db: Db, entryId: number): Promise<WaitlistOfferRow[]> {
  return db
    .selectFrom('waitlist_offers')
    .selectAll()
    .where('entry_id', '=', entryId)
    .where('status', '=', 'open')
    .execute();
}

/** Open offers whose hold ran out by `now`, oldest first. */
export async function dueOffers(db: Db, now: string, limit: number): Promise<WaitlistOfferRow[]> {
  return db
    .selectFrom('waitlist_offers')
    .selectAll()
    .where('status', '=', 'open')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/** The times open offers hold for a member in `range`, as busy intervals (an offer's hold but `exceptOfferId`'s). */
export async function heldIntervals(
  db: Db,
  memberId: number,
  range: Interval,
  now: string,
  exceptOfferId?: number,
): Promise<Interval[]> {
  let query = db
    .selectFrom('waitlist_offers')
    .select(['blocked_start_at', 'blocked_end_at'])
    .where('member_id', '=', memberId)
    .where('status', '=', 'open')
    .where('expires_at', '>', now)
    .where('blocked_start_at', '<', new Date(range.end).toISOString())
    .where('blocked_end_at', '>', new Date(range.start).toISOString());
  if (exceptOfferId !== undefined) query = query.where('id', '!=', exceptOfferId);
  const rows = await query.orderBy('blocked_start_at').execute();
  return rows.map((r) => ({ start: Date.parse(r.blocked_start_at), end: Date.parse(r.blocked_end_at) }));
}

/** Earlier entries whose appointment has started by `now`: nothing earlier can come any more. */
export async function endPastEntries(db: Db, now: string): Promise<void> {
  await db
    .updateTable('waitlist_entries')
    .set({ status: 'done', updated_at: now })
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('class_start_at', '<=', now),
        eb.exists(
          eb
            .selectFrom('appointments')
            .select('appointments.id')
            .whereRef('appointments.id', '=', 'waitlist_entries.appointment_id')
            .where('appointments.start_at', '<=', now),
        ),
      ]),
    )
    .execute();
}

/** A member's name as an offer says it: null in a business of one, where it goes without saying. */
export async function teamNameOf(db: Db, memberId: number): Promise<{ name: string; slug: string; team: boolean }> {
  const row = await db
    .selectFrom('team_members as m')
    .select((eb) => [
      'm.name',
      'm.slug',
      eb
        .selectFrom('team_members as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.provider_id', '=', 'm.provider_id')
        .where('t.left_at', 'is', null)
        .as('team_size'),
    ])
    .where('m.id', '=', memberId)
    .executeTakeFirstOrThrow();
  return { name: row.name, slug: row.slug, team: Number(row.team_size) > 1 };
}

/** An offer with the names its page shows, and the appointment it would move. */
export async function findOfferDetail(db: Db, id: number) {
  return db
    .selectFrom('waitlist_offers as o')
    .innerJoin('waitlist_entries as e', 'e.id', 'o.entry_id')
    .innerJoin('providers as p', 'p.id', 'o.provider_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('team_members as m', 'm.id', 'o.member_id')
    .leftJoin('appointments as a', 'a.id', 'e.appointment_id')
    .selectAll('o')
    .select((eb) => [
      'e.kind',
      'e.customer_time_zone as entry_time_zone',
      'a.customer_time_zone as appointment_time_zone',
      'a.start_at as current_start',
      'p.name as provider_name',
      'p.slug as provider_slug',
      's.name as service_name',
      'm.name as member_name',
      eb
        .selectFrom('team_members as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.provider_id', '=', 'o.provider_id')
        .where('t.left_at', 'is', null)
        .as('team_size'),
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export type OfferDetail = NonNullable<Awaited<ReturnType<typeof findOfferDetail>>>;

/**
 * A class entry keeps its customer's name and address only while it is in line: once it ended (booked, left, its
 * class begun or cancelled) nothing needs them.
 */
export async function forgetEndedClassEntries(db: Db, now: string): Promise<void> {
  await db
    .updateTable('waitlist_entries')
    .set({ customer_name: null, customer_email: null, updated_at: now })
    .where('kind', '=', 'class')
    .where('status', 'in', ['done', 'left'])
    .where('customer_email', 'is not', null)
    .execute();
}

/** A deleted account's lines: its class entries go (with any offer they held); its appointments' ended already. */
export async function deleteEntriesOfCustomer(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('waitlist_entries').where('customer_user_id', '=', userId).execute();
}
