import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * The directory's full-text index (FTS5, in every better-sqlite3 build). Its text is made in JavaScript (stems in
 * three languages, synonym groups: server/search/), which triggers cannot run; so triggers only mark a business
 * stale when its text or services change, and the next search re-indexes the stale ones first. Nothing else has
 * to remember the index, and a seed or a test writing rows directly is indexed all the same.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // FTS5 is SQLite's; PostgreSQL gets its own index under the same names in 0119.
  if (isPostgres(db)) return;
  await sql`create virtual table provider_search using fts5(terms, tokenize = 'unicode61 remove_diacritics 2')`.execute(
    db,
  );
  // Its distinct terms: what a misspelt word is corrected towards.
  await sql`create virtual table provider_search_vocab using fts5vocab(provider_search, row)`.execute(db);
  await db.schema
    .createTable('search_stale')
    .addColumn('provider_id', 'integer', (c) => c.primaryKey())
    .execute();
  const stale = (id: string) => `insert or ignore into search_stale (provider_id) values (${id});`;
  for (const statement of [
    `create trigger search_provider_added after insert on providers begin ${stale('new.id')} end`,
    `create trigger search_provider_changed after update of name, category, city, description on providers
       begin ${stale('new.id')} end`,
    `create trigger search_provider_removed after delete on providers begin
       delete from provider_search where rowid = old.id; delete from search_stale where provider_id = old.id; end`,
    `create trigger search_service_added after insert on services begin ${stale('new.provider_id')} end`,
    `create trigger search_service_changed after update of name, active on services begin ${stale('new.provider_id')} end`,
    `create trigger search_service_removed after delete on services begin ${stale('old.provider_id')} end`,
  ])
    await sql.raw(statement).execute(db);
  await sql`insert into search_stale (provider_id) select id from providers`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const what of ['provider', 'service'])
    for (const change of ['added', 'changed', 'removed'])
      await sql.raw(`drop trigger search_${what}_${change}`).execute(db);
  await db.schema.dropTable('search_stale').execute();
  await sql`drop table provider_search_vocab`.execute(db);
  await sql`drop table provider_search`.execute(db);
}
