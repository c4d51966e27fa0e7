import type { LinkOutcome } from '../auth/account-links.js';
import type { Db } from '../db/connect.js';
import type { MemberRole, TeamMemberRow } from './team.table.js';

/** Lifetime of an invitation link. */
export const INVITATION_DAYS = 7;

export interface InvitationLink {
  email: string;
  name: string;
  role: Exclude<MemberRole, 'owner'>;
  business: string;
  /** Who invited them, as the email names them. */
  invitedBy: string;
  /** The single-use token of the link (the database keeps only its hash). */
  token: string;
}

/**
 * Queues the invitation email with its `/join?token=` link, in the caller's transaction: email's
 * `invitationSender`, wired in app.ts (team imports no email code). Over the address's hourly cap it writes
 * nothing and says so.
 */
export type SendInvitation = (trx: Db, link: InvitationLink) => Promise<LinkOutcome>;

/** What becomes of a leaving member's future appointments (`MemberDeparture` in site/api/types.ts). */
export interface MemberDeparture {
  future: 'reassign' | 'cancel';
  /** With 'reassign': this member takes them all; absent: each goes to a fair pick of the members free then. */
  reassignTo?: number | undefined;
}

/**
 * Moves or cancels a leaving member's future confirmed appointments, each through the normal reschedule or cancel
 * path (emails, calendar) under its own write lock; one nobody is free to take is cancelled. Bookings' code, wired
 * in app.ts (bookings imports team, not the other way round).
 */
export type DepartFutureAppointments = (member: TeamMemberRow, departure: MemberDeparture) => Promise<void>;
