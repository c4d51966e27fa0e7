// The widget's templates and styles are downloaded as written: the JS minifier leaves a template literal's text alone,
// so every line break and indentation of an `html`/`css` template reaches the browser. Collapsing each run of
// whitespace that holds a line break to one space renders the same (HTML and CSS treat both alike; the widget has
// no <pre>, and its <textarea> is written on one line) and keeps the first screen inside its budget.
import { parseAst } from 'vite';

const TAGS = new Set(['html', 'css', 'svg']);

/**
 * `code` with the whitespace of its `html`, `css` and `svg` tagged templates collapsed (only runs that contain a line
 * break: spaces within a line are left as they are).
 * @param {string} code JavaScript (TypeScript already stripped)
 * @returns {string}
 */
export function minifyTemplates(code) {
  /** @type {{ start: number, end: number, css: boolean }[]} */
  const quasis = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS.has(node.tag.name)) {
      for (const q of node.quasi.quasis) quasis.push({ start: q.start, end: q.end, css: node.tag.name === 'css' });
    }
    for (const key in node) if (key !== 'type' && typeof node[key] === 'object') visit(node[key]);
  };
  visit(parseAst(code));
  let out = '';
  let at = 0;
  for (const { start, end, css } of quasis.sort((a, b) => a.start - b.start)) {
    const text = code.slice(start, end).replace(/\s*\n\s*/g, ' ');
    // CSS needs no space around braces and semicolons, nor after a colon or a comma (`display:block`, `a,b`).
    // Strings inside the CSS are not spared: a style with `content: ', '` would lose its space (none has one).
    out += code.slice(at, start) + (css ? text.replace(/\s*([{};])\s*/g, '$1').replace(/([:,])\s+/g, '$1') : text);
    at = end;
  }
  return out + code.slice(at);
}

/** Vite plugin: `minifyTemplates` on the widget's own modules, after TypeScript is stripped. */
export const minifyTemplatesPlugin = () => ({
  name: 'book-minify-templates',
  enforce: 'post',
  apply: 'build',
  transform(code, id) {
    if (id.includes('node_modules') || !/\.ts$/.test(id)) return undefined;
    return { code: minifyTemplates(code), map: null };
  },
});
