import { generateToken, hashToken } from '../auth/tokens.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { isLocalHost } from '../outbound/address-guard.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { mayManageBusiness } from '../team/roles.js';
import type { TeamMemberRow } from '../team/team.table.js';
import type { AdapterDeps } from './adapters.js';
import type { BusyCache } from './busy.cache.js';
import { choicesOf, discoverHome, listDavCalendars } from './caldav/caldav.discovery.js';
import { davFetch } from './caldav/caldav.http.js';
import type { CalendarConnectionRow } from './calendar.table.js';
import { type CalendarAdapter, CalendarCallError, type CalendarChoice } from './calendar.types.js';
import {
  deleteConnection,
  findConnection,
  forgetCalendarState,
  listConnectionsOf,
  replaceConnection,
  updateConnection,
} from './connections.repository.js';
import { googleCalendarApi, googleSettingsOf } from './google/google.client.js';
import { ensureSharedCalendar } from './google/google-shared.js';
import { createPkce, type OAuthFlow } from './oauth.types.js';
import { insertOAuthState, takeOAuthState } from './oauth-states.repository.js';
import { deleteFeed, findSettings, saveFeed, saveSettings } from './settings.repository.js';
import { deleteUnfinishedJobs, enqueueBackfill } from './sync-jobs.repository.js';

/** The services a provider can connect with OAuth, as they appear in URLs. */
export type OAuthService = 'google' | 'microsoft';

export interface CalendarServiceDeps extends AdapterDeps {
  adapterFor: (connection: CalendarConnectionRow) => CalendarAdapter;
  flows: Partial<Record<OAuthService, OAuthFlow>>;
  busy: BusyCache;
}

const OAUTH_STATE_TTL_MS = 10 * 60_000;

/** A calendar call failed during set-up: the provider sees why, and nothing half-done is shown as working. */
function setupFailure(error: unknown): AppError {
  if (!(error instanceof CalendarCallError))
    return error instanceof AppError ? error : new AppError('calendar_unavailable', String(error));
  const message =
    error.kind === 'auth'
      ? `The calendar refused the credentials: ${error.message}`
      : error.kind === 'config'
        ? `The server's calendar set-up is wrong; please tell the operator: ${error.message}`
        : `The calendar could not be reached: ${error.message}`;
  return new AppError('calendar_unavailable', message);
}

export const oauthRedirectUri = (appUrl: string, service: OAuthService) =>
  `${appUrl}/api/admin/calendar/${service}/callback`;

/** The calendar a member's shared calendar is named: the business's, and for a team member theirs too. */
const sharedCalendarName = (provider: ProviderRow, member: TeamMemberRow) =>
  member.role === 'owner' ? provider.name : `${provider.name} — ${member.name}`;

/**
 * Shared-calendar mode: the app account makes a calendar for the member and shares it with
 * their Google address. Repeating the call finishes a set-up that failed part-way, changes the
 * role, or moves the share to a new address.
 */
export async function connectSharedGoogle(
  deps: CalendarServiceDeps,
  provider: ProviderRow,
  member: TeamMemberRow,
  wish: { shareWith: string; role: 'writer' | 'reader' },
): Promise<void> {
  if (!deps.appAuth)
    throw new AppError('unprocessable', 'Shared Google calendars are not set up on this server (see docs/calendar.md)');
  let connection = await findConnection(deps.db, member.id);
  if (connection?.kind !== 'google_shared') {
    connection = await withWriteLock(deps.db, (trx) =>
      replaceConnection(trx, {
        provider_id: provider.id,
        member_id: member.id,
        kind: 'google_shared',
        status: 'pending',
        updated_at: deps.now().toISOString(),
      }),
    );
  }
  const current = connection;
  const api = googleCalendarApi(deps.appAuth, googleSettingsOf(deps.config));
  const calendarId = await ensureSharedCalendar(
    api,
    { calendarId: current.calendar_id, shareWith: current.share_with, role: current.share_role },
    {
      name: sharedCalendarName(provider, member),
      timeZone: provider.time_zone,
      shareWith: wish.shareWith.toLowerCase(),
      role: wish.role,
    },
    (id) => updateConnection(deps.db, current.id, { calendar_id: id }, deps.now()),
  ).catch((error: unknown) => Promise.reject(setupFailure(error)));
  await activate(deps, current, {
    calendar_id: calendarId,
    share_with: wish.shareWith.toLowerCase(),
    share_role: wish.role,
  });
}

