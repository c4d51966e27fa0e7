import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchorsOf, brokenLinks, markdownFiles } from './markdown-links.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('Markdown links', () => {
  it('finds the documents a newcomer reads', () => {
    const files = markdownFiles(repo);
    for (const doc of ['README.md', 'CONTRIBUTING.md', 'docs/architecture.md', 'widget/README.md', 'bench/README.md']) {
      expect(files).toContain(doc);
    }
  });

  it('every relative link reaches a file, every anchor a heading, every web address is well-formed', () => {
    expect(brokenLinks(repo)).toEqual([]);
  });

  it('slugs headings as GitHub does', () => {
    const anchors = anchorsOf(
      "# Admin API (`/api/admin/calendar`, signed-in provider)\n## Booking → outbox → workers\n## A token's life\n## Tests\n## Tests\n",
    );
    expect([...anchors]).toEqual([
      'admin-api-apiadmincalendar-signed-in-provider',
      'booking--outbox--workers',
      'a-tokens-life',
      'tests',
      'tests-1',
    ]);
  });

  it('reports missing files, missing anchors and malformed addresses, and ignores links in code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/topic.md'), '# Topic\n\n## Set-up\n');
    writeFileSync(
      join(dir, 'README.md'),
      [
        '# Readme',
        '[ok](docs/topic.md#set-up) [self](#readme) [web](https://example.com/a?b#c)',
        '[gone](docs/missing.md)',
        '[no anchor](docs/topic.md#setup)',
        '[bad web](https://intranet/page)',
        '<img src="docs/none.png" alt="">',
        '`[in code](docs/nowhere.md)`',
        '```md\n[in a block](docs/nowhere.md)\n```',
      ].join('\n'),
    );
    expect(brokenLinks(dir)).toEqual([
      'README.md:3: docs/missing.md (no such file)',
      'README.md:4: docs/topic.md#setup (no heading with this anchor in docs/topic.md)',
      'README.md:5: https://intranet/page (no valid host)',
      'README.md:6: docs/none.png (no such file)',
    ]);
  });
});
