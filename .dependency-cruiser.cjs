// The layering rules of CONTRIBUTING/README, checked by `npm run lint:layers` (scripts/check-layers.ts), which also
// refuses cycles between server folders (dependency-cruiser's own `circular` sees files, not folders).
// Paths are relative to the repository root. Type-only imports count like any other unless a rule says so.

/** npm packages that are database or HTTP code. */
const DB_PACKAGES = '^node_modules/(kysely|better-sqlite3)/';
const HTTP_PACKAGES = '^node_modules/(hono|@hono/[^/]+)/';
/** A feature's table types, composed by server/db/database.ts. */
const TABLE_FILE = '^server/[^/]+/[^/]+[.]table[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'availability-is-pure',
      comment: 'server/availability computes slots from plain data: no database, no HTTP, no other server code.',
      severity: 'error',
      from: { path: '^server/availability/' },
      to: { path: ['^server/', DB_PACKAGES, HTTP_PACKAGES], pathNot: '^server/availability/' },
    },
    {
      name: 'db-knows-no-feature',
      comment: 'server/db is below every feature: it imports none (database.ts: see the next two rules).',
      severity: 'error',
      from: { path: '^server/db/', pathNot: '^server/db/database[.]ts$' },
      to: { path: '^server/', pathNot: '^server/db/' },
    },
    {
      name: 'db-composes-table-types',
      comment:
        "server/db/database.ts composes the table types that each feature owns in <feature>.table.ts (the shape of Kysely's " +
        'example app), and takes nothing else from a feature.',
      severity: 'error',
      from: { path: '^server/db/database[.]ts$' },
      to: { path: '^server/', pathNot: ['^server/db/', TABLE_FILE] },
    },
    {
      name: 'db-takes-types-only',
      comment: 'What server/db takes from a <feature>.table.ts is types, so no feature code runs in db/.',
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: TABLE_FILE, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'table-types-stand-alone',
      comment: 'A <feature>.table.ts holds column types: it imports only server/db and other table files.',
      severity: 'error',
      from: { path: TABLE_FILE },
      to: { path: '^server/', pathNot: ['^server/db/', TABLE_FILE] },
    },
    {
      name: 'clients-talk-http-only',
      comment: 'widget/ and site/ run in browsers and reach the server over HTTP only: they never import server/.',
      severity: 'error',
      from: { path: '^(widget|site)/' },
      to: { path: '^server/' },
    },
    {
      name: 'email-and-calendar-apart',
      comment: 'Email and calendar sync are two independent outboxes: neither imports the other.',
      severity: 'error',
      from: { path: '^server/(email|calendar)/' },
      to: { path: '^server/(email|calendar)/', pathNot: '^server/$1/' },
    },
    {
      name: 'no-file-cycles',
      comment: 'No two files import each other, directly or through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    // Type-only imports are dependencies too: a layer that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
