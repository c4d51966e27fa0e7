import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase, type Db, migrateToLatest } from '../db/connect.js';
import { searchProviders } from '../providers/providers.repository.js';
import { seedDemoData } from './seed-demo.js';

const MINUTE = 60_000;

describe('seedDemoData', () => {
  let db: Db;
  beforeEach(async () => {
    db = connectDatabase('sqlite::memory:');
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('keeps each booking busy for its time widened by both of its service’s buffers, as a real booking does', async () => {
    expect(await seedDemoData(db, new Date('2026-12-01T08:00:00.000Z'))).toBe(true);
    const rows = await db
      .selectFrom('appointments')
      .innerJoin('services', 'services.id', 'appointments.service_id')
      .select([
        'start_at',
        'end_at',
        'blocked_start_at',
        'blocked_end_at',
        'buffer_before_minutes',
        'buffer_after_minutes',
      ])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    // Both buffers are exercised, so a seed that drops either one fails here.
    expect(rows.some((row) => row.buffer_before_minutes > 0)).toBe(true);
    expect(rows.some((row) => row.buffer_after_minutes > 0)).toBe(true);
    for (const row of rows) {
      expect(Date.parse(row.start_at) - Date.parse(row.blocked_start_at)).toBe(row.buffer_before_minutes * MINUTE);
      expect(Date.parse(row.blocked_end_at) - Date.parse(row.end_at)).toBe(row.buffer_after_minutes * MINUTE);
    }
  });

  it('does nothing once a provider exists', async () => {
    const now = new Date('2026-12-01T08:00:00.000Z');
    await seedDemoData(db, now);
    const count = async () =>
      (
        await db
          .selectFrom('appointments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    expect(await seedDemoData(db, now)).toBe(false);
    expect(await count()).toBe(before);
  });

  it('lists every demo business in the directory: their owners’ addresses are confirmed', async () => {
    await seedDemoData(db, new Date('2026-12-01T08:00:00.000Z'));
    const all = await db.selectFrom('providers').select('slug').orderBy('slug').execute();
    const listed = await searchProviders(db, { limit: 100, offset: 0 });
    expect(all.length).toBeGreaterThan(0);
    expect(listed.map((p) => p.slug).sort()).toEqual(all.map((p) => p.slug));
  });
});
