import { CalendarCallError } from '../calendar.types.js';
import { graphCall } from './graph.http.js';

export const GRAPH_SCOPES = 'offline_access User.Read Calendars.ReadWrite';

export interface GraphAuthSettings {
  clientId: string | null;
  clientSecret: string | null;
  /** `https://login.microsoftonline.com/common` (or a tenant). */
  authorityUrl: string;
  timeoutMs: number;
}

export interface GraphTokens {
  /** A valid access token, refreshed when it is about to expire. */
  accessToken(): Promise<string>;
  /** The cached access token was refused: fetch a new one next time. */
  invalidate(): void;
}

interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

export const tokenUrlOf = (authorityUrl: string) => `${authorityUrl}/oauth2/v2.0/token`;

/** Asks the Microsoft identity platform for tokens (code or refresh-token grant). */
export async function requestTokens(
  settings: GraphAuthSettings,
  grant: Record<string, string>,
  now: () => number,
): Promise<TokenAnswer> {
  if (!settings.clientId || !settings.clientSecret)
    throw new CalendarCallError('config', 'server configuration error: MS_CLIENT_ID and MS_CLIENT_SECRET are not set');
  return graphCall<TokenAnswer>({
    method: 'POST',
    url: tokenUrlOf(settings.authorityUrl),
    form: { client_id: settings.clientId, client_secret: settings.clientSecret, scope: GRAPH_SCOPES, ...grant },
    timeoutMs: settings.timeoutMs,
    now,
  });
}

/**
 * Access tokens for one connection. Microsoft hands out a new refresh token with every refresh
 * (https://learn.microsoft.com/entra/identity-platform/refresh-tokens): `saveRefreshToken` keeps the
 * newest, sealed. Concurrent callers share one refresh.
 */
export function graphTokens(
  settings: GraphAuthSettings,
  refreshToken: string,
  saveRefreshToken: (token: string) => Promise<void>,
  now: () => number,
): GraphTokens {
  let current = refreshToken;
  let cached: { token: string; expiresAt: number } | null = null;
  let refreshing: Promise<string> | null = null;

  const refresh = async (): Promise<string> => {
    const answer = await requestTokens(settings, { grant_type: 'refresh_token', refresh_token: current }, now);
    if (answer.refresh_token && answer.refresh_token !== current) {
      current = answer.refresh_token;
      await saveRefreshToken(current);
    }
    // A minute early, so a token never runs out mid-call.
    cached = { token: answer.access_token, expiresAt: now() + (answer.expires_in - 60) * 1000 };
    return answer.access_token;
  };

  return {
    async accessToken() {
      if (cached && cached.expiresAt > now()) return cached.token;
      refreshing ??= refresh().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
    invalidate() {
      cached = null;
    },
  };
}
