import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { RouterRoute } from 'hono/types';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { siteHeaders } from '../site/site-headers.js';
import { type DocumentInfo, openApiDocument } from './openapi.document.js';

export interface OpenApiDeps {
  /** The app's routes, read on the first request: the document is built once, when every route is mounted. */
  routes: () => readonly RouterRoute[];
  info: DocumentInfo;
}

/** Scalar's browser bundle, served from our origin: the page loads nothing from elsewhere. */
const scalarDir = join(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference/style.css')), 'browser');

/** Gives Scalar's `<style>` elements the page's nonce (see the file). */
// Two folders down from the root both here and in the built dist/server/main.js.
const referenceInit = readFileSync(new URL('../../server/openapi/reference-init.js', import.meta.url), 'utf8');

/** The reference page: Scalar reads the document's URL and its settings from the script element's data. */
function referencePage(nonce: string, title: string): string {
  // Nothing that calls Scalar's own services (fonts, AI agent, MCP, telemetry): the page talks to us only.
  const settings = JSON.stringify({
    withDefaultFonts: false,
    telemetry: false,
    showDeveloperTools: 'never',
    agent: { disabled: true },
    mcp: { disabled: true },
    hideClientButton: true,
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" content="${nonce}">
<title>${title}</title>
</head>
<body>
<script id="api-reference" data-url="/api/openapi.json" data-configuration="${settings.replaceAll('"', '&quot;')}"></script>
<script src="/docs/api/init.js"></script>
<script src="/docs/api/scalar/standalone.js"></script>
</body>
</html>`;
}

/**
 * `GET /api/openapi.json` (the OpenAPI 3.1 document of the API, generated from the routes' own `describe()` and
 * `validate()`), and `/docs/api`, a reference page (Scalar) under the site's CSP. Scalar adds its styles in
 * `<style>` elements, allowed by a nonce fresh for each page; nothing else is relaxed.
 */
export function openApiRoutes(deps: OpenApiDeps) {
  let document: string | undefined;
  return new Hono<AppEnv>()
    .get(
      '/api/openapi.json',
      describe({
        summary: 'This document',
        description: 'The OpenAPI 3.1 description of the API, generated from the schemas the routes validate with.',
        responses: {
          200: {
            description: 'An OpenAPI 3.1 document',
            schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
          },
        },
      }),
      (c) => {
        document ??= JSON.stringify(openApiDocument(deps.routes(), deps.info));
        return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' });
      },
    )
    .get('/docs/api', async (c) => {
      const nonce = randomBytes(16).toString('base64');
      await siteHeaders({ frameAncestors: "'self'", styleNonce: nonce })(c, async () => {
        c.res = await c.html(referencePage(nonce, deps.info.title));
      });
      return c.res;
    })
    .get('/docs/api/init.js', (c) =>
      c.body(referenceInit, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
    )
    .get('/docs/api/scalar/:file{(?:chunks/)?[\\w.-]+\\.js}', async (c) => {
      const body = await readFile(join(scalarDir, c.req.param('file'))).catch(() => null);
      if (!body) throw AppError.notFound('Reference page asset');
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
      });
    });
}
