import { mediaUrl } from '../media/media.view.js';
import type { TeamInvitationRow, TeamMemberRow } from './team.table.js';

/** A member as the owner and admins manage them (`AdminMember` in site/api/types.ts). */
export const adminMember = (m: TeamMemberRow, serviceIds: number[]) => ({
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

export const invitationView = (i: TeamInvitationRow) => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  expiresAt: i.expires_at,
});
