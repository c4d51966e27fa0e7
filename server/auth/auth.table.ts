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

export type AccountTokenPurpose = 'verify_email' | 'password_reset' | 'signup';

/** A link that proves an address, stored by its hash and deleted when used. */
export interface AccountTokensTable {
  /** SHA-256 of the token, hex. */
  token_hash: string;
  user_id: number;
  purpose: AccountTokenPurpose;
  /** The address the link went to: it works only while the account still has it. */
  email: string;
  /** For a repeated sign-up ('signup'): what the account becomes once the link is opened. */
  password_hash: string | null;
  name: string | null;
  role: Role | null;
  expires_at: Instant;
  created_at: CreatedAt;
}

export type UserRow = Selectable<UsersTable>;
export type AccountTokenRow = Selectable<AccountTokensTable>;
