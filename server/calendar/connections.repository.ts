import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.js';
import { ownerMemberOf } from '../team/team.repository.js';
import type { CalendarConnectionRow, CalendarConnectionsTable } from './calendar.table.js';
import type { OwnEvent } from './calendar.types.js';

export type ConnectionUpdate = Partial<
  Pick<
    CalendarConnectionRow,
    'status' | 'calendar_id' | 'account_email' | 'share_with' | 'share_role' | 'refresh_token_enc' | 'last_error'
  >
>;

export async function findConnection(db: Db, providerId: number): Promise<CalendarConnectionRow | undefined> {
  return db.selectFrom('calendar_connections').selectAll().where('provider_id', '=', providerId).executeTakeFirst();
}

/** The calendar connection whose busy times block this member (each member has their own). */
export async function findMemberConnection(db: Db, memberId: number): Promise<CalendarConnectionRow | undefined> {
  return db.selectFrom('calendar_connections').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

export async function findConnectionById(db: Db, id: number): Promise<CalendarConnectionRow | undefined> {
  return db.selectFrom('calendar_connections').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A provider has one calendar connection: a new one replaces (and forgets) the old. It is its owner's until
 * connections are made per member.
 */
export async function replaceConnection(
  db: Db,
  values: Omit<Insertable<CalendarConnectionsTable>, 'member_id'>,
): Promise<CalendarConnectionRow> {
  await db.deleteFrom('calendar_connections').where('provider_id', '=', values.provider_id).execute();
  const owner = await ownerMemberOf(db, values.provider_id);
  return db
    .insertInto('calendar_connections')
    .values({ ...values, member_id: owner.id })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateConnection(db: Db, id: number, values: ConnectionUpdate, now: Date): Promise<void> {
  await db
    .updateTable('calendar_connections')
    .set({ ...values, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function deleteConnection(db: Db, providerId: number): Promise<void> {
  await db.deleteFrom('calendar_connections').where('provider_id', '=', providerId).execute();
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

/** The event the app last wrote for an appointment in this connection's calendar. */
export async function findWrittenEvent(db: Db, connectionId: number, appointmentId: number) {
  return db
    .selectFrom('calendar_events')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
}

export async function recordEventWritten(
  db: Db,
  row: {
    connectionId: number;
    appointmentId: number;
    externalId: string;
    start: string;
    end: string;
    deleted: boolean;
  },
  now: Date,
): Promise<void> {
  const values = {
    external_id: row.externalId,
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
