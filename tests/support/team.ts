import { replaceWeeklyHours } from '../../server/schedule/schedule.repository.js';
import { insertMember, ownerMemberOf, setMemberServices } from '../../server/team/team.repository.js';
import type { TeamMemberRow } from '../../server/team/team.table.js';
import type { ProviderFixture } from './fixtures.js';
import type { TestContext } from './test-app.js';

export async function providerIdOf(ctx: TestContext, provider: ProviderFixture): Promise<number> {
  const row = await ctx.db
    .selectFrom('providers')
    .select('id')
    .where('slug', '=', provider.slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function ownerOf(ctx: TestContext, provider: ProviderFixture): Promise<TeamMemberRow> {
  return ownerMemberOf(ctx.db, await providerIdOf(ctx, provider));
}

/**
 * A team member added straight to the database (inviting and joining are the team API's own tests): their weekly
 * hours (Monday to Friday 09:00–17:00 unless told) and the services they perform (the fixture's one unless told).
 */
export async function addMember(
  ctx: TestContext,
  provider: ProviderFixture,
  options: { name: string; weekly?: { weekday: number; start: string; end: string }[]; serviceIds?: number[] },
): Promise<TeamMemberRow> {
  const providerId = await providerIdOf(ctx, provider);
  const count = await ctx.db
    .selectFrom('team_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('provider_id', '=', providerId)
    .executeTakeFirstOrThrow();
  const member = await insertMember(ctx.db, {
    provider_id: providerId,
    user_id: null,
    role: 'staff',
    name: options.name,
    email: null,
    position: Number(count.n),
  });
  const weekly = options.weekly ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  await replaceWeeklyHours(ctx.db, member, weekly);
  await setMemberServices(ctx.db, member.id, options.serviceIds ?? [provider.serviceId]);
  return member;
}
