import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Site pages and the widget are served from their builds: build them once if a fresh clone has none. */
export default function setup(): void {
  for (const [script, output] of [
    ['build:widget', 'dist/widget/widget.js'],
    ['build:site', 'dist/site/assets'],
  ] as const) {
    if (!existsSync(`${root}${output}`)) execFileSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  }
}
