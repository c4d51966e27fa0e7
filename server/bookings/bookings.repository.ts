import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import type { AppointmentRow, AppointmentStatus, NewAppointment } from './bookings.table.js';

/** An appointment with the names the customer and provider recognise it by. */
export interface AppointmentDetail extends AppointmentRow {
  service_name: string;
  service_duration_minutes: number;
  provider_slug: string;
  provider_name: string;
  provider_address: string;
  provider_time_zone: string;
  provider_phone: string;
  /** The owner's account address once confirmed (null before): how a customer reaches the business. */
  provider_email: string | null;
  provider_change_cutoff_hours: number;
  provider_policy_text: string;
  // Optional so that hand-made details (test fixtures) need not spell them out; the queries always set them.
  /** The serving member's name and slug (null only for a row without one, which the migration left none of). */
  member_name?: string | null;
  member_slug?: string | null;
  /** The service's places per time (1: one-to-one). */
  service_seats?: number;
  /** Confirmed appointments of this member at this start: the attendees of a class time. */
  class_taken?: number | null;
  /** An occurrence's series (server/series/): its occurrences, their interval, and occurrence 0's start. */
  series_count?: number | null;
  series_every_weeks?: number | null;
  series_start_at?: string | null;
}

const detailQuery = (db: Db) =>
  db
    .selectFrom('appointments')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .innerJoin('providers', 'providers.id', 'appointments.provider_id')
    .innerJoin('users as owners', 'owners.id', 'providers.user_id')
    .leftJoin('team_members as members', 'members.id', 'appointments.member_id')
    .leftJoin('appointment_series as series', 'series.id', 'appointments.series_id')
    .selectAll('appointments')
    .select((eb) => [
      'series.count as series_count',
      'series.every_weeks as series_every_weeks',
      'series.start_at as series_start_at',
      'members.name as member_name',
      'members.slug as member_slug',
      'services.seats as service_seats',
      eb
        .selectFrom('appointments as attendees')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('attendees.member_id', '=', 'appointments.member_id')
        .whereRef('attendees.start_at', '=', 'appointments.start_at')
        .where('attendees.status', '=', 'confirmed')
        .as('class_taken'),
      'services.name as service_name',
      'services.duration_minutes as service_duration_minutes',
      'providers.slug as provider_slug',
      'providers.name as provider_name',
      'providers.address as provider_address',
      'providers.time_zone as provider_time_zone',
      'providers.phone as provider_phone',
      eb
        .case()
        .when('owners.email_verified_at', 'is not', null)
        .then(eb.ref('owners.email'))
        .else(null)
        .end()
        .as('provider_email'),
      'providers.change_cutoff_hours as provider_change_cutoff_hours',
      'providers.policy_text as provider_policy_text',
    ]);

// Read after every booking and change of one: built once (server/db/prepared.ts).
const appointmentDetail = preparedQuery((db: Db, p: { id: number }) =>
  detailQuery(db).where('appointments.id', '=', p.id),
);

export async function findAppointment(db: Db, id: number): Promise<AppointmentDetail | undefined> {
  return appointmentDetail.executeTakeFirst(db, { id });
}

export interface AppointmentFilter {
  providerId?: number | undefined;
  /** One member's appointments only (a staff member sees no one else's). */
  memberId?: number | undefined;
  customerUserId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: AppointmentStatus | undefined;
  limit: number;
}

export async function listAppointments(db: Db, filter: AppointmentFilter): Promise<AppointmentDetail[]> {
  let query = detailQuery(db);
  if (filter.providerId !== undefined) query = query.where('appointments.provider_id', '=', filter.providerId);
  if (filter.memberId !== undefined) query = query.where('appointments.member_id', '=', filter.memberId);
  if (filter.customerUserId !== undefined)
    query = query.where('appointments.customer_user_id', '=', filter.customerUserId);
  if (filter.from) query = query.where('appointments.start_at', '>=', filter.from);
  if (filter.to) query = query.where('appointments.start_at', '<', filter.to);
  if (filter.status) query = query.where('appointments.status', '=', filter.status);
  return query.orderBy('appointments.start_at').limit(filter.limit).execute();
}

/** The booking's own insert, built once for its one set of columns: every booking gives them all. */
const newAppointment = preparedQuery((db: Db, values: NewAppointment) =>
  db.insertInto('appointments').values(values).returningAll(),
);

/** Inserts an appointment and returns its row as stored (its id, and the columns the database filled in). */
export async function insertAppointment(db: Db, values: NewAppointment): Promise<AppointmentRow> {
  return (await newAppointment.executeTakeFirst(db, values))!;
}

