import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.js';

describe('cachingStatements', () => {
  const open = (limit?: number) => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (id integer primary key, name text)');
    return cachingStatements(sqlite, limit);
  };

  it('prepares each SQL text once and hands the same statement back', () => {
    const db = open();
    const first = db.prepare('select * from t where id = ?');
    expect(db.prepare('select * from t where id = ?')).toBe(first);
    expect(db.prepare('select name from t where id = ?')).not.toBe(first);
  });

  it('forgets the least recently used statement beyond its limit', () => {
    const db = open(2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a); // now "select 2" is the oldest
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('never shares a statement that is still being iterated', () => {
    const db = open();
    db.prepare('insert into t (name) values (?)').run(['a']);
    db.prepare('insert into t (name) values (?)').run(['b']);
    const streaming = db.prepare('select name from t order by id');
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ name: 'a' });
    const other = db.prepare('select name from t order by id');
    expect(other).not.toBe(streaming);
    expect(other.all([])).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(rows.next().value).toEqual({ name: 'b' });
    rows.return?.();
  });

  it('serves Kysely: repeated queries with new parameters read and write correctly', async () => {
    const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: open() }) });
    for (const name of ['a', 'b', 'c'])
      await db
        .insertInto('t')
        .values({ id: name.charCodeAt(0), name })
        .execute();
    for (const name of ['a', 'b', 'c']) {
      expect(await db.selectFrom('t').select('name').where('id', '=', name.charCodeAt(0)).executeTakeFirst()).toEqual({
        name,
      });
    }
    await db.destroy();
  });
});
