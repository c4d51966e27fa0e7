import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * PostgreSQL's counterpart of 0070's FTS5 index, under the same names so the code that maintains and reads it is
 * one: `provider_search` keeps each business's index text (server/search/) in `terms`, and `document` is that text
 * as a `tsvector` under the `simple` configuration (lower case, no stemming: the stems and synonym tokens are in the
 * text already), behind a GIN index that serves whole terms and prefixes (`'hair':*`) alike. `provider_search_vocab`
 * lists the distinct terms, as fts5vocab does, for typo correction. The same triggers mark a business stale.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table provider_search (
    rowid integer primary key,
    terms text not null,
    document tsvector generated always as (to_tsvector('simple', terms)) stored
  )`.execute(db);
  await sql`create index provider_search_document on provider_search using gin (document)`.execute(db);
  await sql`create view provider_search_vocab as
    select word as term, ndoc as doc, nentry as cnt from ts_stat('select document from provider_search')`.execute(db);
  await sql`create table search_stale (provider_id integer primary key)`.execute(db);
  await sql`create function search_mark_stale() returns trigger language plpgsql as $$
    begin
      insert into search_stale (provider_id)
        values (case when tg_op = 'DELETE' then old.provider_id else new.provider_id end)
        on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create function search_mark_provider_stale() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from provider_search where rowid = old.id;
        delete from search_stale where provider_id = old.id;
      else
        insert into search_stale (provider_id) values (new.id) on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  for (const statement of [
    `create trigger search_provider_added after insert on providers
       for each row execute function search_mark_provider_stale()`,
    `create trigger search_provider_changed after update of name, category, city, description on providers
       for each row execute function search_mark_provider_stale()`,
    `create trigger search_provider_removed after delete on providers
       for each row execute function search_mark_provider_stale()`,
    `create trigger search_service_changed after insert or update of name, active or delete on services
       for each row execute function search_mark_stale()`,
  ])
    await sql.raw(statement).execute(db);
  await sql`insert into search_stale (provider_id) select id from providers`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [trigger, table] of [
    ['search_provider_added', 'providers'],
    ['search_provider_changed', 'providers'],
    ['search_provider_removed', 'providers'],
    ['search_service_changed', 'services'],
  ] as const)
    await sql.raw(`drop trigger ${trigger} on ${table}`).execute(db);
  await sql`drop function search_mark_provider_stale`.execute(db);
  await sql`drop function search_mark_stale`.execute(db);
  await sql`drop table search_stale`.execute(db);
  await sql`drop view provider_search_vocab`.execute(db);
  await sql`drop table provider_search`.execute(db);
}
