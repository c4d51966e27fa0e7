import { isLocalHost } from '../outbound/address-guard.js';

/**
 * Why a URL cannot be a webhook endpoint, or null if it can. Only https, no credentials in it, and no literal
 * address outside the public internet; names are checked again on every delivery (address-guard.ts).
 * `allowPrivate` (WEBHOOKS_ALLOW_PRIVATE) lifts the last two rules for tests and a receiver on your own network.
 */
export function urlProblem(value: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'must be an https:// URL';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (!allowPrivate && isLocalHost(url.hostname)) return 'must be reachable on the public internet';
  return null;
}
