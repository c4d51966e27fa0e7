/**
 * `npm run lint:layers`: the rules of .dependency-cruiser.cjs, plus no cycle between server folders.
 * dependency-cruiser's `circular` sees files; two folders can still need each other through files that do not
 * form a cycle (bookings → slots/loader, slots/cache → bookings/events), which is what this adds.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IModule } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** The three trees the rules are about (tests and bench may reach into anything). */
export const CHECKED = ['server', 'widget', 'site'];

/**
 * The unit of layering a server file belongs to: its top folder (`server/calendar/google/x.ts` → `server/calendar`),
 * or itself for a file at server/'s root. A `<feature>.table.ts` counts with server/db, which composes it: table
 * types are the schema every feature shares (the rules keep them free of feature code).
 */
export function layerOf(file: string): string | undefined {
  const parts = file.split('/');
  if (parts[0] !== 'server') return undefined;
  if (parts.length === 2) return file;
  if (parts.length === 3 && parts[2]!.endsWith('.table.ts')) return 'server/db';
  return `${parts[0]}/${parts[1]}`;
}

/** Each cycle between layers, as the folders in it and one import per step that makes it. */
export function folderCycles(modules: Pick<IModule, 'source' | 'dependencies'>[]): string[][] {
  const edges = new Map<string, Map<string, string>>(); // from layer → to layer → an example import
  for (const m of modules) {
    const from = layerOf(m.source);
    if (!from) continue;
    for (const d of m.dependencies) {
      const to = layerOf(d.resolved);
      if (!to || to === from) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${m.source} → ${d.resolved}`);
      edges.set(from, out);
    }
  }
  return stronglyConnected(edges)
    .filter((component) => component.length > 1)
    .map((component) => {
      const members = new Set(component);
      const steps = component.flatMap((from) =>
        [...(edges.get(from) ?? [])].filter(([to]) => members.has(to)).map(([, example]) => `  ${example}`),
      );
      return [component.sort().join(' ↔ '), ...steps.sort()];
    });
}

/** Tarjan's strongly connected components. */
function stronglyConnected(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return components;
}

/** The repository this script belongs to, whose rules it applies. */
const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Cruises the trees under `root` with the repository's rules; one line per problem (none: the layering holds). */
export async function checkLayers(root = REPO): Promise<string[]> {
  const options = await extractDepcruiseOptions(path.join(REPO, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(path.join(REPO, 'tsconfig.json'));
  const trees = CHECKED.filter((tree) => existsSync(path.join(root, tree)));
  const { output } = await cruise(trees, { ...options, baseDir: root, outputType: 'json' }, {}, { tsConfig });
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  const broken = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  const cycles = folderCycles(result.modules).map((lines) => `folder-cycle: ${lines.join('\n')}`);
  return [...broken, ...cycles];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = await checkLayers();
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length === 0 ? 'layers: no violation, no folder cycle' : `layers: ${problems.length} problem(s)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