// The one fact of a new booking's detail its rows lack: how a customer reaches the business (see AppointmentDetail).
const verifiedEmailOf = preparedQuery((db: Db, p: { userId: number }) =>
  db.selectFrom('users').select('email').where('id', '=', p.userId).where('email_verified_at', 'is not', null),
);

/** The owner's account address once confirmed, else null: `provider_email` of AppointmentDetail. */
export async function providerEmailOf(db: Db, ownerUserId: number): Promise<string | null> {
  return (await verifiedEmailOf.executeTakeFirst(db, { userId: ownerUserId }))?.email ?? null;
}

export async function updateAppointment(
  db: Db,
  id: number,
  values: Partial<
    Pick<
      AppointmentRow,
      | 'status'
      | 'start_at'
      | 'end_at'
      | 'blocked_start_at'
      | 'blocked_end_at'
      | 'cancelled_by'
      | 'cancel_reason'
      | 'member_id'
      | 'seat'
    >
  > & {
    updated_at: string;
    bumpSequence: boolean;
  },
): Promise<void> {
  const { bumpSequence, ...columns } = values;
  await db
    .updateTable('appointments')
    .set((eb) => ({ ...columns, ...(bumpSequence && { sequence: eb('sequence', '+', 1) }) }))
    .where('id', '=', id)
    .execute();
}

/**
 * What the fair policy weighs, by member: their confirmed appointments starting in [from, to) (a week), and the id
 * of their latest appointment (ids grow with time: who was given one least recently). Members without appear too.
 */
export async function assignmentStats(
  db: Db,
  memberIds: number[],
  week: { from: string; to: string },
): Promise<Map<number, { weekCount: number; lastId: number | null }>> {
  const stats = new Map(memberIds.map((id) => [id, { weekCount: 0, lastId: null as number | null }]));
  if (memberIds.length === 0) return stats;
  const rows = await db
    .selectFrom('appointments')
    .select((eb) => [
      'member_id',
      eb.fn.max('id').as('last_id'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([eb('status', '=', 'confirmed'), eb('start_at', '>=', week.from), eb('start_at', '<', week.to)]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('week_count'),
    ])
    .where('member_id', 'in', memberIds)
    .groupBy('member_id')
    .execute();
  for (const r of rows) stats.set(r.member_id, { weekCount: Number(r.week_count), lastId: r.last_id });
  return stats;
}

/** The seats taken at one member's start (a class time), lowest first. */
export async function takenSeats(db: Db, memberId: number, startAt: string, excludeId?: number): Promise<number[]> {
  let query = db
    .selectFrom('appointments')
    .select('seat')
    .where('member_id', '=', memberId)
    .where('start_at', '=', startAt)
    .where('status', '=', 'confirmed');
  if (excludeId !== undefined) query = query.where('id', '!=', excludeId);
  return (await query.orderBy('seat').execute()).map((r) => r.seat);
}

/** Ids of a member's confirmed appointments starting after `nowIso`, earliest first. */
export async function futureAppointmentsOf(db: Db, memberId: number, nowIso: string): Promise<number[]> {
  const rows = await db
    .selectFrom('appointments')
    .select('id')
    .where('member_id', '=', memberId)
    .where('status', '=', 'confirmed')
    .where('start_at', '>', nowIso)
    .orderBy('start_at')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Ids of the confirmed attendees of one class time (a member's appointments of a service at a start), in the order
 * they took their places. Given a business, only its own: a class time named in a request is another's otherwise.
 */
export async function classAttendees(
  db: Db,
  at: { memberId: number; serviceId: number; startAt: string; providerId?: number },
): Promise<number[]> {
  let query = db
    .selectFrom('appointments')
    .select('id')
    .where('member_id', '=', at.memberId)
    .where('service_id', '=', at.serviceId)
    .where('start_at', '=', at.startAt)
    .where('status', '=', 'confirmed');
  if (at.providerId !== undefined) query = query.where('provider_id', '=', at.providerId);
  const rows = await query.orderBy('seat').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Ids of the confirmed occurrences of a series after `index` that start after `nowIso`, in series order: what
 * "cancel this and the following" cancels besides the one asked about.
 */
export async function laterOccurrences(db: Db, seriesId: number, index: number, nowIso: string): Promise<number[]> {
  const rows = await db
    .selectFrom('appointments')
    .select('id')
    .where('series_id', '=', seriesId)
    .where('series_index', '>', index)
    .where('status', '=', 'confirmed')
    .where('start_at', '>', nowIso)
    .orderBy('series_index')
    .execute();
  return rows.map((r) => r.id);
}
