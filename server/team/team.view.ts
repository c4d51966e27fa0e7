import { z } from 'zod';
import { mediaUrl } from '../media/media.view.js';
import { memberRoleSchema } from './roles.js';
import type { TeamInvitationRow, TeamMemberRow } from './team.table.js';

export const adminMemberSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  email: z.string().nullable(),
  bio: z.string(),
  photoUrl: z.string().nullable(),
  serviceIds: z.array(z.number().int()),
  /** Has signed in (accepted the invitation), or is the owner. */
  joined: z.boolean(),
  position: z.number().int(),
});

export const pendingInvitationSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'staff']),
  expiresAt: z.string(),
});

/** A member as the owner and admins manage them (`AdminMember` in site/api/types.ts). */
export const adminMember = (m: TeamMemberRow, serviceIds: number[]): z.output<typeof adminMemberSchema> => ({
  id: m.id,
  slug: m.slug,
  name: m.name,
  role: m.role,
  email: m.email,
  bio: m.bio,
  photoUrl: m.photo_hash ? mediaUrl(m.photo_hash) : null,
  serviceIds,
  joined: m.user_id !== null,
  position: m.position,
});

export const invitationView = (i: TeamInvitationRow): z.output<typeof pendingInvitationSchema> => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  expiresAt: i.expires_at,
});
