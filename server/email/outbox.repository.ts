import type { AppointmentRow } from '../bookings/bookings.table.js';
import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import { ownerMemberOf } from '../team/team.repository.js';
import type { Recipients } from './compose.js';
import type { EmailRow, NewEmail } from './email.table.js';

/** Row by row: a single-row insert is built once (server/db/prepared.ts), as every appointment change writes some. */
export async function insertEmails(db: Db, rows: readonly NewEmail[]): Promise<void> {
  for (const row of rows) await emailInsert.execute(db, row);
}

const emailInsert = preparedQuery((db: Db, row: NewEmail) => db.insertInto('email_outbox').values(row));

/** Reminders: a row whose dedupe key exists already is skipped, not an error. */
export async function insertEmailsOnce(db: Db, rows: readonly NewEmail[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db
    .insertInto('email_outbox')
    .values([...rows])
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

// Read for every appointment email (the serving member, the owner): built once (server/db/prepared.ts).
const contactOf = preparedQuery((db: Db, p: { memberId: number }) =>
  db
    .selectFrom('team_members')
    .leftJoin('users', 'users.id', 'team_members.user_id')
    .select([
      'team_members.id',
      'team_members.name',
      'team_members.role',
      'team_members.user_id',
      'team_members.email',
      'users.email as account_email',
      'users.email_verified_at',
      // An active calendar connection: the appointment reaches their calendar by sync (see compose.ts).
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('calendar_connections')
              .select('calendar_connections.id')
              .whereRef('calendar_connections.member_id', '=', 'team_members.id')
              .where('calendar_connections.status', '=', 'active'),
          )
          .as('calendar_synced'),
    ])
    .where('team_members.id', '=', p.memberId),
);

/** A team member as the provider side of emails: where their emails go, and whether that address is proven theirs. */
async function memberContact(db: Db, memberId: number) {
  const row = await contactOf.executeTakeFirst(db, { memberId });
  if (!row) return undefined;
  const email = row.email ?? row.account_email ?? '';
  // Proven only when it is the member's account address and that was confirmed.
  const verified = row.email_verified_at !== null && row.account_email === email;
  return { ...row, email, verified, synced: Boolean(row.calendar_synced) };
}

/** A member's name as emails say it (a departed member's too). */
export async function memberNameOf(db: Db, memberId: number): Promise<string> {
  const row = await db.selectFrom('team_members').select('name').where('id', '=', memberId).executeTakeFirstOrThrow();
  return row.name;
}

async function ownerContact(db: Db, providerId: number) {
  return (await memberContact(db, (await ownerMemberOf(db, providerId)).id))!;
}

// The business side of every appointment email: built once, like the member's contact.
const businessOf = preparedQuery((db: Db, p: { providerId: number; serviceId: number }) =>
  db
    .selectFrom('providers')
    .innerJoin('services', 'services.provider_id', 'providers.id')
    .select((eb) => [
      'providers.phone',
      'providers.owner_copies',
      'services.seats',
      // Its active members (those who have not left), counted in the same statement.
      eb
        .selectFrom('team_members')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('team_members.provider_id', '=', 'providers.id')
        .where('team_members.left_at', 'is', null)
        .as('team_size'),
    ])
    .where('providers.id', '=', p.providerId)
    .where('services.id', '=', p.serviceId),
);

/** Who an appointment's emails go to, and what the product knows of their addresses. */
export async function findRecipients(db: Db, appointment: AppointmentRow): Promise<Recipients | undefined> {
  const business = await businessOf.executeTakeFirst(db, {
    providerId: appointment.provider_id,
    serviceId: appointment.service_id,
  });
  const serving = await memberContact(db, appointment.member_id);
  if (!business || !serving) return undefined;
  // The owner hears of it when they ask for copies of their members' emails, and in the place of a member without an
  // address (no account, none given): then the customer's invitation names the owner's address as its organizer.
  const copyToOwner = serving.role !== 'owner' && business.owner_copies === 1;
  const owner = copyToOwner || !serving.email ? await ownerContact(db, appointment.provider_id) : undefined;
  const member = owner && !serving.email ? { ...owner, name: serving.name, role: serving.role } : serving;
  // The booking's address is the customer's own only when it is their account's confirmed address.
  const customer =
    appointment.customer_user_id === null
      ? undefined
      : await db
          .selectFrom('users')
          .select('id')
          .where('id', '=', appointment.customer_user_id)
          .where('email', '=', appointment.customer_email)
          .where('email_verified_at', 'is not', null)
          .executeTakeFirst();
  return {
    provider: {
      userId: member.user_id,
      email: member.email,
      phone: business.phone,
      emailVerified: member.verified,
      calendarSynced: member.synced,
    },
    // A business of one names nobody: the business is the person.
    memberName: Number(business.team_size) > 1 || member.role !== 'owner' ? member.name : null,
    ownerCopy: serving.email && copyToOwner && owner?.email ? { userId: owner.user_id, email: owner.email } : null,
    seats: business.seats,
    customerVerified: customer !== undefined,
  };
}

export async function saveLinkToken(db: Db, appointmentId: number, sealed: string): Promise<void> {
  await linkTokenUpsert.execute(db, { appointmentId, sealed });
}

// Written on every booking: built once (server/db/prepared.ts).
const linkTokenUpsert = preparedQuery((db: Db, p: { appointmentId: number; sealed: string }) =>
  db
    .insertInto('email_link_tokens')
    .values({ appointment_id: p.appointmentId, token_sealed: p.sealed })
    .onConflict((oc) => oc.column('appointment_id').doUpdateSet({ token_sealed: p.sealed })),
);

export async function findLinkToken(db: Db, appointmentId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('email_link_tokens')
    .select('token_sealed')
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
  return row?.token_sealed;
}

/** A reminder not yet handed to the worker is dropped when its appointment moves or is cancelled. */
export async function dropPendingReminders(db: Db, appointmentId: number): Promise<void> {
  await db
    .deleteFrom('email_outbox')
    .where('appointment_id', '=', appointmentId)
    .where('kind', '=', 'reminder')
    .where('status', '=', 'pending')
    .execute();
}

export type { EmailRow };
