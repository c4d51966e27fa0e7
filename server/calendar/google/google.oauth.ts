import { CalendarCallError } from '../calendar.types.js';
import type { OAuthFlow } from '../oauth.types.js';
import {
  type GoogleSettings,
  googleCalendarApi,
  googleOAuthClient,
  googleUserAuth,
  type OAuth2Client,
  PROVIDER_SCOPES,
} from './google.client.js';
import { classifyGoogleError } from './google.errors.js';

// google-auth-library types the method as an enum it does not re-export through googleapis.
type AuthUrlOptions = NonNullable<Parameters<OAuth2Client['generateAuthUrl']>[0]>;
const S256 = 'S256' as NonNullable<AuthUrlOptions['code_challenge_method']>;

/** "Connect your Google account": offline access (a refresh token), PKCE and state. */
export function googleOAuthFlow(settings: GoogleSettings): OAuthFlow {
  return {
    kind: 'google_oauth',
    authorizationUrl({ state, codeChallenge, redirectUri }) {
      return googleOAuthClient(settings, redirectUri).generateAuthUrl({
        access_type: 'offline',
        // Without consent Google sends a refresh token only the first time an account connects.
        prompt: 'consent',
        include_granted_scopes: true,
        scope: PROVIDER_SCOPES,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: S256,
      });
    },
    async exchange({ code, codeVerifier, redirectUri }) {
      try {
        const { tokens } = await googleOAuthClient(settings, redirectUri).getToken({
          code,
          codeVerifier,
          redirect_uri: redirectUri,
        });
        if (!tokens.refresh_token)
          throw new CalendarCallError('auth', 'Google sent no refresh token; please connect again');
        // The primary calendar's id is the account's address.
        const api = googleCalendarApi(googleUserAuth(settings, tokens.refresh_token), settings);
        const primary = await api.calendars.get({ calendarId: 'primary' });
        return { refreshToken: tokens.refresh_token, accountEmail: primary.data.id ?? null };
      } catch (error) {
        throw classifyGoogleError(error, Date.now());
      }
    },
  };
}
