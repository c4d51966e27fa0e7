import { insertMember } from '../../server/team/team.repository.js';
import { book, type ProviderFixture } from './fixtures.js';
import { type Session, signUp } from './http.js';
import type { TestContext } from './test-app.js';

export interface StaffFixture {
  session: Session;
  memberId: number;
  email: string;
}

/**
 * A staff member of `provider` who signs in with their own account and performs its service, made in the database
 * (joining through an invitation is tested with the team API): what calendar and email tests need of a team.
 */
export async function addStaff(
  ctx: Pick<TestContext, 'app' | 'db'>,
  provider: ProviderFixture,
  name: string,
): Promise<StaffFixture> {
  const user = await signUp(ctx, 'provider', { name });
  const business = await ctx.db
    .selectFrom('providers')
    .select('id')
    .where('slug', '=', provider.slug)
    .executeTakeFirstOrThrow();
  const member = await insertMember(ctx.db, {
    provider_id: business.id,
    user_id: user.userId,
    role: 'staff',
    name,
    email: user.email,
    position: 1,
  });
  await ctx.db.insertInto('member_services').values({ member_id: member.id, service_id: provider.serviceId }).execute();
  return { session: user, memberId: member.id, email: user.email };
}

/** The business's owner member's id. */
export async function ownerIdOf(ctx: Pick<TestContext, 'db'>, provider: ProviderFixture): Promise<number> {
  const row = await ctx.db
    .selectFrom('team_members')
    .select('id')
    .where('user_id', '=', provider.userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Books `start` and gives the appointment to `memberId` and, for a class, a place of it: in the database, as the
 * booking path that picks members and seats is tested with bookings. The calendar job the booking queued reads the
 * appointment as it is when it runs. Returns its id.
 */
export async function bookFor(
  ctx: TestContext,
  provider: ProviderFixture,
  memberId: number,
  start: string,
  customer: { name: string; email: string },
  place: { at?: string; seat?: number } = {},
): Promise<number> {
  const res = await book(ctx, provider, start, { customer });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  const id: number = res.body.booking.id;
  const moved = place.at && {
    start_at: place.at,
    end_at: new Date(Date.parse(place.at) + 3_600_000).toISOString(),
    blocked_start_at: place.at,
    blocked_end_at: new Date(Date.parse(place.at) + 3_600_000).toISOString(),
  };
  await ctx.db
    .updateTable('appointments')
    .set({ member_id: memberId, ...moved, ...(place.seat !== undefined && { seat: place.seat }) })
    .where('id', '=', id)
    .execute();
  return id;
}
