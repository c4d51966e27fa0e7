import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { linkRefused } from '../auth/account-links.js';
import { emailSchema } from '../auth/auth.schemas.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { SlotsChanged } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam, idSchema, textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { deleteInvitation, listInvitations, replaceInvitation } from './invitations.repository.js';
import { refuseApiKeys, requireManager } from './roles.js';
import {
  activeMemberByEmail,
  findMember,
  foreignServiceIds,
  listMembers,
  servicesOfMembers,
  setMemberServices,
  updateMember,
} from './team.repository.js';
import type { TeamMemberRow } from './team.table.js';
import {
  type DepartFutureAppointments,
  INVITATION_DAYS,
  type MemberDeparture,
  type SendInvitation,
} from './team.types.js';
import { adminMember, adminMemberSchema, invitationView, pendingInvitationSchema } from './team.view.js';

const DAY_MS = 86_400_000;

const name = textSchema(100).pipe(z.string().min(1, 'required'));
const grantable = z.enum(['admin', 'staff']);
const invitationSchema = z.object({ email: emailSchema, name, role: grantable });
const patchSchema = z
  .object({
    name,
    bio: textSchema(1000),
    role: grantable,
    serviceIds: z.array(idSchema).max(500),
    position: z.number().int().min(0).max(10_000),
  })
  .partial();
export const departureSchema = z
  .object({ future: z.enum(['reassign', 'cancel']), reassignTo: idSchema.optional() })
  .refine((d) => d.future === 'reassign' || d.reassignTo === undefined, {
    message: 'only with future "reassign"',
    path: ['reassignTo'],
  });

export interface TeamDeps {
  db: Db;
  now: () => Date;
  sendInvitation: SendInvitation;
  departFutureAppointments: DepartFutureAppointments;
  slotsChanged: SlotsChanged;
}

/**
 * `/api/admin/team` (mounted behind `requireProvider`): the owner and admins invite, edit and remove members; any
 * member but the owner may leave. The owner stays with the business (closing it is how they go).
 */
