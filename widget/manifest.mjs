// The widget's Custom Elements Manifest, from the JSDoc of <book-services> with the repository's
// custom-elements-manifest.config.mjs. `npm run build:widget` writes it to dist/widget/ (served at
// /custom-elements.json); the tests read it without writing.
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs the analyzer over the widget's source.
 * @param {{ write?: boolean }} [options] write `dist/widget/custom-elements.json` (default true)
 * @returns {Promise<import('custom-elements-manifest/schema').Package>} the manifest
 */
export function widgetManifest({ write = true } = {}) {
  const argv = ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'];
  return cli({ argv, cwd: root, noWrite: !write });
}
