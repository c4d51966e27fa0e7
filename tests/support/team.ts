import { openLinkToken } from '../../server/email/link-token.js';
import { replaceWeeklyHours } from '../../server/schedule/schedule.repository.js';
import { insertMember, ownerMemberOf, setMemberServices } from '../../server/team/team.repository.js';
import type { TeamMemberRow } from '../../server/team/team.table.js';
import { book, type ProviderFixture } from './fixtures.js';
import { call, type Session, sessionFrom } from './http.js';
import type { TestContext } from './test-app.js';

export const MEMBER_PASSWORD = 'correct horse battery';

export interface MemberFixture {
  session: Session;
  memberId: number;
  email: string;
  slug: string;
}

/** The link token of the newest invitation to `email`, from the outbox row not yet sent. */
export async function tokenOfInvitation(ctx: Pick<TestContext, 'db' | 'config'>, email: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('email_outbox')
    .select('link_token_sealed')
    .where('kind', '=', 'team_invitation')
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return openLinkToken(ctx.config.secretKey, row.link_token_sealed!)!;
}

/**
 * A member who joined through the real API: invited by `by` (the owner or an admin), then joined with the token the
 * outbox holds for the email (sealed as the worker finds it; tests/api/team.test.ts follows the link over SMTP).
 */
export async function inviteAndJoin(
  ctx: Pick<TestContext, 'app' | 'db' | 'config'>,
  by: Pick<ProviderFixture, 'session'>,
  invitee: { email: string; name: string; role: 'admin' | 'staff' },
): Promise<MemberFixture> {
  const invited = await call(ctx, 'POST', '/api/admin/team/invitations', { session: by.session, body: invitee });
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const token = await tokenOfInvitation(ctx, invitee.email);
  const joined = await call(ctx, 'POST', '/api/team/join', { body: { token, password: MEMBER_PASSWORD } });
  if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  const session = sessionFrom(joined.headers);
  const team = await call(ctx, 'GET', '/api/admin/team', { session: by.session });
  const member = (team.body.members as { id: number; slug: string }[]).find(
    (m) => m.id === joined.body.member.memberId,
  )!;
  return { session, memberId: member.id, email: invitee.email, slug: member.slug };
}

/**
 * Books `start` with the business and gives the appointment to `memberId` in the database, whatever the member's
 * hours (which member a booking goes to is the team booking tests' subject). Returns its id.
 */
export async function bookWithMember(
  ctx: TestContext,
  provider: ProviderFixture,
  memberId: number,
  start: string,
  customer: { name: string; email: string },
): Promise<number> {
  const res = await book(ctx, provider, start, { customer });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  await ctx.db.updateTable('appointments').set({ member_id: memberId }).where('id', '=', res.body.booking.id).execute();
  return res.body.booking.id;
}

export async function providerIdOf(ctx: Pick<TestContext, 'db'>, provider: ProviderFixture): Promise<number> {
  const row = await ctx.db
    .selectFrom('providers')
    .select('id')
    .where('slug', '=', provider.slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function ownerOf(ctx: Pick<TestContext, 'db'>, provider: ProviderFixture): Promise<TeamMemberRow> {
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
