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
  /** The parameters the query binds: a call giving another one is refused, its value would be ignored. */
  names: ReadonlySet<string>;
}

/** Templates kept per prepared query, beyond which they are compiled again as needed. */
const MAX_TEMPLATES = 32;

/** A statement built and compiled once per dialect (and per length of each list parameter), run with new values. */
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
 * shape cannot depend on a value. A list parameter (an array) gets a list of placeholders of its length, and
 * each length its own compiled statement. A placeholder that never reached the bound values (dropped, inlined or
 * branched on) fails the first call, rather than running a query that ignores it.
 */
export function preparedQuery<DB, P extends object, R>(
  build: (db: Kysely<DB>, params: P) => Compilable<R>,
): PreparedQuery<DB, P, R> {
  const templates = new Map<string, Template>();
  const templateFor = (db: Kysely<DB>, params: P): Template => {
    const key = `${isPostgres(db)}${listLengths(params)}`;
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
    const { query, sources, names } = templateFor(db, params);
    const values = params as Record<string, unknown>;
    for (const name in values)
      if (!names.has(name)) throw new Error(`preparedQuery: parameter "${name}" is not a bound value of the query`);
    const parameters = sources.map((source) => {
      if ('value' in source) return source.value;
      const { name, index } = source.placeholder;
      const value = index === undefined ? values[name] : (values[name] as unknown[])[index];
      // Kysely leaves an undefined value out of the query; here it would bind NULL in its place. Say null.
      if (value === undefined) throw new Error(`preparedQuery: parameter "${name}" is undefined`);
      return value;
    });
    const result = await db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
    return result.rows;
  };
  return {
    execute,
    executeTakeFirst: async (db, params) => (await execute(db, params))[0],
  };
}

/** The lengths of the list parameters, which decide the SQL (`in (?, ?)`), as part of a template's key. */
function listLengths(params: object): string {
  let key = '';
  for (const [name, value] of Object.entries(params)) if (Array.isArray(value)) key += `:${name}=${value.length}`;
  return key;
}

function compileTemplate<DB, P extends object, R>(
  db: Kysely<DB>,
  params: P,
  build: (db: Kysely<DB>, params: P) => Compilable<R>,
): Template {
  // Only this call's names: a later call giving another is refused at execution (see `names`).
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
        if (typeof name !== 'string' || !(name in given)) return undefined;
        return stands.get(name) ?? standFor(name);
      },
      // Spread or given whole (`.values(params)`), it has this call's names; a later call with another is refused.
      ownKeys: () => Reflect.ownKeys(given),
      getOwnPropertyDescriptor: (_, name) =>
        typeof name === 'string' && name in given ? { enumerable: true, configurable: true } : undefined,
    },
  ) as P;
  const query = build(db, stand).compile();
  const sources = query.parameters.map(
    (value): Source => (value instanceof Placeholder ? { placeholder: value } : { value }),
  );
  const bound = new Set(query.parameters);
  const lost = [...stands.values()].flat().find((placeholder) => !bound.has(placeholder));
  if (lost) throw new Error(`preparedQuery: parameter "${lost.name}" is not a bound value of the query: ${query.sql}`);
  return { query, sources, names: new Set(stands.keys()) };
}
