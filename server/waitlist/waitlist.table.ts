import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

/** `earlier`: a booked one-to-one appointment waiting for an earlier time; `class`: a place in a full class time. */
export type WaitlistKind = 'earlier' | 'class';
/** `offered` while one of its offers is open; `done` once moved or booked (or its appointment changed); `left`: it left. */
export type WaitlistStatus = 'waiting' | 'offered' | 'done' | 'left';
export type OfferStatus = 'open' | 'taken' | 'expired';

export interface WaitlistEntriesTable {
  id: Generated<number>;
  kind: WaitlistKind;
  provider_id: number;
  service_id: number;
  /** A class entry's member (the class time's); null for an `earlier` entry, whose appointment names its member. */
  member_id: number | null;
  /** `same`: only the member of the appointment (or class); `any`: any member who performs the service. */
  member_choice: 'same' | 'any';
  /** The appointment an `earlier` entry would move (one entry per appointment). */
  appointment_id: number | null;
  /** The class time a `class` entry waits for. */
  class_start_at: Instant | null;
  /** ISO weekdays (1 = Monday) joined by commas, in the business's zone; null: every day. */
  days: string | null;
  /** "HH:MM" in the business's zone: the freed start must fall in [from, to); null: any time. */
  from_time: string | null;
  to_time: string | null;
  /** A class entry's customer (an `earlier` entry's is its appointment's). */
  customer_user_id: number | null;
  customer_name: string | null;
  customer_email: string | null;
  customer_time_zone: string | null;
  /** A class entry's own token (its holder may look at or leave the entry), hashed like manage tokens. */
  token_hash: string | null;
  status: WaitlistStatus;
  /** Its place in line: when it asked (asking again keeps it; joining again after leaving starts anew). */
  queued_at: Instant;
  created_at: CreatedAt;
  updated_at: Instant;
}

export interface WaitlistOffersTable {
  id: Generated<number>;
  entry_id: number;
  provider_id: number;
  service_id: number;
  /** The freed time: whose, and when (held from everyone else while the offer is open). */
  member_id: number;
  /** The appointment taking it would move (null: a class place): its own move does not collide with the hold. */
  appointment_id: number | null;
  start_at: Instant;
  end_at: Instant;
  /** The time the offer keeps busy (with the service's buffers), as the appointment it replaces did. */
  blocked_start_at: Instant;
  blocked_end_at: Instant;
  /** The link's token, hashed; the plaintext is only in the email. */
  token_hash: string;
  status: OfferStatus;
  expires_at: Instant;
  created_at: CreatedAt;
  updated_at: ColumnType<Instant, Instant, Instant>;
}

export type WaitlistEntryRow = Selectable<WaitlistEntriesTable>;
export type NewWaitlistEntry = Insertable<WaitlistEntriesTable>;
export type WaitlistOfferRow = Selectable<WaitlistOffersTable>;
export type NewWaitlistOffer = Insertable<WaitlistOffersTable>;
