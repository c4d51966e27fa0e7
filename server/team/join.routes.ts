import { Hono } from 'hono';
import { z } from 'zod';
import { passwordSchema } from '../auth/auth.schemas.js';
import { hashPassword } from '../auth/passwords.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { createSession, invalidateSession } from '../auth/sessions.js';
import { hashToken } from '../auth/tokens.js';
import { findUserByEmail, insertUser } from '../auth/users.repository.js';
import { markEmailVerified } from '../auth/verification.repository.js';
import type { Db } from '../db/connect.js';
import { isUniqueViolation } from '../db/errors.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv, SessionUser } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { deleteInvitation, openInvitation } from './invitations.repository.js';
import { memberRefSchema } from './roles.js';
import { assignAllServices, businessOf, insertMember, membershipOf, nextPosition } from './team.repository.js';
import type { TeamInvitationRow } from './team.table.js';

const token = z.string().min(1).max(100);
const joinSchema = z.object({
  token,
  password: passwordSchema.optional(),
  name: textSchema(100).pipe(z.string().min(1, 'required')).optional(),
});

const linkGone = () => AppError.notFound('Invitation (the link was used, withdrawn or has expired)');

/**
 * `/api/team`: what an invitation link opens. Its token is the proof: whoever holds it may join as the invited
 * person, which is why the link is single-use, expires after a week and is kept only as a hash.
 */
export function joinRoutes(deps: { db: Db; now: () => Date; secureCookies: boolean }) {
  const { db, now } = deps;

  const invitationOf = async (db: Db, presented: string): Promise<TeamInvitationRow> => {
    const invitation = await openInvitation(db, hashToken(presented), now());
    if (!invitation) throw linkGone();
    return invitation;
  };

  /**
   * The account that joins: the signed-in one when it has the invited address, a new one (which needs a password)
   * when the address has none. An account of that address that is not signed in must sign in first: the link alone
   * does not hand over an existing account.
   */
  const accountFor = async (
    trx: Db,
    invitation: TeamInvitationRow,
    signedIn: SessionUser | null,
    fresh: { passwordHash: string | undefined; name: string },
  ): Promise<number> => {
    const existing = await findUserByEmail(trx, invitation.email);
    if (!existing) {
      if (!fresh.passwordHash)
        throw new AppError('invalid_request', 'Choose a password for your account', { password: 'required' });
      return insertUser(trx, {
        email: invitation.email,
        passwordHash: fresh.passwordHash,
        name: fresh.name,
        role: 'provider',
      });
    }
    if (signedIn?.id !== existing.id)
      throw new AppError('conflict', `An account with ${invitation.email} exists: sign in with it, then open the link`);
    if (existing.role !== 'provider')
      throw new AppError('conflict', 'This is a customer account: ask for the invitation to another address');
    return existing.id;
  };

  return new Hono<AppEnv>()
    .get(
      '/invitation',
      describe({
        summary: 'An invitation, as its invitee sees it',
        responses: {
          200: z.object({
            invitation: z.object({
              business: z.object({ name: z.string(), slug: z.string() }),
              name: z.string(),
              email: z.string(),
              role: z.enum(['admin', 'staff']),
              expiresAt: z.string(),
              hasAccount: z.boolean(),
            }),
          }),
          404: 'The link was used, withdrawn or has expired',
        },
      }),
      validate('query', z.object({ token })),
      async (c) => {
        const invitation = await invitationOf(db, c.req.valid('query').token);
        const business = await businessOf(db, invitation.provider_id);
        return c.json({
          invitation: {
            business: { name: business.name, slug: business.slug },
            name: invitation.name,
            email: invitation.email,
            role: invitation.role,
            expiresAt: invitation.expires_at,
            hasAccount: (await findUserByEmail(db, invitation.email)) !== undefined,
          },
        });
      },
    )
    .post(
      '/join',
      describe({
        summary: 'Join a team with an invitation',
        description: 'Creates the account (or uses the signed-in one, which an existing address needs) and signs in.',
        responses: {
          201: z.object({ member: memberRefSchema.omit({ photoUrl: true }) }),
          404: 'The link was used, withdrawn or has expired',
          409: 'Already in a business',
        },
      }),
      validate('json', joinSchema),
      async (c) => {
        const input = c.req.valid('json');
        const signedIn = c.get('user');
        // Hashing is slow on purpose: never inside the write lock, and only for a live link (a made-up token costs
        // one indexed read, not a hash).
        await invitationOf(db, input.token);
        const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
        const joined = await withWriteLock(db, async (trx) => {
          const invitation = await invitationOf(trx, input.token);
          const name = input.name ?? invitation.name;
          const userId = await accountFor(trx, invitation, signedIn, { passwordHash, name });
          if (await membershipOf(trx, userId)) throw new AppError('conflict', 'You are already in a business');
          // Opening the link proved the address.
          await markEmailVerified(trx, userId, now().toISOString());
          const member = await insertMember(trx, {
            provider_id: invitation.provider_id,
            user_id: userId,
            role: invitation.role,
            name,
            email: invitation.email,
            position: await nextPosition(trx, invitation.provider_id),
          });
          await assignAllServices(trx, member);
          await deleteInvitation(trx, invitation.provider_id, invitation.id);
          return { userId, member };
        }).catch((error: unknown) => {
          // Two joins racing with one account: the one-business index decides.
          if (isUniqueViolation(error)) throw new AppError('conflict', 'You are already in a business');
          throw error;
        });
        // A fresh session, as at login: one planted before cannot ride along.
        const previous = c.get('sessionId');
        if (previous) await invalidateSession(db, previous);
        const session = await createSession(db, joined.userId, now());
        setSessionCookie(c, session.token, session.expiresAt, deps.secureCookies);
        return c.json(
          { member: { memberId: joined.member.id, role: joined.member.role, name: joined.member.name } },
          201,
        );
      },
    );
}
