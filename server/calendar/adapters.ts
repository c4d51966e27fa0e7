import type { Sealer } from '../crypto/seal.js';
import type { Db } from '../db/connect.js';
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

function refreshTokenOf(connection: CalendarConnectionRow, deps: AdapterDeps): string {
  if (!connection.refresh_token_enc)
    throw new CalendarCallError('auth', 'no refresh token stored; connect the calendar again');
  const token = deps.cipher.open(connection.refresh_token_enc);
  if (token === undefined)
    throw new CalendarCallError(
      'auth',
      'the stored refresh token cannot be opened (was SECRET_KEY changed?); connect the calendar again',
    );
  return token;
}

/** One line per calendar service: a new one (CalDAV) is a new adapter file and a line here. */
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
