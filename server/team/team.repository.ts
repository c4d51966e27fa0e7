import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { memberSlug, uniqueSlug } from './member-slug.js';
import type { NewTeamMember, TeamMemberRow } from './team.table.js';

/** The members of one business, whoever they are: every lookup by business starts here, so none reaches another's. */
const membersOf = (db: Db, providerId: number) =>
  db.selectFrom('team_members').selectAll().where('provider_id', '=', providerId);

/** Those of them who have not left. */
const activeMembersOf = (db: Db, providerId: number) => membersOf(db, providerId).where('left_at', 'is', null);

/** Active members of a business (not those who left), in the order the business shows them. */
export async function listMembers(db: Db, providerId: number): Promise<TeamMemberRow[]> {
  return activeMembersOf(db, providerId).orderBy('position').orderBy('id').execute();
}

/** A member of this business, active or not; undefined for another business's, so ids never leak across. */
export async function findMember(db: Db, providerId: number, memberId: number): Promise<TeamMemberRow | undefined> {
  return membersOf(db, providerId).where('id', '=', memberId).executeTakeFirst();
}

export async function findMemberBySlug(db: Db, providerId: number, slug: string): Promise<TeamMemberRow | undefined> {
  return activeMembersOf(db, providerId).where('slug', '=', slug).executeTakeFirst();
}

export async function ownerMemberOf(db: Db, providerId: number): Promise<TeamMemberRow> {
  return membersOf(db, providerId).where('role', '=', 'owner').executeTakeFirstOrThrow();
}

/** The signed-in user's business and their place in it, if they belong to one. */
export async function membershipOf(
  db: Db,
  userId: number,
): Promise<{ member: TeamMemberRow; provider: ProviderRow } | undefined> {
  const member = await db
    .selectFrom('team_members')
    .selectAll()
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  if (!member) return undefined;
  const provider = await db.selectFrom('providers').selectAll().where('id', '=', member.provider_id).executeTakeFirst();
  return provider && { member, provider };
}

/** The name and address of a business, as an invitation shows them. */
export async function businessOf(db: Db, providerId: number): Promise<{ name: string; slug: string }> {
  return db.selectFrom('providers').select(['name', 'slug']).where('id', '=', providerId).executeTakeFirstOrThrow();
}

