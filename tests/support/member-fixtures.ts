import type { ProviderFixture } from './fixtures.js';
import { ownerOf } from './team.js';
import type { TestContext } from './test-app.js';

/** Mia, a staff member of the business (she joins through the team API's invitation). */
export const MIA_STAFF = { email: 'mia@example.com', name: 'Mia', role: 'staff' } as const;

/** The business's owner member's id. */
export async function ownerIdOf(ctx: Pick<TestContext, 'db'>, provider: ProviderFixture): Promise<number> {
  return (await ownerOf(ctx, provider)).id;
}
