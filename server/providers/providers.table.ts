import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

/** How long before an appointment its reminder email goes out. */
export type ReminderLead = 'off' | '24h' | '2h';

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
  /** Customers may cancel or move an appointment until this many hours before it; 0: until it starts. */
  change_cutoff_hours: ColumnType<number, number | undefined, number>;
  /** The business's own words on cancelling, lateness, deposits: plain text shown to customers. */
  policy_text: ColumnType<string, string | undefined, string>;
  email_reminder: ColumnType<ReminderLead, ReminderLead | undefined, ReminderLead>;
  /** 1: the owner gets a copy of the provider-side emails of appointments another team member serves. */
  owner_copies: ColumnType<number, number | undefined, number>;
  /** Set when the provider closed the business: out of the directory, no bookings; purged after a grace period. */
  closed_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  created_at: CreatedAt;
}

/** A slug a business had before a rename: it leads to the business and nobody else may take it. */
export interface ProviderSlugsTable {
  slug: string;
  provider_id: number;
  retired_at: CreatedAt;
}

export type ProviderRow = Selectable<ProvidersTable>;
export type NewProvider = Insertable<ProvidersTable>;
export type ProviderUpdate = Updateable<ProvidersTable>;
