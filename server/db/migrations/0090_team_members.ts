import { type Kysely, sql } from 'kysely';
import { autoId, nowIso } from '../dialect.js';

/** Tables that gain the member whose time they are about, filled with the business's owner. */
const memberOwned = ['weekly_hours', 'date_overrides', 'blocked_times', 'calendar_connections', 'appointments'];

/**
 * A business becomes a team: members with their own hours, services, calendars and appointments, and services
 * with seats (a class). Every business gets its owner as its one member, carrying everything it had, so a solo
 * business answers exactly as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_members')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'admin', 'staff')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text')
    .addColumn('photo_hash', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('left_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema
    .createIndex('team_members_provider_slug')
    .on('team_members')
    .columns(['provider_id', 'slug'])
    .unique()
    .execute();
  // One business per person: the signed-in user's membership is never ambiguous.
  await db.schema
    .createIndex('team_members_one_business')
    .on('team_members')
    .column('user_id')
    .unique()
    .where(sql.ref('left_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('member_services')
    .addColumn('member_id', 'integer', (c) => c.notNull().references('team_members.id').onDelete('cascade'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('member_services_pk', ['member_id', 'service_id'])
    .execute();
  await db.schema.createIndex('member_services_service').on('member_services').column('service_id').execute();

  await db.schema
    .alterTable('services')
    .addColumn('seats', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('appointments')
    .addColumn('seat', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const table of memberOwned) {
    // No foreign key: members are never deleted while their business lives (one who leaves keeps a `left_at`),
    // and the business's own cascade already removes these rows with it.
    await db.schema.alterTable(table).addColumn('member_id', 'integer').execute();
  }

  const owners = await db
    .selectFrom('providers')
    .innerJoin('users', 'users.id', 'providers.user_id')
    .select(['providers.id', 'providers.user_id', 'users.name', 'users.email'])
    .execute();
  for (const owner of owners) {
    await db
      .insertInto('team_members')
      .values({
        provider_id: owner.id,
        user_id: owner.user_id,
        role: 'owner',
        name: owner.name,
        // As `server/team/member-slug.ts` makes them; frozen here like the rest of this migration.
        slug:
          owner.name
            .normalize('NFKD')
            .replace(/[^A-Za-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')
            .toLowerCase() || 'owner',
        email: owner.email,
      })
      .execute();
  }
  const ownerOf = (table: string) =>
    sql`(select id from team_members where team_members.provider_id = ${sql.table(table)}.provider_id and role = 'owner')`;
  for (const table of memberOwned) {
    await db
      .updateTable(table)
      .set({ member_id: ownerOf(table) })
      .execute();
  }
  await sql`insert into member_services (member_id, service_id)
    select team_members.id, services.id from services
    join team_members on team_members.provider_id = services.provider_id and team_members.role = 'owner'`.execute(db);

  await db.schema.dropIndex('appointments_no_double_start').execute();
  // The last line of defence against double booking, now per member: one live appointment per member and start,
  // except a class, whose attendees each hold one of its numbered seats.
  await db.schema
    .createIndex('appointments_no_double_member_start')
    .on('appointments')
    .columns(['member_id', 'start_at', 'seat'])
    .unique()
    .where(sql.ref('status'), '=', 'confirmed')
    .execute();
  await db.schema
    .createIndex('appointments_member_start')
    .on('appointments')
    .columns(['member_id', 'start_at'])
    .execute();
  await db.schema.createIndex('weekly_hours_member').on('weekly_hours').column('member_id').execute();
  await db.schema
    .createIndex('date_overrides_member_date')
    .on('date_overrides')
    .columns(['member_id', 'date'])
    .execute();

  await db.schema
    .createTable('team_invitations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'staff')`))
    .addColumn('invited_by', 'integer', (c) => c.references('team_members.id').onDelete('set null'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('team_invitations').execute();
  await db.schema.dropIndex('appointments_no_double_member_start').execute();
  await db.schema.dropIndex('appointments_member_start').execute();
  await db.schema.dropIndex('weekly_hours_member').execute();
  await db.schema.dropIndex('date_overrides_member_date').execute();
  for (const table of memberOwned) await db.schema.alterTable(table).dropColumn('member_id').execute();
  await db.schema.alterTable('appointments').dropColumn('seat').execute();
  await db.schema.alterTable('services').dropColumn('seats').execute();
  await db.schema.dropTable('member_services').execute();
  await db.schema.dropTable('team_members').execute();
  await db.schema
    .createIndex('appointments_no_double_start')
    .on('appointments')
    .columns(['provider_id', 'start_at'])
    .unique()
    .where(sql.ref('status'), '=', 'confirmed')
    .execute();
}
