// `npm start`: builds the widget, the site and the server when a build is missing or older than its sources, then
// runs the compiled server in this same process. With a current build, start-up is loading one JavaScript file.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** What `npm run build` writes; the oldest of them must be newer than every source. */
const OUTPUTS = ['dist/server/main.js', 'dist/widget/widget.js', 'dist/site/.vite/manifest.json'];
const SOURCES = ['server', 'widget', 'site', 'package-lock.json'];

function newestIn(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestIn(join(path, entry)));
  }
  return newest;
}

function builtAt() {
  try {
    return Math.min(...OUTPUTS.map((output) => statSync(join(root, output)).mtimeMs));
  } catch {
    return -1; // something is missing
  }
}

if (builtAt() < Math.max(...SOURCES.map((source) => newestIn(join(root, source))))) {
  console.log('Building the widget, the site and the server (npm run build)…');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
await import(join(root, 'dist/server/main.js'));
