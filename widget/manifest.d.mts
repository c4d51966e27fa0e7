import type { Package } from 'custom-elements-manifest/schema.js';

/** Runs @custom-elements-manifest/analyzer over `<book-services>`; writes `dist/widget/custom-elements.json` unless `write` is false. */
export function widgetManifest(options?: { write?: boolean }): Promise<Package>;
