import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import type { CalendarConnectionRow, CalendarConnectionsTable } from './calendar.table.js';
import type { EventRef, OwnEvent } from './calendar.types.js';

export type ConnectionUpdate = Partial<
  Pick<
    CalendarConnectionRow,
    'status' | 'calendar_id' | 'account_email' | 'share_with' | 'share_role' | 'refresh_token_enc' | 'last_error'
  >
>;

/** A team member's calendar connection (each member has at most one). */
export async function findConnection(db: Db, memberId: number): Promise<CalendarConnectionRow | undefined> {
  return connectionOf.executeTakeFirst(db, { memberId });
}

/** The connections of these members (at most one each), in one query. */
export async function findConnectionsOfMembers(db: Db, memberIds: readonly number[]): Promise<CalendarConnectionRow[]> {
  if (memberIds.length === 0) return [];
  return db.selectFrom('calendar_connections').selectAll().where('member_id', 'in', memberIds).execute();
}

// Asked on every booking (busy times, the sync listener): built once (server/db/prepared.ts).
const connectionOf = preparedQuery((db: Db, p: { memberId: number }) =>
  db.selectFrom('calendar_connections').selectAll().where('member_id', '=', p.memberId),
);

export async function listConnectionsOf(db: Db, providerId: number): Promise<CalendarConnectionRow[]> {
  return db.selectFrom('calendar_connections').selectAll().where('provider_id', '=', providerId).execute();
}

export async function findConnectionById(db: Db, id: number): Promise<CalendarConnectionRow | undefined> {
  return db.selectFrom('calendar_connections').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A member has one calendar connection: a new one replaces (and forgets) the old. */
export async function replaceConnection(
  db: Db,
  values: Insertable<CalendarConnectionsTable>,
): Promise<CalendarConnectionRow> {
  await db.deleteFrom('calendar_connections').where('member_id', '=', values.member_id).execute();
  return db.insertInto('calendar_connections').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateConnection(db: Db, id: number, values: ConnectionUpdate, now: Date): Promise<void> {
  await db
    .updateTable('calendar_connections')
    .set({ ...values, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function deleteConnection(db: Db, memberId: number): Promise<void> {
  await db.deleteFrom('calendar_connections').where('member_id', '=', memberId).execute();
}

/** Active connections whose busy times were last looked at no later than `checkedBefore`. */
export async function listConnectionsToRefresh(db: Db, checkedBefore: string): Promise<CalendarConnectionRow[]> {
  return db
    .selectFrom('calendar_connections')
    .selectAll()
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('busy_checked_at', 'is', null), eb('busy_checked_at', '<=', checkedBefore)]))
    .execute();
}

/** The events the app wrote for an appointment and has not removed, in any member's calendar. */
export async function listWrittenEvents(db: Db, appointmentId: number) {
  return writtenEvents.execute(db, { appointmentId });
}

// Asked on every change of an appointment (the sync listener): built once.
const writtenEvents = preparedQuery((db: Db, p: { appointmentId: number }) =>
  db.selectFrom('calendar_events').selectAll().where('appointment_id', '=', p.appointmentId).where('deleted', '=', 0),
);

/**
 * Where the live event with this UID is in a connection's calendar (a class time's, written for any attendee): the
 * latest write, whose ETag is the newest.
 */
export async function findEventByUid(db: Db, connectionId: number, uid: string): Promise<EventRef | null> {
  const row = await db
    .selectFrom('calendar_events')
    .select(['external_id', 'etag'])
    .where('connection_id', '=', connectionId)
    .where('uid', '=', uid)
    .where('deleted', '=', 0)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row ? { id: row.external_id, etag: row.etag } : null;
}

/** Every attendee's record of a class event: the event is gone for all of them once removed. */
export async function markEventRemoved(db: Db, connectionId: number, uid: string, now: Date): Promise<void> {
  await db
    .updateTable('calendar_events')
    .set({ deleted: 1, updated_at: now.toISOString() })
    .where('connection_id', '=', connectionId)
    .where('uid', '=', uid)
    .execute();
}

export async function recordEventWritten(
  db: Db,
  row: {
    connectionId: number;
    appointmentId: number;
    externalId: string;
    etag: string | null;
    uid: string | null;
    start: string;
    end: string;
    deleted: boolean;
  },
  now: Date,
): Promise<void> {
  const values = {
    external_id: row.externalId,
    etag: row.etag,
    uid: row.uid,
    start_at: row.start,
    end_at: row.end,
    deleted: row.deleted ? 1 : 0,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('calendar_events')
    .values({ connection_id: row.connectionId, appointment_id: row.appointmentId, ...values })
    .onConflict((oc) => oc.columns(['connection_id', 'appointment_id']).doUpdateSet(values))
    .execute();
}

/** The app's live events in a connection's calendar that touch `range` (to leave out of busy times). */
export async function listOwnEvents(
  db: Db,
  connectionId: number,
  range: { start: string; end: string },
): Promise<OwnEvent[]> {
  const rows = await db
    .selectFrom('calendar_events')
    .select(['external_id', 'start_at', 'end_at'])
    .where('connection_id', '=', connectionId)
    .where('deleted', '=', 0)
    .where('start_at', '<', range.end)
    .where('end_at', '>', range.start)
    .execute();
  return rows.map((r) => ({ externalId: r.external_id, start: Date.parse(r.start_at), end: Date.parse(r.end_at) }));
}

/** After switching calendars: what we knew of the old one (written events, busy times) no longer applies. */
export async function forgetCalendarState(db: Db, connectionId: number): Promise<void> {
  await db.deleteFrom('calendar_events').where('connection_id', '=', connectionId).execute();
  await db.deleteFrom('calendar_busy').where('connection_id', '=', connectionId).execute();
  await db
    .updateTable('calendar_connections')
    .set({ busy_checked_at: null, busy_refreshed_at: null })
    .where('id', '=', connectionId)
    .execute();
}
