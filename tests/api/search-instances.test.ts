import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchProviders } from '../../server/providers/providers.repository.js';
import { createProvider } from '../support/fixtures.js';
import { createTestContext } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';

/** Two instances on one database: each keeps the search vocabulary in memory, and neither may go stale. */
describe('directory search across instances', () => {
  it('corrects a typo towards a word that another instance indexed', async () => {
    // One file opened twice (on PostgreSQL: one database, two pools), as two server processes would.
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'search-')), 'app.db')}`;
    const ctx = await createTestContext({ config: { databaseUrl: url } });
    const other = openTestDatabase(url);
    const names = async (db: typeof other, q: string) =>
      (await searchProviders(db, { q, limit: 10, offset: 0 })).map((p) => p.name);

    await createProvider(ctx, { slug: 'first', profile: { name: 'Harbour Physio', category: 'Physiotherapy' } });
    expect(await names(ctx.db, 'harbour')).toEqual(['Harbour Physio']); // this instance reads its vocabulary
    await createProvider(ctx, { slug: 'second', profile: { name: 'Quillmaker Tailors', category: 'Tailor' } });
    expect(await names(other, 'quillmaker')).toEqual(['Quillmaker Tailors']); // the other one indexes it
    // "quilmaker": one letter off, corrected only by a vocabulary that has "quillmaker".
    expect(await names(ctx.db, 'quilmaker')).toEqual(['Quillmaker Tailors']);
    expect(await names(other, 'quilmaker')).toEqual(['Quillmaker Tailors']);
  });

  it('indexes a whole directory marked stale at once, in batches', async () => {
    const ctx = await createTestContext();
    await createProvider(ctx, { slug: 'seed', profile: { name: 'Seed Studio', category: 'Yoga' } });
    const { id: _, ...provider } = await ctx.db.selectFrom('providers').selectAll().executeTakeFirstOrThrow();
    const { id: __, ...user } = await ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    // Written directly, as a seed or an import would: only the triggers know they need indexing.
    for (let batch = 0; batch < 6; batch++) {
      const numbers = Array.from({ length: 200 }, (_, i) => batch * 200 + i);
      const users = await ctx.db
        .insertInto('users')
        .values(numbers.map((n) => ({ ...user, email: `yoga-${n}@example.com` })))
        .returning('id')
        .execute();
      await ctx.db
        .insertInto('providers')
        .values(numbers.map((n, i) => ({ ...provider, user_id: users[i]!.id, slug: `yoga-${n}`, name: `Yoga ${n}` })))
        .execute();
    }
    const found = await searchProviders(ctx.db, { q: 'yoga', limit: 100, offset: 1_150 });
    expect(found.map((p) => p.name)).toHaveLength(51); // 1,201 yoga businesses in all
    expect(await ctx.db.selectFrom('search_stale').select('provider_id').execute()).toEqual([]);
  });
});
