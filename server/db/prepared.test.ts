import SQLite from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { preparedQuery } from './prepared.js';

interface Schema {
  people: { id: Generated<number>; name: string; email: string; team: number | null };
}

const open = () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table people (id integer primary key, name text, email text, team integer)');
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
};

interface Person {
  name: string;
  email: string;
  team: number | null;
}

const insertPerson = preparedQuery((db: Kysely<Schema>, p: Person) =>
  db.insertInto('people').values(p).returning('id'),
);
const byId = preparedQuery((db: Kysely<Schema>, p: { id: number }) =>
  db.selectFrom('people').selectAll().where('id', '=', p.id),
);

describe('preparedQuery', () => {
  it('binds each call its own values, in the order the SQL wants them', async () => {
    const db = open();
    const ann = { name: 'Ann', email: 'ann@example.test', team: 1 };
    const bob = { email: 'bob@example.test', team: null, name: 'Bob' }; // another key order
    const [a] = await insertPerson.execute(db, ann);
    const [b] = await insertPerson.execute(db, bob);
    expect(await byId.executeTakeFirst(db, { id: a!.id })).toEqual({ id: a!.id, ...ann });
    expect(await byId.executeTakeFirst(db, { id: b!.id })).toEqual({ id: b!.id, ...bob });
    expect(await byId.executeTakeFirst(db, { id: 99 })).toBeUndefined();
    await db.destroy();
  });

  it('keeps the builder own values and a value used twice', async () => {
    const db = open();
    await insertPerson.execute(db, { name: 'Ann', email: 'a@x.test', team: 1 });
    await insertPerson.execute(db, { name: 'Bob', email: 'b@x.test', team: 2 });
    const either = preparedQuery((db: Kysely<Schema>, p: { name: string }) =>
      db
        .selectFrom('people')
        .select('email')
        .where((eb) => eb.or([eb('name', '=', p.name), eb('email', '=', p.name)]))
        .where('team', '<', 5)
        .limit(1),
    );
    expect(await either.execute(db, { name: 'Bob' })).toEqual([{ email: 'b@x.test' }]);
    expect(await either.execute(db, { name: 'a@x.test' })).toEqual([{ email: 'a@x.test' }]);
    await db.destroy();
  });

  it('compiles a list parameter once per length', async () => {
    const db = open();
    for (const name of ['Ann', 'Bob', 'Cy']) await insertPerson.execute(db, { name, email: `${name}@x.test`, team: 1 });
    const named = preparedQuery((db: Kysely<Schema>, p: { names: string[]; team: number }) =>
      db.selectFrom('people').select('name').where('name', 'in', p.names).where('team', '=', p.team).orderBy('name'),
    );
    expect(await named.execute(db, { names: ['Cy'], team: 1 })).toEqual([{ name: 'Cy' }]);
    expect(await named.execute(db, { names: ['Bob', 'Ann'], team: 1 })).toEqual([{ name: 'Ann' }, { name: 'Bob' }]);
    expect(await named.execute(db, { names: ['Ann'], team: 1 })).toEqual([{ name: 'Ann' }]);
    expect(await named.execute(db, { names: ['Ann'], team: 2 })).toEqual([]);
    await db.destroy();
  });

  it('compiles a row with another set of columns for them', async () => {
    const db = open();
    const insertRow = preparedQuery(
      (db: Kysely<Schema>, row: { name: string; email: string; team?: number | undefined }) =>
        db.insertInto('people').values(row).returning('id'),
    );
    const [a] = await insertRow.execute(db, { name: 'Ann', email: 'ann@x.test' });
    const [b] = await insertRow.execute(db, { name: 'Bob', email: 'bob@x.test', team: 3 });
    const [c] = await insertRow.execute(db, { email: 'cy@x.test', name: 'Cy', team: undefined });
    expect(await byId.executeTakeFirst(db, { id: a!.id })).toMatchObject({ name: 'Ann', team: null });
    expect(await byId.executeTakeFirst(db, { id: b!.id })).toMatchObject({ name: 'Bob', team: 3 });
    expect(await byId.executeTakeFirst(db, { id: c!.id })).toMatchObject({ name: 'Cy', email: 'cy@x.test' });
    await db.destroy();
  });

  it('lets a database with plugins see and transform each query, with its values', async () => {
    const db = open();
    const seen: string[] = [];
    const watched = db.withPlugin({
      transformQuery: ({ node }) => {
        seen.push(node.kind);
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    await insertPerson.execute(watched, { name: 'Ann', email: 'ann@x.test', team: 1 });
    expect(await byId.execute(watched, { id: 1 })).toEqual([{ id: 1, name: 'Ann', email: 'ann@x.test', team: 1 }]);
    expect(seen).toEqual(['InsertQueryNode', 'SelectQueryNode']);
    await db.destroy();
  });

  it('refuses a parameter the query does not bind, rather than ignore it', async () => {
    const db = open();
    const branching = preparedQuery((db: Kysely<Schema>, p: { name: string; team?: number }) =>
      db.selectFrom('people').select('id').where('name', '=', p.name),
    );
    await expect(branching.execute(db, { name: 'Ann', team: 1 })).rejects.toThrow(/"team" is not a bound value/);
    const inlined = preparedQuery((db: Kysely<Schema>, p: { name: string }) =>
      db
        .selectFrom('people')
        .select('id')
        .where('name', '=', sql.lit(String(p.name))),
    );
    await expect(inlined.execute(db, { name: 'Ann' })).rejects.toThrow(/"name" is not a bound value/);
    await db.destroy();
  });
});
