import { CalendarCallError } from '../calendar.types.js';
import type { OAuthFlow } from '../oauth.types.js';
import { graphCall } from './graph.http.js';
import { GRAPH_SCOPES, type GraphAuthSettings, requestTokens } from './graph.tokens.js';

/** "Connect your Outlook calendar": the identity platform's code flow with PKCE and state. */
export function graphOAuthFlow(settings: GraphAuthSettings & { graphBaseUrl: string }): OAuthFlow {
  return {
    kind: 'microsoft',
    authorizationUrl({ state, codeChallenge, redirectUri }) {
      const params = new URLSearchParams({
        client_id: settings.clientId ?? '',
        response_type: 'code',
        redirect_uri: redirectUri,
        response_mode: 'query',
        scope: GRAPH_SCOPES,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        prompt: 'select_account',
      });
      return `${settings.authorityUrl}/oauth2/v2.0/authorize?${params}`;
    },
    async exchange({ code, codeVerifier, redirectUri }) {
      const tokens = await requestTokens(
        settings,
        { grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri },
        Date.now,
      );
      if (!tokens.refresh_token)
        throw new CalendarCallError('auth', 'Microsoft sent no refresh token (is offline_access granted?)');
      const me = await graphCall<{ mail?: string | null; userPrincipalName?: string }>({
        method: 'GET',
        url: `${settings.graphBaseUrl}/me?$select=mail,userPrincipalName`,
        headers: { Authorization: `Bearer ${tokens.access_token}` },
        timeoutMs: settings.timeoutMs,
        now: Date.now,
      });
      return { refreshToken: tokens.refresh_token, accountEmail: me.mail ?? me.userPrincipalName ?? null };
    },
  };
}
