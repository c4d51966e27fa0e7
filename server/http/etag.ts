import { createHash } from 'node:crypto';

/** A strong entity tag for these bytes: the same bytes give the same tag in any process, at any time. */
export const entityTag = (bytes: Uint8Array): string =>
  `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

/**
 * Whether `If-None-Match` names `etag`: a list of tags or `*`, compared weakly as RFC 9110 §13.1.2 asks
 * (a `W/` prefix is ignored). See https://www.rfc-editor.org/rfc/rfc9110#field.if-none-match
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || (t.startsWith('W/') ? t.slice(2) : t) === etag;
  });
}
