import { createRequire } from 'node:module';
import type * as GoogleCalendarModule from 'googleapis/build/src/apis/calendar/index.js';
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar/index.js';
import type { CalendarConfig } from '../calendar.config.js';

/**
 * The calendar module of googleapis alone: the same client as `google.calendar()`, without loading the other few
 * hundred APIs (about two seconds of start-up). Even alone it takes a good part of a second to load, so it is
 * loaded (a CommonJS module: synchronously) when a Google client is first made, not when the server starts.
 */
let loaded: typeof GoogleCalendarModule | undefined;
const googleapis = (): typeof GoogleCalendarModule =>
  (loaded ??= createRequire(import.meta.url)('googleapis/build/src/apis/calendar/index.js'));

export type OAuth2Client = InstanceType<typeof GoogleCalendarModule.auth.OAuth2>;
/** The app account in shared-calendar mode: an OAuth client with a refresh token, or a service account. */
export type GoogleAuthClient = OAuth2Client | InstanceType<typeof GoogleCalendarModule.auth.JWT>;
export type GoogleCalendarApi = calendar_v3.Calendar;

/** The app account manages calendars and their sharing; a provider's own account only events and busy times. */
export const APP_ACCOUNT_SCOPES = ['https://www.googleapis.com/auth/calendar'];
export const PROVIDER_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.readonly',
];

export type GoogleSettings = CalendarConfig['google'] & { timeoutMs: number };

/** The Google part of the calendar configuration, with the call timeout every client needs. */
export const googleSettingsOf = (config: CalendarConfig): GoogleSettings => ({
  ...config.google,
  timeoutMs: config.timeoutMs,
});

// Token requests get the same timeout, and no retries of their own: the sync worker owns retrying.
const transporterOptions = (timeoutMs: number) => ({
  timeout: timeoutMs,
  retryConfig: { retry: 0, noResponseRetries: 0 },
});

/** An OAuth client of this app (GOOGLE_CLIENT_ID/SECRET) talking to GOOGLE_OAUTH_TOKEN_URL. */
export function googleOAuthClient(settings: GoogleSettings, redirectUri?: string): OAuth2Client {
  return new (googleapis().auth.OAuth2)({
    ...(settings.clientId && { clientId: settings.clientId }),
    ...(settings.clientSecret && { clientSecret: settings.clientSecret }),
    ...(redirectUri && { redirectUri }),
    endpoints: { oauth2TokenUrl: settings.oauthTokenUrl, oauth2AuthBaseUrl: settings.oauthAuthUrl },
    transporterOptions: transporterOptions(settings.timeoutMs),
  });
}

/** An OAuth client acting for whoever granted `refreshToken`. */
export function googleUserAuth(settings: GoogleSettings, refreshToken: string): OAuth2Client {
  const client = googleOAuthClient(settings);
  client.setCredentials({ refresh_token: refreshToken });
  return client;
}

/**
 * The app account for shared calendars, or null when none is configured. The refresh token is
 * preferred: a service account always fetches its tokens from Google's fixed URL, so only the
 * refresh-token path can be pointed at a test server or proxy.
 */
export function googleAppAuth(settings: GoogleSettings): GoogleAuthClient | null {
  if (settings.appRefreshToken && settings.clientId && settings.clientSecret)
    return googleUserAuth(settings, settings.appRefreshToken);
  if (settings.serviceAccount) {
    return new (googleapis().auth.JWT)({
      email: settings.serviceAccount.clientEmail,
      key: settings.serviceAccount.privateKey,
      scopes: APP_ACCOUNT_SCOPES,
      transporterOptions: transporterOptions(settings.timeoutMs),
    });
  }
  return null;
}

/** The real googleapis Calendar v3 client, with `retry: false` and a timeout on every call. */
export function googleCalendarApi(authClient: GoogleAuthClient, settings: GoogleSettings): GoogleCalendarApi {
  return googleapis().calendar({
    version: 'v3',
    rootUrl: settings.apiRootUrl,
    auth: authClient,
    retry: false,
    timeout: settings.timeoutMs,
  });
}
