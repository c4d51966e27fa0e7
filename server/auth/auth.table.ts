import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

export type Role = 'customer' | 'provider';

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

export type UserRow = Selectable<UsersTable>;
