import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt, { type Token } from 'markdown-it';

/** Folders that hold no documentation of ours: dependencies, builds, data and test output. */
const SKIPPED = new Set(['node_modules', 'dist', 'data', '.git', '.artifacts']);

const md = new MarkdownIt({ html: true });

/** Every `.md` file under `root`, as paths relative to it. */
export function markdownFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(root, path);
    return entry.name.endsWith('.md') ? [relative(root, path)] : [];
  });
}

/** A link as written, and the line it is on. */
export interface Link {
  target: string;
  line: number;
}

/** The targets of every Markdown link and image (not those inside code), and of `href`/`src` in inline HTML. */
export function linksOf(source: string): Link[] {
  const links: Link[] = [];
  const walk = (tokens: Token[], first: number) => {
    let line = first;
    for (const token of tokens) {
      // Block tokens know their lines; inside a paragraph, count its line breaks.
      if (token.map) line = token.map[0] + 1;
      if (token.type === 'softbreak' || token.type === 'hardbreak') line += 1;
      const target =
        token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (target !== null) links.push({ target: String(target), line });
      if (token.type === 'html_block' || token.type === 'html_inline') {
        for (const m of token.content.matchAll(/\s(?:href|src)="([^"]*)"/g)) links.push({ target: m[1]!, line });
      }
      if (token.children) walk(token.children, line);
    }
  };
  walk(md.parse(source, {}), 1);
  return links;
}

/** The anchors GitHub gives the headings of a Markdown file (its slug rules, `-1` for a repeated heading). */
export function anchorsOf(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = md.parse(source, {});
  const anchors = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    // GitHub slugs the heading's rendered text: code spans keep their content, other markup is dropped.
    const text = (tokens[i + 1]?.children ?? [])
      .filter((child) => child.type === 'text' || child.type === 'code_inline')
      .map((child) => child.content)
      .join('');
    anchors.add(slugger.slug(text));
  });
  return anchors;
}

/** Why an external link is malformed, or null when it is a well-formed http(s) URL with a host. */
function externalProblem(target: string): string | null {
  try {
    const url = new URL(target);
    if (!/^[a-z0-9.-]+$/i.test(url.hostname) || !(url.hostname.includes('.') || url.hostname === 'localhost'))
      return 'no valid host';
    if (/\s/.test(target)) return 'contains white space';
    return null;
  } catch {
    return 'not a valid URL';
  }
}

/** Every link in the Markdown files under `root` that points nowhere, as `file:line: target (why)`. */
export function brokenLinks(root: string): string[] {
  const anchors = new Map<string, Set<string>>();
  const anchorsFor = (path: string) => {
    let set = anchors.get(path);
    if (!set) {
      set = anchorsOf(readFileSync(path, 'utf8'));
      anchors.set(path, set);
    }
    return set;
  };
  const problems: string[] = [];
  for (const file of markdownFiles(root)) {
    const path = join(root, file);
    for (const { target, line } of linksOf(readFileSync(path, 'utf8'))) {
      const report = (why: string) => problems.push(`${file}:${line}: ${target} (${why})`);
      if (/^https?:/i.test(target)) {
        const problem = externalProblem(target);
        if (problem) report(problem);
        continue;
      }
      if (/^mailto:[^@\s]+@[^@\s]+$/.test(target)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        report('unexpected scheme');
        continue;
      }
      const [pathPart = '', anchor] = target.split('#', 2);
      const linked = pathPart ? resolve(dirname(path), decodeURIComponent(pathPart.split('?')[0]!)) : path;
      if (pathPart.startsWith('/')) report('absolute path: links must be relative to work on GitHub and in a clone');
      else if (!existsSync(linked)) report('no such file');
      else if (
        anchor !== undefined &&
        statSync(linked).isFile() &&
        linked.endsWith('.md') &&
        !anchorsFor(linked).has(decodeURIComponent(anchor))
      ) {
        report(`no heading with this anchor in ${relative(root, linked)}`);
      } else if (anchor !== undefined && !linked.endsWith('.md')) report('anchors are checked only in Markdown files');
    }
  }
  return problems;
}
