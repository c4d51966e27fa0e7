import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Instants are ISO-8601 UTC strings (`Date.prototype.toISOString()`): they sort as text on
 * SQLite and PostgreSQL alike. Local wall-clock values (weekly hours) are `HH:mm`, dates `YYYY-MM-DD`.
 */
type Instant = string;
type CreatedAt = ColumnType<Instant, Instant | undefined, never>;

export type Role = 'customer' | 'provider';
export type AppointmentStatus = 'confirmed' | 'cancelled' | 'completed' | 'no_show';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
/** How long before an appointment its reminder email goes out. */
export type ReminderLead = 'off' | '24h' | '2h';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  name: string;
  role: Role;
  email_verified_at: Instant | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 of the session token, hex: the token itself is never stored. */
  id: string;
  user_id: number;
  expires_at: Instant;
  created_at: CreatedAt;
}

export interface ProvidersTable {
  id: Generated<number>;
  user_id: number;
  slug: string;
  name: string;
  category: string;
  description: string;
  city: string;
  address: string;
  phone: string;
  time_zone: string;
  min_notice_minutes: number;
  max_days_ahead: number;
  slot_step_minutes: number;
  email_reminder: ColumnType<ReminderLead, ReminderLead | undefined, ReminderLead>;
  /** Set when the provider closed the business: out of the directory, no bookings; purged after a grace period. */
  closed_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  created_at: CreatedAt;
}

/** A slug a business had before a rename: it redirects to the business and nobody else may take it. */
export interface ProviderSlugsTable {
  slug: string;
  provider_id: number;
  retired_at: CreatedAt;
}

export interface ServicesTable {
  id: Generated<number>;
  provider_id: number;
  name: string;
  description: string;
  duration_minutes: number;
  price_minor: number;
  currency: string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  /** 1 or 0: an integer so the column reads the same on SQLite and PostgreSQL. */
  active: number;
  created_at: CreatedAt;
}

export interface WeeklyHoursTable {
  id: Generated<number>;
  provider_id: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface DateOverridesTable {
  id: Generated<number>;
  provider_id: number;
  date: string;
  /** Both null: closed all day. Otherwise one special-hours interval (a date may have several rows). */
  start_time: string | null;
  end_time: string | null;
}

export interface AppointmentsTable {
  id: Generated<number>;
  provider_id: number;
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
  /** Bumped by every change the customer or provider should see (iCalendar SEQUENCE). */
  sequence: Generated<number>;
  manage_token_hash: string;
  cancelled_by: Role | null;
  /** Set once the customer's contact details were erased (on request, account deletion or retention). */
  contact_erased_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  created_at: CreatedAt;
  updated_at: Instant;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: CreatedAt;
}

export interface ReviewsTable {
  id: Generated<number>;
  appointment_id: number;
  provider_id: number;
  /** Null once the author deleted their account and chose to keep the review, anonymous. */
  customer_user_id: number | null;
  rating: number;
  body: string;
  reply: string | null;
  replied_at: Instant | null;
  created_at: CreatedAt;
  updated_at: Instant;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  appointment_id: number | null;
  to_user_id: number | null;
  to_address: string;
  kind: string;
  subject: string;
  html: string;
  text: string;
  ics: string | null;
  message_id: string;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  last_error: string | null;
  sent_at: Instant | null;
  created_at: CreatedAt;
  /** Whose copy this is: decides the wording and who may read it. */
  to_role: Role;
  /** Set for emails that must exist at most once (a reminder per appointment time and recipient). */
  dedupe_key: string | null;
  /** The worker pass holding the lease: it alone may record the outcome. */
  claimed_by: string | null;
  /** How it went out: over SMTP, or into the built-in mailbox only (no SMTP_URL). */
  transport: 'smtp' | 'mailbox' | null;
}

/** An appointment's manage token, sealed with the server's secret, for links in later emails. */
export interface EmailLinkTokensTable {
  appointment_id: number;
  token_sealed: string;
}

export type CalendarKind = 'google_shared' | 'google_oauth' | 'microsoft';
/** `pending`: being set up; `broken`: the calendar refused our credentials (reconnect to mend). */
export type CalendarConnectionStatus = 'pending' | 'active' | 'broken';
export type SyncJobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface CalendarConnectionsTable {
  id: Generated<number>;
  provider_id: number;
  kind: CalendarKind;
  status: CalendarConnectionStatus;
  /** The calendar events go to; null until set up (or the account's default calendar). */
  calendar_id: string | null;
  /** The connected account (own-account modes). */
  account_email: string | null;
  /** Shared-calendar mode: the provider's Google address and the access it was given. */
  share_with: string | null;
  share_role: 'writer' | 'reader' | null;
  /** AES-256-GCM sealed with SECRET_KEY (see `server/calendar/token-cipher.ts`). */
  refresh_token_enc: string | null;
  last_error: string | null;
  busy_refreshed_at: Instant | null;
  busy_checked_at: Instant | null;
  created_at: CreatedAt;
  updated_at: Instant | null;
}

export interface SyncJobsTable {
  id: Generated<number>;
  provider_id: number;
  appointment_id: number;
  action: 'upsert' | 'delete';
  status: SyncJobStatus;
  attempts: Generated<number>;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  last_error: string | null;
  completed_at: Instant | null;
  created_at: CreatedAt;
}

/** What the app has written to a connected calendar, per appointment. */
export interface CalendarEventsTable {
  connection_id: number;
  appointment_id: number;
  external_id: string;
  start_at: Instant;
  end_at: Instant;
  deleted: number;
  updated_at: Instant;
}

/** Busy intervals read from a connected calendar, replaced on every refresh. */
export interface CalendarBusyTable {
  connection_id: number;
  start_at: Instant;
  end_at: Instant;
}

export interface CalendarSettingsTable {
  provider_id: number;
  /** 1: events show the customer's email and phone. */
  include_customer_contact: ColumnType<number, number | undefined, number>;
  feed_token_hash: string | null;
  feed_created_at: Instant | null;
}

export interface CalendarOauthStatesTable {
  state_hash: string;
  provider_id: number;
  kind: CalendarKind;
  code_verifier_enc: string;
  expires_at: Instant;
  created_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  providers: ProvidersTable;
  provider_slugs: ProviderSlugsTable;
  services: ServicesTable;
  weekly_hours: WeeklyHoursTable;
  date_overrides: DateOverridesTable;
  appointments: AppointmentsTable;
  idempotency_keys: IdempotencyKeysTable;
  reviews: ReviewsTable;
  email_outbox: EmailOutboxTable;
  email_link_tokens: EmailLinkTokensTable;
  calendar_connections: CalendarConnectionsTable;
  sync_jobs: SyncJobsTable;
  calendar_events: CalendarEventsTable;
  calendar_busy: CalendarBusyTable;
  calendar_settings: CalendarSettingsTable;
  calendar_oauth_states: CalendarOauthStatesTable;
}

export type UserRow = Selectable<UsersTable>;
export type ProviderRow = Selectable<ProvidersTable>;
export type NewProvider = Insertable<ProvidersTable>;
export type ProviderUpdate = Updateable<ProvidersTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type NewService = Insertable<ServicesTable>;
export type ServiceUpdate = Updateable<ServicesTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type NewAppointment = Insertable<AppointmentsTable>;
export type EmailRow = Selectable<EmailOutboxTable>;
export type NewEmail = Insertable<EmailOutboxTable>;
export type CalendarConnectionRow = Selectable<CalendarConnectionsTable>;
export type SyncJobRow = Selectable<SyncJobsTable>;
