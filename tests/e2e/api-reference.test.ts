/**
 * The API reference page (`/docs/api`) in headless Chromium, served by the real app on 127.0.0.1: Scalar, loaded
 * from our own origin, renders the operations of `/api/openapi.json` under the site's CSP, with no CSP violation,
 * no script error and no request to another origin.
 */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromePath, chromiumArgs, reducedMotion } from '../support/chromium.mjs';
import { bindFirst } from '../support/server.js';
import { createTestContext } from '../support/test-app.js';

describe('the API reference page', () => {
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;

  beforeAll(async () => {
    const server = await bindFirst();
    base = server.url;
    close = server.close;
    const ctx = await createTestContext({ config: { appUrl: base } });
    server.serve(ctx.app);
    browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('renders the operations from our origin under the CSP', async () => {
    const page = await browser.newPage(reducedMotion);
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.text().startsWith('CSP violation')) problems.push(m.text().slice(0, 200));
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });

    const res = await page.goto(`${base}/docs/api`);
    expect(res?.status()).toBe(200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'$|style-src 'self' 'nonce-[A-Za-z0-9+/=]+';/);
    expect(csp).not.toContain('unsafe-inline');

    await page.getByText('Book your services API').first().waitFor();
    await page.getByText('The process answers').first().waitFor();
    // A tag opened from the sidebar shows its operations, their parameters and answers from the document.
    await page.getByText('bookings', { exact: true }).first().click();
    await page.getByText('Book a slot').first().waitFor();
    await page.getByText('A booking, for its customer').first().waitFor();
    await page.getByText('Idempotency-Key', { exact: false }).first().waitFor();
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});
