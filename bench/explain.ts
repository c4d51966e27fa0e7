import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, type LogEvent, SqliteDialect } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '../server/db/connect.js';
import type { Database } from '../server/db/database.js';
import { findProviderBySlug, searchProviders } from '../server/providers/providers.repository.js';
import { findService } from '../server/services/services.repository.js';
import { loadTeamAvailability, noBusyTimes } from '../server/slots/availability.loader.js';
import { nextAvailableTimes } from '../server/slots/next-available.js';
import type { Dataset } from './lib/datasets.js';

export interface QueryPlan {
  purpose: string;
  sql: string;
  plan: string[];
}

/**
 * The hot queries exactly as the app builds them (captured from the real repository code through Kysely's log),
 * with SQLite's EXPLAIN QUERY PLAN for each, on a benchmark database.
 */
export async function explainHotQueries(data: Dataset): Promise<QueryPlan[]> {
  // Writable: a directory search first brings the search index up to date (search_stale), as in the app.
  const sqlite = new SQLite(data.file);
  let captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event: LogEvent) => {
      if (event.level === 'query') captured.push(event.query);
    },
  }) as Db;
  const plans: QueryPlan[] = [];
  const record = async (purpose: string, run: () => Promise<unknown>) => {
    captured = [];
    await run();
    for (const query of captured) {
      const rows = sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as {
        detail: string;
      }[];
      plans.push({ purpose, sql: query.sql, plan: rows.map((r) => r.detail) });
    }
  };

  const probe = data.providers[0]!;
  const provider = (await findProviderBySlug(db, probe.slug))!;
  const service = (await findService(db, provider.id, probe.serviceId))!;
  const members = [{ id: probe.memberId, provider_id: provider.id }];
  const month = {
    start: DateTime.fromISO(data.firstDate, { zone: provider.time_zone }).toMillis(),
    end: DateTime.fromISO(data.firstDate, { zone: provider.time_zone }).plus({ days: 31 }).toMillis(),
  };
  await record('slots: a month for one provider', async () => {
    await findProviderBySlug(db, probe.slug);
    await findService(db, provider.id, probe.serviceId);
    await loadTeamAvailability(db, {
      provider,
      service,
      members,
      range: month,
      now: Date.now(),
      busyTimes: noBusyTimes,
    });
  });
  await record('booking: the conflict check for one start', () =>
    loadTeamAvailability(db, {
      provider,
      service,
      members,
      range: { start: month.start + 36e5, end: month.start + 36e5 + 1 },
      now: Date.now(),
      busyTimes: noBusyTimes,
    }),
  );
  await record('directory search (q=hair), with next available times', async () => {
    const rows = await searchProviders(db, { q: 'hair', limit: 20, offset: 0 });
    await nextAvailableTimes(db, rows, { now: Date.now(), busyTimes: noBusyTimes });
  });
  await record('directory, category and city filter', () =>
    searchProviders(db, { category: 'Yoga', city: 'Lisbon', limit: 20, offset: 0 }),
  );
  await db.destroy();
  return plans;
}
