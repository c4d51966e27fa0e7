import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers, folderCycles, layerOf } from '../../scripts/check-layers.js';

/** A throwaway tree of files (path → source) checked with the repository's rules. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  roots.push(root);
  return root;
}
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const module = (source: string, ...imports: string[]) => ({
  source,
  dependencies: imports.map((resolved) => ({ resolved })),
});

describe('folderCycles', () => {
  it('finds two folders that need each other through files that form no cycle', () => {
    const cycles = folderCycles([
      module('server/bookings/slot-check.ts', 'server/slots/loader.ts'),
      module('server/slots/cache.ts', 'server/bookings/events.ts'),
      module('server/slots/loader.ts'),
      module('server/bookings/events.ts'),
    ] as never);
    expect(cycles).toEqual([
      [
        'server/bookings ↔ server/slots',
        '  server/bookings/slot-check.ts → server/slots/loader.ts',
        '  server/slots/cache.ts → server/bookings/events.ts',
      ],
    ]);
  });

  it('counts a feature table file with server/db, which composes it, and a nested folder with its top folder', () => {
    expect(layerOf('server/providers/providers.table.ts')).toBe('server/db');
    expect(layerOf('server/calendar/google/google.client.ts')).toBe('server/calendar');
    expect(layerOf('server/app.ts')).toBe('server/app.ts');
    expect(layerOf('widget/index.ts')).toBeUndefined();
    const cycles = folderCycles([
      module('server/db/database.ts', 'server/providers/providers.table.ts'),
      module('server/providers/providers.table.ts', 'server/db/columns.ts'),
      module('server/providers/providers.repository.ts', 'server/db/connect.ts'),
    ] as never);
    expect(cycles).toEqual([]);
  });
});

describe('checkLayers, with the rules of .dependency-cruiser.cjs', () => {
  /** Layered as the rules want: a route over the pure availability code and the database. */
  const layered = {
    'server/db/connect.ts': 'export type Db = { name: string };\n',
    'server/availability/slots.ts': 'export const slots = (n: number) => n;\n',
    'server/slots/slots.routes.ts':
      "import type { Db } from '../db/connect.js';\nimport { slots } from '../availability/slots.js';\nexport const route = (db: Db) => slots(db.name.length);\n",
    'widget/index.ts': 'export const tag = 1;\n',
  };

  it('passes a tree that keeps the layering', async () => {
    expect(await checkLayers(tree(layered))).toEqual([]);
  });

  it('refuses each kind of forbidden import', async () => {
    const broken = {
      'server/db/errors.ts':
        "import { bookings } from '../bookings/bookings.repository.js';\nexport const all = bookings;\n",
      'server/availability/slots.ts':
        "import type { Db } from '../db/connect.js';\nexport const slots = (db: Db) => db.name;\n",
      'server/bookings/bookings.repository.ts':
        "import { feed } from '../calendar/feed.js';\nexport const bookings = feed;\n",
      'server/calendar/feed.ts': "import { sent } from '../email/outbox.js';\nexport const feed = sent;\n",
      'server/email/outbox.ts': "import { slots } from '../availability/slots.js';\nexport const sent = slots;\n",
      // bookings → slots and slots → bookings, through files that form no file cycle
      'server/bookings/check.ts': "import { route } from '../slots/slots.routes.js';\nexport const check = route;\n",
      'server/slots/cache.ts':
        "import { bookings } from '../bookings/bookings.repository.js';\nexport const cache = bookings;\n",
      'widget/index.ts': "import { sent } from '../server/email/outbox.js';\nexport const tag = sent;\n",
    };
    const problems = (await checkLayers(tree({ ...layered, ...broken }))).map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual([
      'availability-is-pure',
      'clients-talk-http-only',
      'db-knows-no-feature',
      'email-and-calendar-apart',
      'folder-cycle',
    ]);
  });

  it('lets server/db compose table types, type-only, and nothing that runs', async () => {
    const table =
      "import type { Instant } from '../db/columns.js';\nexport interface UsersTable { created_at: Instant }\nexport const ROLES = ['customer'];\n";
    const typeOnly = tree({
      'server/db/columns.ts': 'export type Instant = string;\n',
      'server/db/database.ts':
        "import type { UsersTable } from '../auth/auth.table.js';\nexport interface Database { users: UsersTable }\n",
      'server/auth/auth.table.ts': table,
    });
    expect(await checkLayers(typeOnly)).toEqual([]);
    const running = tree({
      'server/db/columns.ts': 'export type Instant = string;\n',
      'server/db/database.ts': "import { ROLES } from '../auth/auth.table.js';\nexport const roles = ROLES;\n",
      'server/auth/auth.table.ts': table,
    });
    expect((await checkLayers(running)).map((p) => p.split(':')[0])).toEqual(['db-takes-types-only']);
  });
});
