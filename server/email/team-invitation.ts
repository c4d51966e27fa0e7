import type { Db } from '../db/connect.js';
import { INVITATION_DAYS, type InvitationLink, type SendInvitation } from '../team/team.types.js';
import { newMessageId } from './compose.js';
import { renderEmail } from './layout.js';
import { LINK_TOKEN } from './link-token.js';
import { queueProofEmail } from './proof-emails.js';
import { recipientAllowance } from './recipient-cap.js';

const roleWords = { admin: 'an admin', staff: 'a team member' } as const;

/** The invitation as an outbox row; its link carries `LINK_TOKEN` until it is sent, like an account link. */
function invitationEmail(link: InvitationLink, appUrl: string, now: Date) {
  const content = renderEmail({
    subject: `${link.invitedBy} invites you to join ${link.business}`,
    heading: `Join ${link.business}`,
    paragraphs: [
      `Hi ${link.name}, ${link.invitedBy} invites you to join ${link.business} on Book your services as ${roleWords[link.role]}.`,
      'Open the link to accept: you choose a password (or use your account if you have one with this address), and customers can then book you.',
      `The link works once, for ${INVITATION_DAYS} days. If you do not expect this, ignore this email.`,
    ],
    details: [],
    actions: [{ label: 'Accept the invitation', url: `${appUrl}/join?token=${LINK_TOKEN}` }],
    footer: 'Book your services',
  });
  return {
    appointment_id: null,
    to_user_id: null,
    to_address: link.email,
    to_role: 'provider' as const,
    kind: 'team_invitation' as const,
    ...content,
    ics: null,
    message_id: newMessageId(appUrl),
    status: 'pending' as const,
    next_attempt_at: now.toISOString(),
    dedupe_key: null,
  };
}

/**
 * Emails a team invitation, unless its address had its hourly share of emails from people who have not proven they
 * own it (an invitation is one: the business typed the address): then nothing is written.
 */
export const invitationSender =
  (deps: { now: () => Date; appUrl: string; secretKey: string }): SendInvitation =>
  async (trx: Db, link) => {
    const now = deps.now();
    const allowance = await recipientAllowance(trx, link.email, now);
    if (!allowance.allowed) return allowance;
    await queueProofEmail(trx, invitationEmail(link, deps.appUrl, now), link.token, deps.secretKey, now);
    return allowance;
  };
