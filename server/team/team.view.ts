import type { TeamMember } from '../../widget/api/types.js';
import { mediaUrl } from '../media/media.view.js';
import type { TeamInvitationRow, TeamMemberRow } from './team.table.js';

const photoUrlOf = (m: TeamMemberRow) => (m.photo_hash ? mediaUrl(m.photo_hash) : null);

/** A member as the owner and admins manage them (`AdminMember` in site/api/types.ts). */
export const adminMember = (m: TeamMemberRow, serviceIds: number[]) => ({
  id: m.id,
  slug: m.slug,
  name: m.name,
  role: m.role,
  email: m.email,
  bio: m.bio,
  photoUrl: photoUrlOf(m),
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

/** "Mia Jones" → "MJ", "mia" → "M": the first letters of the first and last words, shown without a photo. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return letters.map((w) => [...w][0]!.toLocaleUpperCase()).join('');
}

/** What anyone may see of a member (`TeamMember`): never their email or account. */
export const publicMember = (m: TeamMemberRow, serviceIds: number[]): TeamMember => ({
  slug: m.slug,
  name: m.name,
  initials: initialsOf(m.name),
  bio: m.bio,
  photoUrl: photoUrlOf(m),
  serviceIds,
});
