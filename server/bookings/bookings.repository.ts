import type { Db } from '../db/connect.js';
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
}

const detailQuery = (db: Db) =>
  db
    .selectFrom('appointments')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .innerJoin('providers', 'providers.id', 'appointments.provider_id')
    .innerJoin('users as owners', 'owners.id', 'providers.user_id')
    .selectAll('appointments')
    .select((eb) => [
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

export async function findAppointment(db: Db, id: number): Promise<AppointmentDetail | undefined> {
  return detailQuery(db).where('appointments.id', '=', id).executeTakeFirst();
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

export async function insertAppointment(db: Db, values: NewAppointment): Promise<number> {
  const row = await db.insertInto('appointments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAppointment(
  db: Db,
  id: number,
  values: Partial<
    Pick<
      AppointmentRow,
      'status' | 'start_at' | 'end_at' | 'blocked_start_at' | 'blocked_end_at' | 'cancelled_by' | 'cancel_reason'
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
