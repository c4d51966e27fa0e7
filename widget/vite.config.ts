import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const widgetDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Library build of the embeddable widget into `dist/widget/`:
 * - `widget.js`: a tiny stable entry the embed snippet points at (served with a short cache);
 * - `widget/assets/book-[hash].js`: everything else, Lit included (served immutable for a year);
 * - `widget/assets/lazy-[hash].js`: the waitlist, and recurring appointments, each imported when a customer first
 *   needs it.
 * The entry is served at `/widget.js`, so its import of `./widget/assets/…` resolves to the assets route.
 */
export default defineConfig({
  root: widgetDir,
  logLevel: 'warn',
  plugins: [minifyTemplatesPlugin()],
  build: {
    outDir: fileURLToPath(new URL('../dist/widget', import.meta.url)),
    emptyOutDir: true,
    target: 'es2021',
    minify: 'oxc',
    lib: {
      entry: fileURLToPath(new URL('index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'widget.js',
    },
    rolldownOptions: {
      output: {
        // A lazily loaded part (the waitlist, recurring appointments) is `lazy-…`: the first screen never downloads
        // it, so the budget leaves it out (build.mjs).
        chunkFileNames: (chunk) => `widget/assets/${chunk.isDynamicEntry ? 'lazy' : '[name]'}-[hash].js`,
        minify: true,
        comments: false,
        codeSplitting: { groups: [{ name: 'book', test: /^(?!.*[\\/]widget[\\/](waitlist|repeat)[\\/])/ }] },
      },
    },
  },
});