/** Marks a connection working; one that was not yet (or broken) gets every appointment ahead queued. */
async function activate(
  deps: CalendarServiceDeps,
  connection: CalendarConnectionRow,
  values: Parameters<typeof updateConnection>[2],
): Promise<void> {
  const now = deps.now();
  await withWriteLock(deps.db, async (trx) => {
    await updateConnection(trx, connection.id, { ...values, status: 'active', last_error: null }, now);
    if (connection.status !== 'active') await enqueueBackfill(trx, connection.member_id, now);
  });
}

/** Step one of "connect your account": a single-use state and a PKCE verifier, kept sealed for ten minutes. */
export async function startOAuth(
  deps: CalendarServiceDeps,
  member: TeamMemberRow,
  service: OAuthService,
): Promise<string> {
  const flow = deps.flows[service];
  if (!flow)
    throw new AppError(
      'unprocessable',
      `Connecting ${service} calendars is not set up on this server (see docs/calendar.md)`,
    );
  const state = generateToken();
  const pkce = createPkce();
  const now = deps.now();
  await insertOAuthState(
    deps.db,
    hashToken(state),
    {
      providerId: member.provider_id,
      memberId: member.id,
      kind: flow.kind,
      codeVerifierEnc: deps.cipher.seal(pkce.verifier),
    },
    new Date(now.getTime() + OAUTH_STATE_TTL_MS),
  );
  return flow.authorizationUrl({
    state,
    codeChallenge: pkce.challenge,
    redirectUri: oauthRedirectUri(deps.appUrl, service),
  });
}

/**
 * Step two: the browser is back with a code. The state must be ours, unused, fresh, and this business's; the calendar
 * becomes the member's it was started for, who must be the signed-in member or one they manage. Returns whose it is.
 */
export async function finishOAuth(
  deps: CalendarServiceDeps,
  signedIn: TeamMemberRow,
  service: OAuthService,
  answer: { code: string; state: string },
): Promise<number> {
  const flow = deps.flows[service];
  const pending = await takeOAuthState(deps.db, hashToken(answer.state), deps.now());
  const codeVerifier = pending && deps.cipher.open(pending.codeVerifierEnc);
  const memberId = pending?.memberId ?? signedIn.id;
  if (
    !flow ||
    !pending ||
    !codeVerifier ||
    pending.providerId !== signedIn.provider_id ||
    pending.kind !== flow.kind ||
    (memberId !== signedIn.id && !mayManageBusiness(signedIn.role))
  ) {
    throw new AppError('invalid_request', 'This sign-in has expired or was not started here; please connect again');
  }
  const granted = await flow
    .exchange({ code: answer.code, codeVerifier, redirectUri: oauthRedirectUri(deps.appUrl, service) })
    .catch((error: unknown) => Promise.reject(setupFailure(error)));
  const now = deps.now();
  await withWriteLock(deps.db, async (trx) => {
    await replaceConnection(trx, {
      provider_id: signedIn.provider_id,
      member_id: memberId,
      kind: flow.kind,
      status: 'active',
      account_email: granted.accountEmail,
      refresh_token_enc: deps.cipher.seal(granted.refreshToken),
      updated_at: now.toISOString(),
    });
    await enqueueBackfill(trx, memberId, now);
  });
  return memberId;
}

async function activeConnection(deps: CalendarServiceDeps, memberId: number): Promise<CalendarConnectionRow> {
  const connection = await findConnection(deps.db, memberId);
  if (!connection) throw AppError.notFound('Calendar connection');
  if (connection.status !== 'active')
    throw new AppError('conflict', 'The calendar connection is not working; connect it again');
  return connection;
}

export async function listCalendars(deps: CalendarServiceDeps, memberId: number): Promise<CalendarChoice[]> {
  const connection = await activeConnection(deps, memberId);
  return deps
    .adapterFor(connection)
    .listCalendars()
    .catch((error: unknown) => Promise.reject(setupFailure(error)));
}

/**
 * Own-account modes: send events to another of the account's calendars. Events already in the
 * old calendar stay there; every appointment ahead is written to the new one.
 */
export async function chooseCalendar(deps: CalendarServiceDeps, memberId: number, calendarId: string): Promise<void> {
  const connection = await activeConnection(deps, memberId);
  if (connection.kind === 'google_shared')
    throw new AppError('conflict', 'A shared calendar cannot be swapped; disconnect it first');
  const calendars = await listCalendars(deps, memberId);
  if (!calendars.some((c) => c.id === calendarId)) {
    throw new AppError('invalid_request', 'Not a calendar of the connected account you can write to', {
      calendarId: 'unknown calendar',
    });
  }
  const now = deps.now();
  await withWriteLock(deps.db, async (trx) => {
    await updateConnection(trx, connection.id, { calendar_id: calendarId }, now);
    await forgetCalendarState(trx, connection.id);
    await enqueueBackfill(trx, memberId, now);
  });
}

