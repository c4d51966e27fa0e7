import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { hostTokens } from '../widget/styles/tokens.js';

const siteDir = fileURLToPath(new URL('.', import.meta.url));
const TOKENS_ID = 'virtual:book-tokens.css';

/**
 * The widget's design tokens as page-level CSS (`:root`), generated from `widget/styles/tokens.ts` at build time
 * so the site and the widget can never drift apart. `<html data-theme="auto">` follows the OS like the widget does.
 */
function designTokens(): Plugin {
  const css = hostTokens.cssText
    .replace(/:host\(\[theme=/g, ':root[data-theme=')
    .replace(/'\]\)/g, "']")
    .replace(/:host/g, ':root');
  return {
    name: 'book-design-tokens',
    resolveId: (id) => (id === TOKENS_ID ? `\0${TOKENS_ID}` : undefined),
    load: (id) => (id === `\0${TOKENS_ID}` ? css : undefined),
  };
}

/**
 * The hosted site: one entry (`main.ts`) that loads the module of the page the server rendered, code-split per
 * page, into `dist/site/` with a manifest the server reads to link the hashed files. Served under `/site/`.
 */
export default defineConfig({
  root: siteDir,
  base: '/site/',
  logLevel: 'warn',
  plugins: [designTokens()],
  build: {
    outDir: fileURLToPath(new URL('../dist/site', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    target: 'es2021',
    cssCodeSplit: true,
    rolldownOptions: {
      input: { main: fileURLToPath(new URL('main.ts', import.meta.url)) },
      output: { comments: false },
    },
  },
});
