import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrateToLatest } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { type ProviderSearch, searchProviders } from './providers.repository.js';

const OPEN = {
  time_zone: 'UTC',
  address: '',
  phone: '',
  min_notice_minutes: 0,
  max_days_ahead: 60,
  slot_step_minutes: 15,
};

/** 130 hair salons (a broad match) and 3 yoga studios (a narrow one), inserted in no particular name order. */
async function seed(db: Db) {
  const kinds = [
    ...Array.from({ length: 130 }, (_, n) => ({ category: 'Hair salon', name: `Salon ${(n * 37) % 130}` })),
    ...Array.from({ length: 3 }, (_, n) => ({ category: 'Yoga', name: `Studio ${3 - n}` })),
  ];
  for (const [n, kind] of kinds.entries()) {
    const user = await db
      .insertInto('users')
      .values({
        email: `owner${n}@example.com`,
        password_hash: 'not-a-hash',
        name: `Owner ${n}`,
        role: 'provider',
        email_verified_at: '2026-01-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('providers')
      .values({
        ...kind,
        user_id: user.id,
        slug: `p-${n}`,
        description: '',
        city: n % 2 ? 'Berlin' : 'Lisbon',
        ...OPEN,
      })
      .execute();
  }
}

describe('searchProviders on a directory of 133 businesses', () => {
  const sqlite = new SQLite(':memory:');
  let captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  }) as Db;
  /** The page's names, and SQLite's plan of the query that listed them. */
  const search = async (query: Omit<ProviderSearch, 'limit'>) => {
    captured = [];
    const rows = await searchProviders(db, { limit: 20, ...query });
    const listing = captured.find((q) => q.sql.includes('order by "providers"."name"'))!;
    const plan = sqlite
      .prepare(`explain query plan ${listing.sql}`)
      .all(...(listing.parameters as unknown[]))
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    return { names: rows.map((r) => r.name), plan };
  };
  const sortedNames = async (category: string) =>
    (await db.selectFrom('providers').select('name').where('category', '=', category).orderBy('name').execute()).map(
      (r) => r.name,
    );

  beforeAll(async () => {
    await migrateToLatest(db);
    await seed(db);
  });

  it("pages a broad match in name order by walking the open businesses' name index, sorting nothing", async () => {
    const all = await sortedNames('Hair salon');
    const first = await search({ q: 'hair', offset: 0 });
    expect(first.names).toEqual(all.slice(0, 20));
    expect((await search({ q: 'salon', offset: 120 })).names).toEqual(all.slice(120, 140));
    expect(first.plan).toMatch(/USING (COVERING )?INDEX providers_listed_name/);
    expect(first.plan).not.toMatch(/TEMP B-TREE/);
  });

  it('starts a narrow match from its few matches', async () => {
    const yoga = await search({ q: 'yoga', offset: 0 });
    expect(yoga.names).toEqual(await sortedNames('Yoga'));
    expect(yoga.plan).toMatch(/USING INTEGER PRIMARY KEY/);
  });

  it('filters category and city through their lower() indexes, in name order', async () => {
    const byCategory = await search({ category: 'yoga', offset: 0 });
    expect(byCategory.names).toEqual(await sortedNames('Yoga'));
    expect(byCategory.plan).toMatch(/INDEX providers_category_name/);
    const byCity = await search({ city: 'BERLIN', offset: 0 });
    expect(byCity.names).toHaveLength(20);
    expect(byCity.plan).toMatch(/INDEX providers_(city|category|listed)_name/);
    expect(byCity.plan).not.toMatch(/TEMP B-TREE/);
    const everyone = await search({ offset: 0 });
    expect(everyone.plan).toMatch(/INDEX providers_listed_name/);
    expect(everyone.plan).not.toMatch(/TEMP B-TREE/);
  });
});
