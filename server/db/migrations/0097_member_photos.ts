import type { Kysely } from 'kysely';
import { bytesType, nowIso } from '../dialect.js';

/**
 * A team member's photo, one per member, kept in the database like the business's images (0071) and served the
 * same way, by content hash (`team_members.photo_hash` names it). Goes with the member.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_photos')
    .addColumn('member_id', 'integer', (c) => c.primaryKey().references('team_members.id').onDelete('cascade'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('bytes', bytesType(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema.createIndex('member_photos_hash').on('member_photos').column('hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member_photos').execute();
}
