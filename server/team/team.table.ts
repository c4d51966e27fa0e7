import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CreatedAt, Instant } from '../db/columns.js';

/** owner: everything; admin: everything but closing the business and its ownership; staff: their own work only. */
export type MemberRole = 'owner' | 'admin' | 'staff';

/** A person of a business who serves customers, with their own hours, services, calendars and appointments. */
export interface TeamMembersTable {
  id: Generated<number>;
  provider_id: number;
  /** The account they sign in with; null for a member who has none (yet). */
  user_id: number | null;
  role: MemberRole;
  name: string;
  /** Names them in public URLs and the API's `staff` (`?staff=mia`); unique within the business. */
  slug: string;
  bio: ColumnType<string, string | undefined, string>;
  /** Where their side of the booking emails goes (the owner's: the account's address). */
  email: string | null;
  /** A media hash (`/media/<hash>.webp`); null shows initials. */
  photo_hash: ColumnType<string | null, string | null | undefined, string | null>;
  position: ColumnType<number, number | undefined, number>;
  /** Set when they left or were removed: kept for the history of their appointments, never offered again. */
  left_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  created_at: CreatedAt;
}

/** Which services a member performs. */
export interface MemberServicesTable {
  member_id: number;
  service_id: number;
}

/** An invitation to join a business, by a single-use link stored by its hash. */
export interface TeamInvitationsTable {
  id: Generated<number>;
  provider_id: number;
  /** SHA-256 of the link's token, hex. */
  token_hash: string;
  email: string;
  name: string;
  role: Exclude<MemberRole, 'owner'>;
  invited_by: number | null;
  expires_at: Instant;
  created_at: CreatedAt;
}

export type TeamMemberRow = Selectable<TeamMembersTable>;
export type NewTeamMember = Insertable<TeamMembersTable>;
export type TeamInvitationRow = Selectable<TeamInvitationsTable>;
