import type { Sealer } from '../crypto/seal.js';
import type { Db } from '../db/connect.js';
import { caldavCalendarAdapter } from './caldav/caldav.adapter.js';
import { davFetch } from './caldav/caldav.http.js';
import type { CalendarConfig } from './calendar.config.js';
import type { CalendarConnectionRow, CalendarKind } from './calendar.table.js';
import { type CalendarAdapter, CalendarCallError } from './calendar.types.js';
import { updateConnection } from './connections.repository.js';
import { googleCalendarAdapter } from './google/google.adapter.js';
import { type GoogleAuthClient, googleCalendarApi, googleSettingsOf, googleUserAuth } from './google/google.client.js';
import { graphCalendarAdapter } from './microsoft/graph.adapter.js';
import { graphTokens } from './microsoft/graph.tokens.js';

export interface AdapterDeps {
  db: Db;
  now: () => Date;
  config: CalendarConfig;
  appUrl: string;
  cipher: Sealer;
  /** The app account for shared calendars (null: shared mode is not configured). */
  appAuth: GoogleAuthClient | null;
}

type Factory = (connection: CalendarConnectionRow, deps: AdapterDeps) => CalendarAdapter;

/** A sealed credential of the connection (a refresh token, an app password), opened. */
function secretOf(sealed: string | null, what: string, deps: AdapterDeps): string {
  if (!sealed) throw new CalendarCallError('auth', `no ${what} stored; connect the calendar again`);
  const secret = deps.cipher.open(sealed);
  if (secret === undefined)
    throw new CalendarCallError(
      'auth',
      `the stored ${what} cannot be opened (was SECRET_KEY changed?); connect the calendar again`,
    );
  return secret;
}

const refreshTokenOf = (connection: CalendarConnectionRow, deps: AdapterDeps) =>
  secretOf(connection.refresh_token_enc, 'refresh token', deps);

/** One line per calendar service: a new one is a new adapter file and a line here. */
const factories: Record<CalendarKind, Factory> = {
  google_shared(connection, deps) {
    if (!deps.appAuth)
      throw new CalendarCallError(
        'config',
        'server configuration error: the app Google account is not configured (GOOGLE_REFRESH_TOKEN or GOOGLE_SERVICE_ACCOUNT_JSON)',
      );
    return googleCalendarAdapter({
      api: googleCalendarApi(deps.appAuth, googleSettingsOf(deps.config)),
      auth: deps.appAuth,
      calendarId: connection.calendar_id ?? 'primary',
      busyCalendarIds: [],
      appHost: new URL(deps.appUrl).hostname,
      now: () => deps.now().getTime(),
    });
  },
  google_oauth(connection, deps) {
    const settings = googleSettingsOf(deps.config);
    const auth = googleUserAuth(settings, refreshTokenOf(connection, deps));
    // Google may hand out a new refresh token with an access token; keep the newest.
    auth.on('tokens', (tokens) => {
      if (tokens.refresh_token) {
        void updateConnection(
          deps.db,
          connection.id,
          { refresh_token_enc: deps.cipher.seal(tokens.refresh_token) },
          deps.now(),
        );
      }
    });
    const calendarId = connection.calendar_id ?? 'primary';
    const isPrimary = calendarId === 'primary' || calendarId === connection.account_email;
    return googleCalendarAdapter({
      api: googleCalendarApi(auth, settings),
      auth,
      calendarId,
      // Events go to another calendar: the primary one's busy times count too.
      busyCalendarIds: isPrimary ? [] : ['primary'],
      appHost: new URL(deps.appUrl).hostname,
      now: () => deps.now().getTime(),
    });
  },
  microsoft(connection, deps) {
    const { microsoft, timeoutMs } = deps.config;
    const now = () => deps.now().getTime();
    const tokens = graphTokens(
      { ...microsoft, timeoutMs },
      refreshTokenOf(connection, deps),
      (token) => updateConnection(deps.db, connection.id, { refresh_token_enc: deps.cipher.seal(token) }, deps.now()),
      now,
    );
    return graphCalendarAdapter({
      baseUrl: microsoft.graphBaseUrl,
      tokens,
      calendarId: connection.calendar_id,
      timeoutMs,
      now,
    });
  },
  caldav(connection, deps) {
    if (!connection.dav_home_url || !connection.calendar_id || !connection.account_email)
      throw new CalendarCallError('auth', 'the CalDAV connection is incomplete; connect the calendar again');
    const credentials = {
      username: connection.account_email,
      password: secretOf(connection.password_enc, 'app password', deps),
    };
    return caldavCalendarAdapter({
      homeUrl: connection.dav_home_url,
      calendarUrl: connection.calendar_id,
      fetch: davFetch(credentials, {
        timeoutMs: deps.config.timeoutMs,
        now: () => deps.now().getTime(),
        allowPrivate: deps.config.caldav.allowPrivate,
      }),
      appUrl: deps.appUrl,
    });
  },
};

/**
 * The adapter for a connection, kept while the connection stays the same so its access token
 * is reused between calls rather than fetched for each one. Reconnecting makes a new connection
 * (a new id); choosing another calendar changes the key.
 */
export function adapterRegistry(deps: AdapterDeps): (connection: CalendarConnectionRow) => CalendarAdapter {
  const cache = new Map<number, { key: string; adapter: CalendarAdapter }>();
  return (connection) => {
    const key = [connection.kind, connection.calendar_id, connection.account_email].join('|');
    const cached = cache.get(connection.id);
    if (cached?.key === key) return cached.adapter;
    const adapter = factories[connection.kind](connection, deps);
    cache.set(connection.id, { key, adapter });
    return adapter;
  };
}
