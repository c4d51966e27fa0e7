import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../auth/auth.table.js';
import type { CreatedAt, Instant } from '../db/columns.js';

export type AppointmentStatus = 'confirmed' | 'cancelled' | 'completed' | 'no_show';

export interface AppointmentsTable {
  id: Generated<number>;
  provider_id: number;
  /** The member who serves it. */
  member_id: number;
  service_id: number;
  customer_user_id: number | null;
  customer_name: string;
  customer_email: string;
  customer_phone: string | null;
  customer_time_zone: string | null;
  note: string;
  start_at: Instant;
  end_at: Instant;
  /** start_at/end_at widened by the service's buffers when booked; what the appointment keeps busy. */
  blocked_start_at: Instant;
  blocked_end_at: Instant;
  status: AppointmentStatus;
  /** For a class: which of its places this attendee holds, 0 … seats - 1 (0 for a one-to-one appointment). */
  seat: ColumnType<number, number | undefined, number>;
  /** Bumped by every change the customer or provider should see (iCalendar SEQUENCE). */
  sequence: Generated<number>;
  manage_token_hash: string;
  cancelled_by: Role | null;
  /** What the owner told the customer when cancelling (null: no message, or the customer cancelled). */
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set once the customer's contact details were erased (on request, account deletion or retention). */
  contact_erased_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  created_at: CreatedAt;
  updated_at: Instant;
  /** An occurrence of a recurring series (server/series/): its series, and its place in it counted from 0. */
  series_id: ColumnType<number | null, number | null | undefined, number | null>;
  series_index: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: CreatedAt;
}

export type AppointmentRow = Selectable<AppointmentsTable>;
export type NewAppointment = Insertable<AppointmentsTable>;
