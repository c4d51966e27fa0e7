import type { Page } from 'playwright-core';

/** Records a page's script errors and console errors in `problems`, which a browser test expects empty at its end. */
export function watchProblems(page: Page, problems: string[]): Page {
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${page.url()}: ${m.text().slice(0, 160)}`);
  });
  return page;
}
