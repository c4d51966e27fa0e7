import { beforeEach, describe, expect, it } from 'vitest';
import { activeMemberByEmail, findMemberBySlug, performersOf } from '../../server/team/team.repository.js';
import type { TeamMemberRow } from '../../server/team/team.table.js';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { addMember, ownerOf, providerIdOf } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// The team repository's lookups share one base query per business: each must keep to the business and, where it
// says so, to members who have not left.
describe('team member lookups', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let providerId: number;
  let owner: TeamMemberRow;
  let mia: TeamMemberRow;
  let other: ProviderFixture;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
    providerId = await providerIdOf(ctx, provider);
    owner = await ownerOf(ctx, provider);
    mia = await addMember(ctx, provider, { name: 'Mia' });
    other = await createProvider(ctx);
  });

  const ownerAccountEmail = async () =>
    (await ctx.db.selectFrom('users').select('email').where('id', '=', provider.userId).executeTakeFirstOrThrow())
      .email;

  it('finds a member by the address they receive email at, or by their account’s, and not once they left', async () => {
    await ctx.db.updateTable('team_members').set({ email: 'mia@example.com' }).where('id', '=', mia.id).execute();
    await ctx.db.updateTable('team_members').set({ email: null }).where('id', '=', owner.id).execute();
    expect((await activeMemberByEmail(ctx.db, providerId, 'mia@example.com'))?.id).toBe(mia.id);
    expect((await activeMemberByEmail(ctx.db, providerId, await ownerAccountEmail()))?.id).toBe(owner.id);
    expect(await activeMemberByEmail(ctx.db, await providerIdOf(ctx, other), 'mia@example.com')).toBeUndefined();

    await ctx.db
      .updateTable('team_members')
      .set({ left_at: ctx.clock.now.toISOString() })
      .where('id', '=', mia.id)
      .execute();
    expect(await activeMemberByEmail(ctx.db, providerId, 'mia@example.com')).toBeUndefined();
    expect(await findMemberBySlug(ctx.db, providerId, mia.slug)).toBeUndefined();
  });

  it('names only the business’s own members as performers of a service', async () => {
    expect((await performersOf(ctx.db, providerId, provider.serviceId)).map((m) => m.id)).toEqual([owner.id, mia.id]);
    expect(await performersOf(ctx.db, await providerIdOf(ctx, other), provider.serviceId)).toEqual([]);
  });
});