export interface CalDavLogin {
  serverUrl: string;
  username: string;
  password: string;
  /** One of the account's calendars (from an earlier answer); else the first that takes events. */
  calendarUrl?: string | undefined;
}

/** Why a CalDAV connection could not be made, in words the provider can act on (422), or unreachable (502). */
function caldavSetupFailure(error: unknown): AppError {
  if (error instanceof CalendarCallError && error.kind === 'auth')
    return new AppError(
      'unprocessable',
      'The calendar server refused this user name and password. iCloud, Fastmail and others want an app password made for this, not your account password (see the help on this page).',
      { password: 'refused by the calendar server' },
    );
  if (error instanceof CalendarCallError && error.kind === 'permanent')
    return new AppError('unprocessable', `No CalDAV calendars were found at this address (${error.message})`, {
      serverUrl: 'no CalDAV calendars here',
    });
  return setupFailure(error);
}

/**
 * CalDAV (iCloud, Fastmail, Nextcloud, Radicale): finds the account's calendars with the app password, then keeps the
 * password sealed and writes to the chosen calendar. Returns the account's calendars, for the provider to pick another.
 */
export async function connectCaldav(
  deps: CalendarServiceDeps,
  member: TeamMemberRow,
  login: CalDavLogin,
): Promise<CalendarChoice[]> {
  const { allowPrivate } = deps.config.caldav;
  const server = new URL(login.serverUrl);
  if (server.protocol !== 'https:' && !allowPrivate)
    throw new AppError('invalid_request', 'The calendar server’s address must start with https://', {
      serverUrl: 'must start with https://',
    });
  if (isLocalHost(server.hostname) && !allowPrivate)
    throw new AppError('invalid_request', 'The calendar server must be on the internet', {
      serverUrl: 'must be reachable on the public internet',
    });
  const fetch = davFetch(login, { timeoutMs: deps.config.timeoutMs, now: () => deps.now().getTime(), allowPrivate });
  const found = await discoverHome(login.serverUrl, fetch)
    .then(async (homeUrl) => ({ homeUrl, calendars: await listDavCalendars(homeUrl, fetch) }))
    .catch((error: unknown) => Promise.reject(caldavSetupFailure(error)));
  const wanted = login.calendarUrl?.replace(/\/?$/, '/');
  const chosen = wanted ? found.calendars.find((c) => c.url === wanted) : found.calendars[0];
  if (!chosen) {
    throw new AppError('unprocessable', 'No calendar for events was found in this account', {
      [login.calendarUrl ? 'calendarUrl' : 'serverUrl']: 'no such calendar',
    });
  }
  const now = deps.now();
  await withWriteLock(deps.db, async (trx) => {
    await replaceConnection(trx, {
      provider_id: member.provider_id,
      member_id: member.id,
      kind: 'caldav',
      status: 'active',
      account_email: login.username,
      calendar_id: chosen.url,
      dav_home_url: found.homeUrl,
      password_enc: deps.cipher.seal(login.password),
      updated_at: now.toISOString(),
    });
    await enqueueBackfill(trx, member.id, now);
  });
  return choicesOf(found.calendars);
}

/** Stops syncing: the connection and its unsent jobs go; events already written stay in the calendar. */
export async function disconnect(deps: CalendarServiceDeps, memberId: number): Promise<void> {
  await withWriteLock(deps.db, async (trx) => {
    await deleteUnfinishedJobs(trx, memberId);
    await deleteConnection(trx, memberId);
  });
}

/** Turning contact details on or off rewrites the events ahead in every member's calendar, to match the choice. */
export async function updateSettings(
  deps: CalendarServiceDeps,
  providerId: number,
  values: { includeCustomerContact: boolean },
): Promise<void> {
  await withWriteLock(deps.db, async (trx) => {
    const before = await findSettings(trx, providerId);
    await saveSettings(trx, providerId, values);
    if (before.includeCustomerContact === values.includeCustomerContact) return;
    for (const connection of await listConnectionsOf(trx, providerId))
      await enqueueBackfill(trx, connection.member_id, deps.now());
  });
}

/**
 * A new secret feed URL of the member's appointments; the old one stops working at once. Only its hash is kept, so it
 * is shown this once.
 */
export async function rotateFeed(deps: CalendarServiceDeps, member: TeamMemberRow): Promise<string> {
  const token = generateToken();
  await saveFeed(deps.db, member, hashToken(token), deps.now());
  return `${deps.appUrl}/ical/${token}.ics`;
}

export async function disableFeed(deps: CalendarServiceDeps, memberId: number): Promise<void> {
  await deleteFeed(deps.db, memberId);
}