export function teamRoutes(deps: TeamDeps) {
  const { db, now } = deps;

  /** An active member of the signed-in member's business, or 404. */
  const activeMember = async (c: Context<AppEnv>, id: number) => {
    const member = await findMember(db, c.get('provider').id, id);
    if (!member || member.left_at !== null) throw AppError.notFound('Member');
    return member;
  };

  /**
   * Marks them gone first (so no new booking goes to them), then moves or cancels their future appointments; if that
   * fails (the chosen member is busy then), they stay as they were.
   */
  const depart = async (c: Context<AppEnv>, member: TeamMemberRow, departure: MemberDeparture) => {
    if (member.role === 'owner')
      throw new AppError('conflict', 'The owner stays with the business: close the business instead');
    if (departure.reassignTo !== undefined) {
      const to = await findMember(db, member.provider_id, departure.reassignTo);
      if (!to || to.left_at !== null || to.id === member.id)
        throw new AppError('unprocessable', 'Choose an active member of the team to take the appointments', {
          reassignTo: 'not an active member of the team',
        });
    }
    await withWriteLock(db, (trx) => updateMember(trx, member.id, { left_at: now().toISOString() }));
    try {
      await deps.departFutureAppointments(member, departure);
    } catch (error) {
      await withWriteLock(db, (trx) => updateMember(trx, member.id, { left_at: null }));
      throw error;
    }
    await deps.slotsChanged(member.provider_id);
    return c.body(null, 204);
  };

  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: 'Members and pending invitations',
        responses: {
          200: z.object({ members: z.array(adminMemberSchema), invitations: z.array(pendingInvitationSchema) }),
          403: 'Staff',
        },
      }),
      requireManager,
      async (c) => {
        const providerId = c.get('provider').id;
        const [members, invitations] = await Promise.all([
          listMembers(db, providerId),
          listInvitations(db, providerId, now()),
        ]);
        const services = await servicesOfMembers(
          db,
          members.map((m) => m.id),
        );
        return c.json({
          members: members.map((m) => adminMember(m, services.get(m.id) ?? [])),
          invitations: invitations.map(invitationView),
        });
      },
    )
    .post(
      '/invitations',
      describe({
        summary: 'Invite a member',
        description: 'Emails a single-use link that works for 7 days; replaces an earlier invitation to the address.',
        responses: {
          201: z.object({ invitation: pendingInvitationSchema }),
          403: 'Staff',
          409: 'Already in the team',
          429: 'The address had its hourly share of emails',
        },
      }),
      requireManager,
      validate('json', invitationSchema),
      async (c) => {
        const input = c.req.valid('json');
        const provider = c.get('provider');
        const me = c.get('member');
        const token = generateToken();
        const invitation = await withWriteLock(db, async (trx) => {
          if (await activeMemberByEmail(trx, provider.id, input.email))
            throw new AppError('conflict', 'Someone with this address is already in the team');
          const row = await replaceInvitation(trx, {
            provider_id: provider.id,
            token_hash: hashToken(token),
            email: input.email,
            name: input.name,
            role: input.role,
            invited_by: me.id,
            expires_at: new Date(now().getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
          });
          const outcome = await deps.sendInvitation(trx, {
            ...input,
            business: provider.name,
            invitedBy: me.name,
            token,
          });
          if (!outcome.allowed) throw linkRefused(outcome);
          return row;
        });
        return c.json({ invitation: invitationView(invitation) }, 201);
      },
    )
    .delete(
      '/invitations/:id',
      describe({ summary: 'Withdraw an invitation', responses: { 204: 'Withdrawn: the link is dead', 403: 'Staff' } }),
      requireManager,
      validate('param', idParam),
      async (c) => {
        const providerId = c.get('provider').id;
        const deleted = await withWriteLock(db, (trx) => deleteInvitation(trx, providerId, c.req.valid('param').id));
        if (!deleted) throw AppError.notFound('Invitation');
        return c.body(null, 204);
      },
    )
    .post(
      '/leave',
      describe({
        summary: 'Leave the team',
        description: "The signed-in member's future appointments are reassigned or cancelled.",
        responses: {
          204: 'Left',
          403: 'An API key (leaving is a person’s)',
          409: 'The owner cannot leave',
          422: '`reassignTo` is not an active member',
        },
        auth: 'session',
      }),
      refuseApiKeys,
      validate('json', departureSchema),
      async (c) => depart(c, c.get('member'), c.req.valid('json')),
    )
    .patch(
      '/:id',
      describe({
        summary: 'Change a member',
        responses: {
          200: z.object({ member: adminMemberSchema }),
          403: 'Staff',
          409: "The owner's role does not change",
          422: 'A service of another business',
        },
      }),
      requireManager,
      validate('param', idParam),
      validate('json', patchSchema),
      async (c) => {
        const input = c.req.valid('json');
        const member = await activeMember(c, c.req.valid('param').id);
        if (input.role && member.role === 'owner')
          throw new AppError('conflict', "The owner's role does not change", { role: 'the owner stays the owner' });
        const providerId = c.get('provider').id;
        const saved = await withWriteLock(db, async (trx) => {
          if (input.serviceIds) {
            const foreign = await foreignServiceIds(trx, providerId, input.serviceIds);
            if (foreign.length)
              throw new AppError('unprocessable', 'Not services of this business', {
                serviceIds: `unknown: ${foreign.join(', ')}`,
              });
            await setMemberServices(trx, member.id, [...new Set(input.serviceIds)]);
          }
          const { serviceIds: _, ...fields } = input;
          return Object.keys(fields).length ? updateMember(trx, member.id, fields) : member;
        });
        // Services and names show in slots and on the profile.
        await deps.slotsChanged(providerId);
        const services = await servicesOfMembers(db, [saved.id]);
        return c.json({ member: adminMember(saved, services.get(saved.id) ?? []) });
      },
    )
    .delete(
      '/:id',
      describe({
        summary: 'Remove a member',
        description: 'Their future appointments are reassigned or cancelled.',
        responses: {
          204: 'Removed',
          403: 'Staff',
          409: 'The owner cannot be removed',
          422: '`reassignTo` is not an active member',
        },
      }),
      requireManager,
      validate('param', idParam),
      validate('json', departureSchema),
      async (c) => depart(c, await activeMember(c, c.req.valid('param').id), c.req.valid('json')),
    );
}
