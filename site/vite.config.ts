import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { accessibility } from '../widget/styles/shared.js';
import { hostTokens } from '../widget/styles/tokens.js';
import { controls } from './styles/controls.js';

const siteDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * CSS written once in TypeScript, served to pages as virtual modules, so pages and components can never drift apart:
 * the widget's design tokens (`widget/styles/tokens.ts`) as page-level custom properties on `:root`
 * (`<html data-theme="auto">` follows the OS like the widget does), and the focus ring, `.sr-only`, buttons and form
 * controls that components adopt too (`widget/styles/shared.ts`, `styles/controls.ts`).
 */
function sharedCss(): Plugin {
  const modules: Record<string, string> = {
    'virtual:book-tokens.css': hostTokens.cssText
      .replace(/:host\(\[theme=/g, ':root[data-theme=')
      .replace(/'\]\)/g, "']")
      .replace(/:host/g, ':root'),
    'virtual:book-controls.css': accessibility.cssText + controls.cssText,
  };
  return {
    name: 'book-shared-css',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') ? modules[id.slice(1)] : undefined),
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
  plugins: [sharedCss()],
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
