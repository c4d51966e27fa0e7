import { createHash, randomBytes } from 'node:crypto';
import type { CalendarKind } from './calendar.table.js';

/** What connecting an account with OAuth 2 (authorization code + PKCE) needs from a calendar service. */
export interface OAuthFlow {
  kind: CalendarKind;
  /** Where to send the provider's browser to consent. */
  authorizationUrl(request: { state: string; codeChallenge: string; redirectUri: string }): string;
  /** Trades the code from the redirect for a refresh token, and says whose account it is. */
  exchange(request: {
    code: string;
    codeVerifier: string;
    redirectUri: string;
  }): Promise<{ refreshToken: string; accountEmail: string | null }>;
}

/** A PKCE pair (RFC 7636, S256): the verifier stays with us, the challenge goes in the URL. */
export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
