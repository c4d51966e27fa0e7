import type { Db } from '../db/connect.js';
import type { ProviderRow } from '../providers/providers.table.js';
import type { ServiceRow } from '../services/services.table.js';
import type { TeamMemberRow } from '../team/team.table.js';
import { type AppointmentDetail, findAppointment, providerEmailOf } from './bookings.repository.js';
import type { AppointmentRow } from './bookings.table.js';

/** What a booking read and wrote under its lock: the rows its detail is made of. */
export interface Booked {
  row: AppointmentRow;
  provider: ProviderRow;
  service: ServiceRow;
  member: Pick<TeamMemberRow, 'name' | 'slug'>;
  inSeries: boolean;
}

/**
 * A new appointment's detail for the answer and the listeners. A one-to-one booking outside a series has every fact
 * of `findAppointment`'s six-table join in rows the booking holds already (the inserted row comes back whole), but
 * the owner's address: that one narrow read replaces the join. A class (its attendees are counted) and an
 * occurrence of a series (its series is read) take the join. booked-detail.test.ts holds both to the same answer.
 */
export async function bookedDetail(db: Db, booked: Booked): Promise<AppointmentDetail> {
  const { row, provider, service, member } = booked;
  if (service.seats > 1 || booked.inSeries) return (await findAppointment(db, row.id))!;
  return {
    ...row,
    series_count: null,
    series_every_weeks: null,
    series_start_at: null,
    member_name: member.name,
    member_slug: member.slug,
    service_seats: service.seats,
    // One-to-one: the unique index on a member's confirmed starts leaves this booking alone at its time.
    class_taken: 1,
    service_name: service.name,
    service_duration_minutes: service.duration_minutes,
    provider_slug: provider.slug,
    provider_name: provider.name,
    provider_address: provider.address,
    provider_time_zone: provider.time_zone,
    provider_phone: provider.phone,
    provider_email: await providerEmailOf(db, provider.user_id),
    provider_change_cutoff_hours: provider.change_cutoff_hours,
    provider_policy_text: provider.policy_text,
  };
}
