import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { isPostgres } from '../db/dialect.js';

/**
 * When a business's slots last changed, as a number that only grows: what tells a cached slots answer it is stale.
 * An answer records `before(slug)` ahead of its first read of the data and is stale once `changedAt` of its
 * business is above that.
 */
export interface SlotsVersions {
  /** Taken before a question's first read; the slug names the business, whose id is not known yet. */
  before(slug: string): Promise<number>;
  /** The business's last change. */
  changedAt(providerId: number): Promise<number>;
  /**
   * {@link changedAt} of many businesses at once (a directory page's). Taken before a business's data is read, its
   * value is also the version to store an answer with: any later change of that business makes it larger.
   */
  changedAtOf(providerIds: readonly number[]): Promise<Map<number, number>>;
  /** Records a change of the business's slots data: inside the change's transaction (`trx`) when there is one. */
  changed(providerId: number, trx?: Db): Promise<void>;
}

/**
 * Versions in this process's memory: one counter, and per business the value it had at the business's last change.
 * Right when one process serves the database (SQLite's deployment), and a hit costs no query.
 */
export function localSlotsVersions(): SlotsVersions {
  const changes = new Map<number, number>();
  let counter = 0;
  return {
    before: async () => counter,
    changedAt: async (providerId) => changes.get(providerId) ?? 0,
    changedAtOf: async (providerIds) => new Map(providerIds.map((id) => [id, changes.get(id) ?? 0])),
    changed: async (providerId) => {
      changes.set(providerId, ++counter);
    },
  };
}

/**
 * Versions in the database (`slots_versions`), shared by every instance on it: a change bumps its business's row
 * in the change's own transaction, so the moment a booking is acknowledged any instance's next hit sees it (one
 * primary-key read a hit). Reads and the bump are plain SQL both databases run.
 */
export function sharedSlotsVersions(db: Db): SlotsVersions {
  return {
    async before(slug) {
      // Current or former slug, as `findProviderBySlug` resolves it; no row (never changed) is version 0.
      const row = await db
        .selectFrom('slots_versions')
        .select((eb) => eb.fn.max('version').as('version'))
        .where((eb) =>
          eb.or([
            eb('provider_id', 'in', eb.selectFrom('providers').select('id').where('slug', '=', slug)),
            eb('provider_id', 'in', eb.selectFrom('provider_slugs').select('provider_id').where('slug', '=', slug)),
          ]),
        )
        .executeTakeFirst();
      return Number(row?.version ?? 0);
    },
    async changedAt(providerId) {
      const row = await db
        .selectFrom('slots_versions')
        .select('version')
        .where('provider_id', '=', providerId)
        .executeTakeFirst();
      return row?.version ?? 0;
    },
    async changedAtOf(providerIds) {
      const found = new Map<number, number>(providerIds.map((id) => [id, 0]));
      if (providerIds.length === 0) return found;
      const rows = await db
        .selectFrom('slots_versions')
        .select(['provider_id', 'version'])
        .where('provider_id', 'in', providerIds)
        .execute();
      for (const row of rows) found.set(row.provider_id, Number(row.version));
      return found;
    },
    async changed(providerId, trx) {
      await (trx ?? db)
        .insertInto('slots_versions')
        .values({ provider_id: providerId, version: 1 })
        .onConflict((oc) => oc.column('provider_id').doUpdateSet({ version: sql`slots_versions.version + 1` }))
        .execute();
    },
  };
}

/**
 * SQLite is served by one process (docs/architecture.md): memory is enough and costs nothing. PostgreSQL may have
 * any number of instances (docs/postgresql.md, "How it scales"): they share the versions through the database.
 */
export const slotsVersionsFor = (db: Db): SlotsVersions =>
  isPostgres(db) ? sharedSlotsVersions(db) : localSlotsVersions();
