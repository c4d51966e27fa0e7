import type { Db } from '../db/connect.js';
import type { SeriesRow } from './series.table.js';

export async function insertSeries(db: Db, values: Omit<SeriesRow, 'id' | 'created_at'>): Promise<SeriesRow> {
  return db.insertInto('appointment_series').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findSeries(db: Db, id: number): Promise<SeriesRow | undefined> {
  return db.selectFrom('appointment_series').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A series' occurrences that were booked (whatever became of them since), in series order. */
export async function seriesAppointments(db: Db, seriesId: number) {
  return db
    .selectFrom('appointments')
    .select(['id', 'series_index', 'status', 'start_at', 'end_at', 'sequence'])
    .where('series_id', '=', seriesId)
    .orderBy('series_index')
    .execute();
}
