import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/** A stand-in for one value of the parameters, put where the value goes while the query is built once. */
class Placeholder {
  constructor(
    readonly name: string,
    readonly index?: number,
  ) {}
}

/** Where each bound value of the compiled SQL comes from: a parameter given at execution, or the builder itself. */
type Source = { placeholder: Placeholder } | { value: unknown };

interface Template {
  query: CompiledQuery;
  sources: Source[];
}

/** Templates kept per prepared query, beyond which they are compiled again as needed. */
const MAX_TEMPLATES = 32;

/** A statement built and compiled once per dialect and shape (see `shapeOf`), run with new values. */
export interface PreparedQuery<DB, P, R> {
  execute(db: Kysely<DB>, params: P): Promise<R[]>;
  executeTakeFirst(db: Kysely<DB>, params: P): Promise<R | undefined>;
}

/**
 * Builds a query with Kysely once and runs its compiled SQL afterwards with each call's values, skipping the
 * builder and the compiler: on the booking path they cost more CPU than SQLite running the statements.
 *
 * `build` gets placeholders instead of values; it must put each where Kysely binds a value (a `where`, `values`,
 * `set`, `limit`, an `in` list or `sql` template), and must not branch on them: the query is built once, so its
 * shape cannot depend on a value. An undefined parameter is absent, as Kysely leaves an undefined column out of a
 * row (its stand-in is undefined too). A list parameter (an array) gets a list of placeholders of its length; each
 * length, and each set of names given (a row with or without an optional column), compiles its own statement.
 * A placeholder that never reached the bound values (dropped, inlined or branched on), or a name the query does
 * not read, fails the call, rather than running a query that ignores a value.
 */
export function preparedQuery<DB, P extends object, R>(
  build: (db: Kysely<DB>, params: P) => Compilable<R>,
): PreparedQuery<DB, P, R> {
  const templates = new Map<string, Template>();
  const templateFor = (db: Kysely<DB>, params: P): Template => {
    const key = `${isPostgres(db)}${shapeOf(params)}`;
    let template = templates.get(key);
    if (!template) {
      // Each list length is a template: many lengths (a long list from a request) must not grow without bound.
      if (templates.size >= MAX_TEMPLATES) templates.clear();
      template = compileTemplate(db, params, build);
      templates.set(key, template);
    }
    return template;
  };
  const execute = async (db: Kysely<DB>, params: P): Promise<R[]> => {
    // A plugin transforms each query as it is built: such a database gets the builder with this call's values.
    if (db.getExecutor().plugins.length > 0) return (await db.executeQuery(build(db, params))).rows;
    const { query, sources } = templateFor(db, params);
    const values = params as Record<string, unknown>;
    const parameters = sources.map((source) => {
      if ('value' in source) return source.value;
      const { name, index } = source.placeholder;
      return index === undefined ? values[name] : (values[name] as unknown[])[index];
    });
    const result = await db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
    return result.rows;
  };
  return {
    execute,
    executeTakeFirst: async (db, params) => (await execute(db, params))[0],
  };
}

/**
 * What decides the SQL besides the dialect, as part of a template's key: the names given (a row given whole to
 * `.values(params)` inserts those columns) and the length of each list (`in (?, ?)`).
 */
function shapeOf(params: object): string {
  const values = params as Record<string, unknown>;
  let key = '';
  for (const name in values) {
    const value = values[name];
    if (value !== undefined) key += Array.isArray(value) ? `,${name}=${value.length}` : `,${name}`;
  }
  return key;
}

function compileTemplate<DB, P extends object, R>(
  db: Kysely<DB>,
  params: P,
  build: (db: Kysely<DB>, params: P) => Compilable<R>,
): Template {
  // This call's names only: the template is for calls that give the same ones.
  const given = params as Record<string, unknown>;
  // One stand-in per name however often it is read (Kysely reads an insert's row more than once).
  const stands = new Map<string, Placeholder | Placeholder[]>();
  const standFor = (name: string) => {
    const value = given[name];
    const stand = Array.isArray(value) ? value.map((_, index) => new Placeholder(name, index)) : new Placeholder(name);
    stands.set(name, stand);
    return stand;
  };
  const stand = new Proxy(
    {},
    {
      get: (_, name) => {
        if (typeof name !== 'string' || given[name] === undefined) return undefined;
        return stands.get(name) ?? standFor(name);
      },
      // Spread or given whole (`.values(params)`), it has this call's names.
      ownKeys: () => Object.keys(given).filter((name) => given[name] !== undefined),
      getOwnPropertyDescriptor: (_, name) =>
        typeof name === 'string' && given[name] !== undefined ? { enumerable: true, configurable: true } : undefined,
    },
  ) as P;
  const query = build(db, stand).compile();
  const sources = query.parameters.map(
    (value): Source => (value instanceof Placeholder ? { placeholder: value } : { value }),
  );
  // A template is for the calls giving the same names (see `shapeOf`), so what holds here holds for each of them.
  const bound = new Set(query.parameters);
  const unread = Object.keys(given).find((name) => given[name] !== undefined && !stands.has(name));
  const lost = unread ?? [...stands.values()].flat().find((placeholder) => !bound.has(placeholder))?.name;
  if (lost) throw new Error(`preparedQuery: parameter "${lost}" is not a bound value of the query: ${query.sql}`);
  return { query, sources };
}
