import type { ProviderFixture } from './fixtures.js';
import { bookWithMember } from './team.js';
import type { TestContext } from './test-app.js';

/** Mia, a staff member of the business (she joins through the team API's invitation). */
export const MIA_STAFF = { email: 'mia@example.com', name: 'Mia', role: 'staff' } as const;

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
 * `bookWithMember`, and for a class, the appointment then moved to the class time `at` and given its `seat` (in the
 * database: the booking path that fills seats is tested with bookings). The calendar job the booking queued reads
 * the appointment as it is when it runs. Returns its id.
 */
export async function bookFor(
  ctx: TestContext,
  provider: ProviderFixture,
  memberId: number,
  start: string,
  customer: { name: string; email: string },
  place?: { at: string; seat: number },
): Promise<number> {
  const id = await bookWithMember(ctx, provider, memberId, start, customer);
  if (!place) return id;
  const end = new Date(Date.parse(place.at) + 3_600_000).toISOString();
  await ctx.db
    .updateTable('appointments')
    .set({ start_at: place.at, end_at: end, blocked_start_at: place.at, blocked_end_at: end, seat: place.seat })
    .where('id', '=', id)
    .execute();
  return id;
}
