import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { defaultRecipe, mismatch, recipes, refuses, routesOf } from './support/routes.js';
import { asContext, buildWorld, openCopy, piiStrings, ROLES, type World } from './support/world.js';

/**
 * Every route × anonymous, customer A, customer B, provider A, provider B, where "A" owns every resource the
 * route names. Each cell runs alone on a fresh copy of the world, so what one request changes cannot hide what
 * another may do. Refused requests must leave the database exactly as it was.
 */
describe('authorization matrix', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => rmSync(world.dir, { recursive: true, force: true }));

  it('gives every role on every route exactly the access it should', async () => {
    const probe = await openCopy(world);
    const routes = routesOf(probe.app);
    await probe.close();
    const markers = piiStrings();
    const table: string[][] = [];
    const failures: string[] = [];
    let cells = 0;

    for (const key of routes) {
      const [method] = key.split(' ') as [string];
      for (const recipe of recipes[key] ?? [defaultRecipe(key)]) {
        const label = `${key}${recipe.variant ? ` (${recipe.variant})` : ''}`;
        const row = [label];
        for (const role of ROLES) {
          const copy = await openCopy(world);
          try {
            const spec = recipe.request(world, role);
            const res = await call(asContext(copy), method, spec.path, {
              session: role === 'anonymous' ? undefined : world.sessions[role],
              ...(spec.body !== undefined && { body: spec.body }),
              ...(spec.headers && { headers: spec.headers }),
            });
            const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
            const outcome = recipe.expect[role];
            let problem = mismatch(outcome, { status: res.status, headers: res.headers, text }, markers);
            if (!problem && refuses(outcome) && (await copy.changes()) > 0)
              problem = 'refused, yet wrote to the database';
            if (problem)
              failures.push(`${label} as ${role}: ${res.status}, ${problem} (${outcome}) ${text.slice(0, 200)}`);
            row.push(`${res.status} ${outcome}${problem ? ' ✗' : ''}`);
            cells++;
          } finally {
            await copy.close();
          }
        }
        table.push(row);
      }
    }

    const header = ['route', ...ROLES];
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
    console.log(
      [
        `Authorization matrix: ${routes.length} routes, ${table.length} rows, ${cells} requests`,
        line(header),
        widths.map((w) => '─'.repeat(w)).join('─┼─'),
        ...table.map(line),
      ].join('\n'),
    );
    expect(routes.length).toBeGreaterThan(70);
    expect(failures).toEqual([]);
  });
});
