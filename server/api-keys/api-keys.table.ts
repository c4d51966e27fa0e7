import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

/** `read`: GET and HEAD only; `read_write`: every admin route a key may use. */
export type ApiKeyScope = 'read' | 'read_write';

/** A business's API key, stored by its hash (the key itself is shown once, when it is made). */
export interface ApiKeysTable {
  id: Generated<number>;
  provider_id: number;
  name: string;
  scope: ApiKeyScope;
  /** The key's public start (`bys_live_` and 12 characters): finds the row, and names the key in lists. */
  prefix: string;
  /** SHA-256 of the whole key, hex. */
  key_hash: string;
  /** The member who made it; null once they are gone from the database. */
  created_by: number | null;
  created_at: CreatedAt;
  /** Updated at most once a minute (see `touchApiKey`), so a busy integration costs no write per request. */
  last_used_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  revoked_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

export type ApiKeyRow = Selectable<ApiKeysTable>;
