import type { MiddlewareHandler } from 'hono';

export interface SiteHeadersOptions {
  /** Who may frame the page: `'none'` for signed-in areas (clickjacking), `'self'` for public pages. */
  frameAncestors: "'none'" | "'self'";
  /** A nonce for `<style>` elements of a page whose library adds them (the API reference); none by default. */
  styleNonce?: string;
}

/**
 * Security headers for the site's HTML pages, on top of the app-wide ones (nosniff, Referrer-Policy,
 * X-Frame-Options). The CSP allows our own files only: no inline script at all (page data travels in
 * `<script type="application/json">`, which is never executed), no inline styles, no plugins, no `<base>`.
 * See https://owasp.org/www-project-secure-headers/ and https://www.w3.org/TR/CSP3/.
 */
export const siteHeaders = (options: SiteHeadersOptions): MiddlewareHandler =>
  async function siteHeadersMiddleware(c, next) {
    await next();
    // Set on the answer itself, not with `c.header`, which copies a finished answer through a stream each call.
    const headers = c.res.headers;
    headers.set(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        "script-src 'self'",
        options.styleNonce ? `style-src 'self' 'nonce-${options.styleNonce}'` : "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        `frame-ancestors ${options.frameAncestors}`,
      ].join('; '),
    );
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    // Pages show who is signed in: never from a shared cache.
    headers.set('Cache-Control', 'private, no-cache');
  };