/** Adds a member under a slug of their name that is free in the business. */
export async function insertMember(
  db: Db,
  values: Omit<NewTeamMember, 'slug'> & { slug?: string },
): Promise<TeamMemberRow> {
  const taken = await db
    .selectFrom('team_members')
    .select('slug')
    .where('provider_id', '=', values.provider_id)
    .execute();
  const slug = uniqueSlug(values.slug ?? memberSlug(values.name), new Set(taken.map((t) => t.slug)));
  return db
    .insertInto('team_members')
    .values({ ...values, slug })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Service ids each member performs, by member id. */
export async function servicesOfMembers(db: Db, memberIds: number[]): Promise<Map<number, number[]>> {
  const byMember = new Map<number, number[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return byMember;
  const rows = await db
    .selectFrom('member_services')
    .select(['member_id', 'service_id'])
    .where('member_id', 'in', memberIds)
    .orderBy('service_id')
    .execute();
  for (const r of rows) byMember.get(r.member_id)?.push(r.service_id);
  return byMember;
}

/** Active members who perform a service, in the business's order. */
export async function performersOf(db: Db, providerId: number, serviceId: number): Promise<TeamMemberRow[]> {
  const performers = (await performersOfServices(db, [serviceId])).get(serviceId) ?? [];
  // The service id may come from a request: another business's service finds none of this business's members.
  return performers.filter((m) => m.provider_id === providerId);
}

/** A new service is performed by every active member until the owner says otherwise. */
export async function assignToAllMembers(db: Db, providerId: number, serviceId: number): Promise<void> {
  const members = await listMembers(db, providerId);
  if (members.length === 0) return;
  await db
    .insertInto('member_services')
    .values(members.map((m) => ({ member_id: m.id, service_id: serviceId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Replaces the services a member performs (ids must already be checked to belong to the business). */
export async function setMemberServices(db: Db, memberId: number, serviceIds: number[]): Promise<void> {
  await db.deleteFrom('member_services').where('member_id', '=', memberId).execute();
  if (serviceIds.length === 0) return;
  await db
    .insertInto('member_services')
    .values(serviceIds.map((service_id) => ({ member_id: memberId, service_id })))
    .execute();
}

/** Where a new member goes: after everyone the business already shows. */
export async function nextPosition(db: Db, providerId: number): Promise<number> {
  const row = await db
    .selectFrom('team_members')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

/** A new member performs everything the business offers, like the owner after the migration, until changed. */
export async function assignAllServices(db: Db, member: { id: number; provider_id: number }): Promise<void> {
  await db
    .insertInto('member_services')
    .columns(['member_id', 'service_id'])
    .expression((eb) =>
      eb
        .selectFrom('services')
        .select([eb.val(member.id).as('member_id'), 'id'])
        .where('provider_id', '=', member.provider_id),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** An active member of the business who receives email at `email`, or who signs in with it. */
export async function activeMemberByEmail(
  db: Db,
  providerId: number,
  email: string,
): Promise<TeamMemberRow | undefined> {
  const account = db.selectFrom('users').select('users.id').where('users.email', '=', email);
  return activeMembersOf(db, providerId)
    .where((eb) => eb.or([eb('email', '=', email), eb('user_id', 'in', account)]))
    .executeTakeFirst();
}

export async function updateMember(
  db: Db,
  memberId: number,
  values: { [K in 'name' | 'bio' | 'role' | 'position' | 'left_at' | 'photo_hash']?: TeamMemberRow[K] | undefined },
): Promise<TeamMemberRow> {
  return db.updateTable('team_members').set(values).where('id', '=', memberId).returningAll().executeTakeFirstOrThrow();
}

/** Which of `serviceIds` are not the business's (so a member cannot be given another business's service). */
export async function foreignServiceIds(db: Db, providerId: number, serviceIds: number[]): Promise<number[]> {
  if (serviceIds.length === 0) return [];
  const own = await db
    .selectFrom('services')
    .select('id')
    .where('provider_id', '=', providerId)
    .where('id', 'in', serviceIds)
    .execute();
  const ownIds = new Set(own.map((s) => s.id));
  return serviceIds.filter((id) => !ownIds.has(id));
}

/** Active members who perform each of these services, by service id, in the business's order. */
// On every booking and slots request (for one service): built once (server/db/prepared.ts).
const performersIn = preparedQuery((db: Db, p: { serviceIds: number[] }) =>
  db
    .selectFrom('team_members')
    .innerJoin('member_services', 'member_services.member_id', 'team_members.id')
    .selectAll('team_members')
    .select('member_services.service_id')
    .where('member_services.service_id', 'in', p.serviceIds)
    .where('team_members.left_at', 'is', null)
    .orderBy('team_members.position')
    .orderBy('team_members.id'),
);

export async function performersOfServices(db: Db, serviceIds: number[]): Promise<Map<number, TeamMemberRow[]>> {
  const byService = new Map<number, TeamMemberRow[]>(serviceIds.map((id) => [id, []]));
  if (serviceIds.length === 0) return byService;
  const rows = await performersIn.execute(db, { serviceIds });
  for (const { service_id, ...member } of rows) byService.get(service_id)?.push(member);
  return byService;
}

/** Replaces the members who perform a service (ids must already be checked to belong to the business). */
export async function setServiceMembers(db: Db, serviceId: number, memberIds: number[]): Promise<void> {
  await db.deleteFrom('member_services').where('service_id', '=', serviceId).execute();
  if (memberIds.length === 0) return;
  await db
    .insertInto('member_services')
    .values([...new Set(memberIds)].map((member_id) => ({ member_id, service_id: serviceId })))
    .execute();
}
