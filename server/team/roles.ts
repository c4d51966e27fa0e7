import type { MemberRole, TeamMemberRow } from './team.table.js';

/** Services, rules, team, business settings: the owner's and admins' to change, never staff's. */
export const mayManageBusiness = (role: MemberRole) => role === 'owner' || role === 'admin';

/** The signed-in member as the site sees them (`Profile.me`). */
export const memberRef = (m: TeamMemberRow) => ({ memberId: m.id, role: m.role, name: m.name });
