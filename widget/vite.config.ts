import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const widgetDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Library build of the embeddable widget into `dist/widget/`:
 * - `widget.js`: a tiny stable entry the embed snippet points at (served with a short cache);
 * - `widget/assets/book-[hash].js`: everything else, Lit included (served immutable for a year).
 * The entry is served at `/widget.js`, so its import of `./widget/assets/…` resolves to the assets route.
 */
export default defineConfig({
  root: widgetDir,
  logLevel: 'warn',
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
        chunkFileNames: 'widget/assets/[name]-[hash].js',
        minify: true,
        comments: false,
        codeSplitting: { groups: [{ name: 'book', test: /./ }] },
      },
    },
  },
});
