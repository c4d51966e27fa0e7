import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeService, readBody } from './fake-service.js';

/**
 * A local stand-in for the Google APIs the app calls: the OAuth token endpoint and the
 * Calendar v3 subset (calendars, acl, calendarList, events, freeBusy), served at its root so the
 * real googleapis client can be pointed at it with `rootUrl`. Faults can be switched on to test
 * the retry path; they hit only `/calendar/v3` calls.
 */
export type Fault =
  | 'ok'
  | 'error500'
  | 'error400' // a request Google will never accept (a permanent failure)
  | 'rate429' // 429 with Retry-After
  | 'rate403' // 403 rateLimitExceeded
  | 'slow' // the change is made, but the answer comes after the client gave up
  | 'reset' // the connection drops before anything happens
  | 'resetAfterApply'; // the change is made, then the connection drops

export interface FakeEvent {
  id: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  location?: string | null;
  start: { dateTime?: string; date?: string; timeZone?: string };
  end: { dateTime?: string; date?: string; timeZone?: string };
  transparency?: string;
  [key: string]: unknown;
}

interface FakeCalendar {
  id: string;
  summary: string;
  timeZone: string;
  owner: string;
  acl: Map<string, { role: string; scope: { type: string; value: string } }>;
  events: Map<string, FakeEvent>;
}

interface PendingCode {
  email: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason = 'error',
  ) {
    super(message);
  }
}

export class FakeGoogle extends FakeService<Fault> {
  readonly clientId = 'fake-client-id.apps.googleusercontent.com';
  /** The secret Google accepts for the app's OAuth client; change it to play a secret that expired or was rotated. */
  clientSecret = 'fake-client-secret';
  /** freeBusy answers these calendars with a per-calendar error (Google's `errors`, e.g. `backendError`). */
  readonly freeBusyErrors = new Map<string, string>();
  retryAfterSeconds = 2;
  slowMs = 600;

  private readonly calendars = new Map<string, FakeCalendar>();
  private readonly refreshTokens = new Map<string, { email: string; revoked: boolean }>();
  private readonly accessTokens = new Map<string, string>();
  private readonly codes = new Map<string, PendingCode>();

  static start(): Promise<FakeGoogle> {
    return new FakeGoogle().listen();
  }

  get tokenUrl(): string {
    return `${this.url}token`;
  }

  /** Calendar calls take the faults in turn, round and round; an empty list turns them off. */
  /** An account with a primary calendar (id = the address), and a refresh token for it. */
  addAccount(email: string, timeZone = 'Europe/Berlin'): { refreshToken: string } {
    if (!this.calendars.has(email)) {
      this.calendars.set(email, {
        id: email,
        summary: email,
        timeZone,
        owner: email,
        acl: new Map(),
        events: new Map(),
      });
    }
    const refreshToken = `1//refresh-${randomBytes(12).toString('hex')}`;
    this.refreshTokens.set(refreshToken, { email, revoked: false });
    return { refreshToken };
  }

  /** What the user does in the browser: consents, and Google redirects back with a code. */
  consent(authorizationUrl: string, email: string): { code: string; state: string; redirectUri: string } {
    const url = new URL(authorizationUrl);
    const p = url.searchParams;
    if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256')
      throw new Error('expected code flow with S256');
    if (p.get('access_type') !== 'offline') throw new Error('expected access_type=offline');
    this.addAccount(email);
    const code = `4/code-${randomBytes(8).toString('hex')}`;
    this.codes.set(code, {
      email,
      clientId: p.get('client_id') ?? '',
      redirectUri: p.get('redirect_uri') ?? '',
      challenge: p.get('code_challenge') ?? '',
      scope: p.get('scope') ?? '',
    });
    return { code, state: p.get('state') ?? '', redirectUri: p.get('redirect_uri') ?? '' };
  }

  /** The user removes the app's access in their Google account. */
  revokeAccount(email: string): void {
    for (const grant of this.refreshTokens.values()) if (grant.email === email) grant.revoked = true;
    for (const [token, owner] of this.accessTokens) if (owner === email) this.accessTokens.delete(token);
  }

  /** Every access token handed out runs out now: the next call gets 401 and must use its refresh token. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** Refresh tokens handed out for an account (to check they are not stored readable). */
  refreshTokensOf(email: string): string[] {
    return [...this.refreshTokens].filter(([, grant]) => grant.email === email).map(([token]) => token);
  }

