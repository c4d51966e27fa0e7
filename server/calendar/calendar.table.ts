import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

export type CalendarKind = 'google_shared' | 'google_oauth' | 'microsoft' | 'caldav';
/** `pending`: being set up; `broken`: the calendar refused our credentials (reconnect to mend). */
export type CalendarConnectionStatus = 'pending' | 'active' | 'broken';
export type SyncJobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface CalendarConnectionsTable {
  id: Generated<number>;
  provider_id: number;
  /** The member whose calendar it is: its busy times block only them, their appointments go to it. */
  member_id: number;
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
  /** CalDAV: the account's calendar home (found when connecting), where its calendars are listed. */
  dav_home_url: string | null;
  /** CalDAV: the app password, sealed like the refresh tokens; never sent back to anyone. */
  password_enc: string | null;
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
  /** The worker pass holding the lease: it alone may record the outcome. */
  claimed_by: string | null;
  last_error: string | null;
  completed_at: Instant | null;
  created_at: CreatedAt;
}

/** What the app has written to a connected calendar, per appointment. */
export interface CalendarEventsTable {
  connection_id: number;
  appointment_id: number;
  external_id: string;
  /** CalDAV: the resource's ETag when we last wrote it (null for services without one). */
  etag: string | null;
  /** The event's iCalendar UID: a class time's, shared by its attendees; null: the appointment's own. */
  uid: string | null;
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
  /** No longer used: feeds are per member (`member_feeds`); kept so an older server can still read the table. */
  feed_token_hash: string | null;
  feed_created_at: Instant | null;
}

/** A team member's secret ICS feed. */
export interface MemberFeedsTable {
  member_id: number;
  provider_id: number;
  feed_token_hash: string;
  feed_created_at: Instant;
}

export interface CalendarOauthStatesTable {
  state_hash: string;
  provider_id: number;
  /** The member connecting their calendar. */
  member_id: number | null;
  kind: CalendarKind;
  code_verifier_enc: string;
  expires_at: Instant;
  created_at: CreatedAt;
}

export type CalendarConnectionRow = Selectable<CalendarConnectionsTable>;
export type SyncJobRow = Selectable<SyncJobsTable>;
