import type { Plugin } from 'vite';

/** `code` with the whitespace of its `html`, `css` and `svg` tagged templates collapsed. */
export function minifyTemplates(code: string): string;
/** Vite plugin: `minifyTemplates` on the widget's own modules, after TypeScript is stripped. */
export function minifyTemplatesPlugin(): Plugin;