  /** A further calendar in someone's account. */
  addCalendar(owner: string, summary: string): string {
    const id = `${randomBytes(8).toString('hex')}@group.calendar.google.com`;
    this.calendars.set(id, { id, summary, timeZone: 'Europe/Berlin', owner, acl: new Map(), events: new Map() });
    return id;
  }

  calendar(id: string): FakeCalendar | undefined {
    return this.calendars.get(id);
  }

  calendarsOwnedBy(email: string): FakeCalendar[] {
    return [...this.calendars.values()].filter((c) => c.owner === email && c.id !== email);
  }

  /** The events a person looking at the calendar would see. */
  liveEvents(calendarId: string): FakeEvent[] {
    return [...(this.calendars.get(calendarId)?.events.values() ?? [])].filter((e) => e.status !== 'cancelled');
  }

  /** An event the owner made themselves (a dentist appointment). */
  addOwnerEvent(
    calendarId: string,
    event: {
      start: string;
      end: string;
      summary?: string;
      transparency?: 'opaque' | 'transparent';
      declined?: boolean;
    },
  ): void {
    const calendar = this.calendars.get(calendarId);
    if (!calendar) throw new Error(`no calendar ${calendarId}`);
    const id = `owner${randomBytes(6).toString('hex')}`;
    calendar.events.set(id, {
      id,
      status: 'confirmed',
      summary: event.summary ?? 'Busy',
      start: { dateTime: event.start },
      end: { dateTime: event.end },
      transparency: event.transparency ?? 'opaque',
      ...(event.declined && { attendees: [{ email: calendar.owner, self: true, responseStatus: 'declined' }] }),
    });
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    try {
      if (req.method === 'POST' && url.pathname === '/token')
        return send(res, 200, this.token(new URLSearchParams(body)));
      if (!url.pathname.startsWith('/calendar/v3/')) throw new HttpError(404, 'Not Found', 'notFound');
      this.requests.push({ method: req.method ?? 'GET', path: url.pathname });
      const fault = this.nextFault();
      if (fault === 'reset') return void req.socket.destroy();
      if (fault === 'error500') throw new HttpError(500, 'Backend Error', 'backendError');
      if (fault === 'error400') throw new HttpError(400, 'Invalid value', 'invalid');
      if (fault === 'rate403') throw new HttpError(403, 'Rate Limit Exceeded', 'rateLimitExceeded');
      if (fault === 'rate429') {
        res.setHeader('Retry-After', String(this.retryAfterSeconds));
        throw new HttpError(429, 'Rate Limit Exceeded', 'rateLimitExceeded');
      }
      const email = this.authorize(req);
      const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      const [status, result] = this.route(req.method ?? 'GET', url, json, email);
      if (fault === 'resetAfterApply') return void req.socket.destroy();
      if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, this.slowMs));
      if (res.destroyed) return;
      return status === 204 ? void res.writeHead(204).end() : send(res, status, result);
    } catch (error) {
      if (res.destroyed) return;
      if (error instanceof HttpError && url.pathname === '/token')
        return send(res, error.status, { error: error.reason, error_description: error.message });
      if (error instanceof HttpError) {
        return send(res, error.status, {
          error: {
            code: error.status,
            message: error.message,
            errors: [{ domain: 'global', reason: error.reason, message: error.message }],
          },
        });
      }
      return send(res, 500, { error: { code: 500, message: String(error) } });
    }
  }

  private token(form: URLSearchParams): object {
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      throw new HttpError(401, 'The OAuth client was not found.', 'invalid_client');
    }
    const issue = (email: string) => {
      const accessToken = `ya29.${randomBytes(12).toString('hex')}`;
      this.accessTokens.set(accessToken, email);
      return {
        access_token: accessToken,
        expires_in: 3599,
        token_type: 'Bearer',
        scope: 'https://www.googleapis.com/auth/calendar',
      };
    };
    if (form.get('grant_type') === 'refresh_token') {
      const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || grant.revoked) throw new HttpError(400, 'Token has been expired or revoked.', 'invalid_grant');
      return issue(grant.email);
    }
    if (form.get('grant_type') === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        !code ||
        code.redirectUri !== form.get('redirect_uri') ||
        code.clientId !== form.get('client_id') ||
        challenge !== code.challenge
      ) {
        throw new HttpError(400, 'Malformed auth code or code verifier.', 'invalid_grant');
      }
      const { refreshToken } = this.addAccount(code.email);
      return { ...issue(code.email), refresh_token: refreshToken, scope: code.scope };
    }
    throw new HttpError(400, 'Invalid grant_type', 'unsupported_grant_type');
  }

  private authorize(req: IncomingMessage): string {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const email = token && this.accessTokens.get(token);
    if (!email) throw new HttpError(401, 'Invalid Credentials', 'authError');
    return email;
  }

  private calendarFor(id: string, email: string, write = false): FakeCalendar {
    const calendar = this.calendars.get(id === 'primary' ? email : id);
    const role = calendar?.owner === email ? 'owner' : calendar?.acl.get(`user:${email}`)?.role;
    if (!calendar || !role) throw new HttpError(404, 'Not Found', 'notFound');
    if (write && role === 'reader') throw new HttpError(403, 'Forbidden', 'requiredAccessLevel');
    return calendar;
  }

  private route(method: string, url: URL, body: Record<string, unknown>, email: string): [number, unknown] {
    const parts = url.pathname
      .replace(/^\/calendar\/v3\//, '')
      .split('/')
      .map(decodeURIComponent);
    const [first, calendarId, sub, subId] = parts;

    if (method === 'GET' && first === 'users' && calendarId === 'me' && sub === 'calendarList') {
      const items = [...this.calendars.values()]
        .filter((c) => c.owner === email || c.acl.has(`user:${email}`))
        .map((c) => ({
          id: c.id,
          summary: c.summary,
          timeZone: c.timeZone,
          primary: c.id === email || undefined,
          accessRole: c.owner === email ? 'owner' : c.acl.get(`user:${email}`)?.role,
        }));
      return [200, { kind: 'calendar#calendarList', items }];
    }
    if (method === 'POST' && first === 'freeBusy') return [200, this.freeBusy(body, email)];
    if (first !== 'calendars') throw new HttpError(404, 'Not Found', 'notFound');

    if (method === 'POST' && calendarId === undefined) {
      const id = `${randomBytes(10).toString('hex')}@group.calendar.google.com`;
      this.calendars.set(id, {
        id,
        summary: String(body.summary ?? ''),
        timeZone: String(body.timeZone ?? 'UTC'),
        owner: email,
        acl: new Map(),
        events: new Map(),
      });
      return [200, { kind: 'calendar#calendar', id, summary: body.summary, timeZone: body.timeZone }];
    }
    if (!calendarId) throw new HttpError(404, 'Not Found', 'notFound');
    if (method === 'GET' && sub === undefined) {
      const c = this.calendarFor(calendarId, email);
      return [200, { kind: 'calendar#calendar', id: c.id, summary: c.summary, timeZone: c.timeZone }];
    }
    if (sub === 'acl') return this.acl(method, this.calendarFor(calendarId, email), subId, body, email);
    if (sub === 'events')
      return this.events(method, this.calendarFor(calendarId, email, method !== 'GET'), subId, body, url.searchParams);
    throw new HttpError(404, 'Not Found', 'notFound');
  }

  private acl(
    method: string,
    calendar: FakeCalendar,
    ruleId: string | undefined,
    body: Record<string, unknown>,
    email: string,
  ): [number, unknown] {
    if (calendar.owner !== email) throw new HttpError(403, 'Forbidden', 'forbidden');
    if (method === 'POST' && !ruleId) {
      const scope = body.scope as { type: string; value: string };
      const id = `${scope.type}:${scope.value}`;
      calendar.acl.set(id, { role: String(body.role), scope });
      return [200, { kind: 'calendar#aclRule', id, role: body.role, scope }];
    }
    const rule = ruleId ? calendar.acl.get(ruleId) : undefined;
    if (!ruleId || !rule) throw new HttpError(404, 'Not Found', 'notFound');
    if (method === 'PATCH' || method === 'PUT') {
      rule.role = String(body.role ?? rule.role);
      return [200, { kind: 'calendar#aclRule', id: ruleId, ...rule }];
    }
    if (method === 'DELETE') {
      calendar.acl.delete(ruleId);
      return [204, null];
    }
    throw new HttpError(405, 'Method not allowed', 'methodNotAllowed');
  }

  private events(
    method: string,
    calendar: FakeCalendar,
    eventId: string | undefined,
    body: Record<string, unknown>,
    query: URLSearchParams,
  ): [number, unknown] {
    if (method === 'GET' && !eventId) {
      const min = Date.parse(query.get('timeMin') ?? '1970-01-01T00:00:00Z');
      const max = Date.parse(query.get('timeMax') ?? '9999-01-01T00:00:00Z');
      const all = [...calendar.events.values()].filter(
        (e) =>
          e.status !== 'cancelled' &&
          Date.parse(e.start.dateTime ?? e.start.date ?? '') < max &&
          Date.parse(e.end.dateTime ?? e.end.date ?? '') > min,
      );
      // Small pages, so the client's paging is exercised.
      const offset = Number(query.get('pageToken') ?? 0);
      const pageSize = Math.min(Number(query.get('maxResults') ?? 250), 5);
      const items = all.slice(offset, offset + pageSize);
      const nextPageToken = offset + pageSize < all.length ? String(offset + pageSize) : undefined;
      return [
        200,
        { kind: 'calendar#events', timeZone: calendar.timeZone, items, ...(nextPageToken && { nextPageToken }) },
      ];
    }
    if (method === 'POST' && !eventId) {
      const id = typeof body.id === 'string' ? body.id : randomBytes(10).toString('hex');
      if (!/^[a-v0-9]{5,1024}$/.test(id)) throw new HttpError(400, 'Invalid resource id value.', 'invalid');
      if (calendar.events.has(id)) throw new HttpError(409, 'The requested identifier already exists.', 'duplicate');
      const event = { status: 'confirmed', ...body, id } as FakeEvent;
      calendar.events.set(id, event);
      return [200, event];
    }
    const event = eventId ? calendar.events.get(eventId) : undefined;
    if (!eventId || !event) throw new HttpError(404, 'Not Found', 'notFound');
    if (method === 'GET') return [200, event];
    if (method === 'PATCH') {
      Object.assign(event, body, { id: eventId });
      return [200, event];
    }
    if (method === 'DELETE') {
      if (event.status === 'cancelled') throw new HttpError(410, 'Resource has been deleted', 'deleted');
      event.status = 'cancelled';
      return [204, null];
    }
    throw new HttpError(405, 'Method not allowed', 'methodNotAllowed');
  }

  private freeBusy(body: Record<string, unknown>, email: string): object {
    const min = Date.parse(String(body.timeMin));
    const max = Date.parse(String(body.timeMax));
    const calendars: Record<
      string,
      { busy: { start: string; end: string }[]; errors?: { domain: string; reason: string }[] }
    > = {};
    for (const { id } of (body.items as { id: string }[]) ?? []) {
      // Google answers 200 and reports each calendar it could not read in that calendar's `errors`.
      const failure = this.freeBusyErrors.get(id === 'primary' ? email : id);
      const calendar = this.calendars.get(id === 'primary' ? email : id);
      const readable = calendar && (calendar.owner === email || calendar.acl.has(`user:${email}`));
      if (failure || !calendar || !readable) {
        calendars[id] = { busy: [], errors: [{ domain: 'global', reason: failure ?? 'notFound' }] };
        continue;
      }
      const intervals = [...calendar.events.values()]
        .filter(
          (e) => e.status !== 'cancelled' && e.transparency !== 'transparent' && e.start.dateTime && e.end.dateTime,
        )
        .map((e) => ({ start: Date.parse(e.start.dateTime!), end: Date.parse(e.end.dateTime!) }))
        .filter((i) => i.start < max && i.end > min)
        .sort((a, b) => a.start - b.start);
      // Free/busy merges what overlaps, and says nothing about which event made it busy.
      const merged: { start: number; end: number }[] = [];
      for (const i of intervals) {
        const last = merged.at(-1);
        if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
        else merged.push({ ...i });
      }
      calendars[id] = {
        busy: merged.map((i) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() })),
      };
    }
    return { kind: 'calendar#freeBusy', timeMin: body.timeMin, timeMax: body.timeMax, calendars };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' }).end(JSON.stringify(body));
}
