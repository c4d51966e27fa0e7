import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

/** An interval the owner blocked: it keeps slots away like a busy event in their own calendar. */
export interface BlockedTimesTable {
  id: Generated<number>;
  provider_id: number;
  /** The member kept free. */
  member_id: number;
  start_at: Instant;
  end_at: Instant;
  /** Shown to the owner only ("Lunch"); empty when none was given. */
  label: Generated<string>;
  created_at: CreatedAt;
}

export type BlockedTimeRow = Selectable<BlockedTimesTable>;
