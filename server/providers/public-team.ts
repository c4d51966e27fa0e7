import { z } from 'zod';
import type { TeamMember } from '../../widget/api/types.js';
import { mediaUrl } from '../media/media.view.js';
import type { TeamMemberRow } from '../team/team.table.js';

/** "Mia Jones" → "MJ", "mia" → "M": the first letters of the first and last words, shown without a photo. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return letters.map((w) => [...w][0]!.toLocaleUpperCase()).join('');
}

export const publicMemberSchema = z.object({
  /** Names the member in `staff` (booking, widget attribute, links). */
  slug: z.string(),
  name: z.string(),
  initials: z.string(),
  bio: z.string(),
  photoUrl: z.string().nullable(),
  /** The active services this member performs. */
  serviceIds: z.array(z.number().int()),
});

/** What anyone may see of a member: never their email or account. */
export function publicMember(
  member: TeamMemberRow,
  serviceIds: number[],
): TeamMember & z.output<typeof publicMemberSchema> {
  return {
    slug: member.slug,
    name: member.name,
    initials: initialsOf(member.name),
    bio: member.bio,
    photoUrl: member.photo_hash ? mediaUrl(member.photo_hash) : null,
    serviceIds,
  };
}
