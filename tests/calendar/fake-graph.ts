import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeService, readBody } from './fake-service.js';

/**
 * A local stand-in for the Microsoft identity platform (`/common/oauth2/v2.0/token`) and the
 * Graph subset the Outlook adapter uses: `/v1.0/me`, `/me/calendars`, `/me/events` (create with
 * `transactionId`, patch, delete), `calendarView` and `/me/calendar/getSchedule`. Refresh tokens rotate on every
 * use, as Microsoft's do. Faults hit only `/v1.0` calls. Collections come in small pages linked by
 * `@odata.nextLink`, so clients must follow them. A personal account (outlook.com) is refused `getSchedule`,
 * which Graph does not support for personal Microsoft accounts.
 */
export type GraphFault = 'ok' | 'throttle429' | 'unavailable503' | 'reset' | 'resetAfterApply';

export interface GraphEvent {
  id: string;
  calendarId: string;
  transactionId?: string;
  subject?: string;
  body?: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  showAs?: string;
  isOrganizer?: boolean;
}

class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export class FakeGraph extends FakeService<GraphFault> {
  readonly clientId = '00000000-fake-graph-client';
  readonly clientSecret = 'fake-graph-secret';
  retryAfterSeconds = 3;
  /** Every event ever made, deleted ones removed (Graph deletes for real). */
  readonly events = new Map<string, GraphEvent>();

  private readonly accounts = new Map<
    string,
    { calendars: { id: string; name: string; isDefaultCalendar: boolean }[] }
  >();
  private readonly refreshTokens = new Map<string, { email: string; revoked: boolean }>();
  private readonly accessTokens = new Map<string, string>();
  private readonly codes = new Map<string, { email: string; challenge: string; redirectUri: string }>();
  private readonly personal = new Set<string>();
  /** Accounts whose next token refresh is refused with this error (e.g. `interaction_required`). */
  private readonly tokenRefusals = new Map<string, string>();

  static start(): Promise<FakeGraph> {
    return new FakeGraph().listen();
  }

  /** The user signs in and consents; the identity platform redirects back with a code. */
  consent(authorizationUrl: string, email: string): { code: string; state: string } {
    const p = new URL(authorizationUrl).searchParams;
    if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256')
      throw new Error('expected code flow with S256');
    if (!p.get('scope')?.split(' ').includes('offline_access')) throw new Error('expected offline_access');
    if (!this.accounts.has(email))
      this.accounts.set(email, {
        calendars: [{ id: `cal-default-${email}`, name: 'Calendar', isDefaultCalendar: true }],
      });
    const code = `M.code-${randomBytes(8).toString('hex')}`;
    this.codes.set(code, { email, challenge: p.get('code_challenge') ?? '', redirectUri: p.get('redirect_uri') ?? '' });
    return { code, state: p.get('state') ?? '' };
  }

  /** The account is a personal Microsoft account (outlook.com): Graph refuses it `getSchedule`. */
  makePersonal(email: string): void {
    this.personal.add(email);
  }

  /** A further calendar the account can write to. */
  addCalendar(email: string, name: string): string {
    const id = `cal-${randomBytes(6).toString('hex')}`;
    this.accounts.get(email)?.calendars.push({ id, name, isDefaultCalendar: false });
    return id;
  }

  /** The identity platform refuses the account's refresh tokens with this code until `clearTokenRefusal`. */
  refuseTokens(email: string, code: 'interaction_required' | 'consent_required' | 'login_required'): void {
    this.tokenRefusals.set(email, code);
    for (const [token, owner] of this.accessTokens) if (owner === email) this.accessTokens.delete(token);
  }

  revokeAccount(email: string): void {
    for (const grant of this.refreshTokens.values()) if (grant.email === email) grant.revoked = true;
    for (const [token, owner] of this.accessTokens) if (owner === email) this.accessTokens.delete(token);
  }

  /** Something the owner put in Outlook themselves. */
  addOwnerEvent(email: string, start: string, end: string, showAs = 'busy'): void {
    const id = `owner-${randomBytes(6).toString('hex')}`;
    const at = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace(/Z$/, ''), timeZone: 'UTC' });
    this.events.set(id, {
      id,
      calendarId: this.defaultCalendarOf(email),
      subject: 'Private',
      start: at(start),
      end: at(end),
      showAs,
    });
  }

  eventsIn(calendarId: string): GraphEvent[] {
    return [...this.events.values()].filter((e) => e.calendarId === calendarId);
  }

  defaultCalendarOf(email: string): string {
    return `cal-default-${email}`;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    try {
      if (req.method === 'POST' && url.pathname === '/common/oauth2/v2.0/token')
        return send(res, 200, this.token(new URLSearchParams(raw)));
      if (!url.pathname.startsWith('/v1.0/')) throw new GraphError(404, 'NotFound');
      this.requests.push({ method: req.method ?? 'GET', path: url.pathname });
      const fault = this.nextFault();
      if (fault === 'reset') return void req.socket.destroy();
      if (fault === 'throttle429' || fault === 'unavailable503') {
        res.setHeader('Retry-After', String(this.retryAfterSeconds));
        throw new GraphError(
          fault === 'throttle429' ? 429 : 503,
          fault === 'throttle429' ? 'TooManyRequests' : 'ServiceUnavailable',
        );
      }
      const email = this.authorize(req);
      const [status, body] = this.route(
        req.method ?? 'GET',
        url,
        raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
        email,
        String(req.headers.prefer ?? ''),
      );
      if (fault === 'resetAfterApply') return void req.socket.destroy();
      return status === 204 ? void res.writeHead(204).end() : send(res, status, body);
    } catch (error) {
      if (res.destroyed) return;
      if (error instanceof GraphError && url.pathname.includes('/oauth2/'))
        return send(res, error.status, { error: error.code, error_description: error.code });
      if (error instanceof GraphError)
        return send(res, error.status, { error: { code: error.code, message: error.code } });
      return send(res, 500, { error: { code: 'InternalServerError', message: String(error) } });
    }
  }

  private token(form: URLSearchParams): object {
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret)
      throw new GraphError(401, 'invalid_client');
    let email: string;
    if (form.get('grant_type') === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (!code || code.challenge !== challenge || code.redirectUri !== form.get('redirect_uri'))
        throw new GraphError(400, 'invalid_grant');
      email = code.email;
    } else if (form.get('grant_type') === 'refresh_token') {
      const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || grant.revoked) throw new GraphError(400, 'invalid_grant');
      const refusal = this.tokenRefusals.get(grant.email);
      if (refusal) throw new GraphError(400, refusal);
      email = grant.email;
    } else {
      throw new GraphError(400, 'unsupported_grant_type');
    }
    const accessToken = `eyJ.fake.${randomBytes(10).toString('hex')}`;
    const refreshToken = `M.R3_${randomBytes(12).toString('hex')}`;
    this.accessTokens.set(accessToken, email);
    this.refreshTokens.set(refreshToken, { email, revoked: false });
    return {
      token_type: 'Bearer',
      scope: form.get('scope'),
      expires_in: 3600,
      access_token: accessToken,
      refresh_token: refreshToken,
    };
  }

  /** One page of a collection, with `@odata.nextLink` (absolute, as Graph sends it) while more remain. */
  private page<T>(url: URL, items: T[], size: number): { value: T[]; '@odata.nextLink'?: string } {
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const next = new URL(url.href);
    next.searchParams.set('$skip', String(skip + size));
    return {
      value: items.slice(skip, skip + size),
      ...(skip + size < items.length && { '@odata.nextLink': next.href }),
    };
  }

  /** The newest refresh token issued for an account. */
  latestRefreshToken(email: string): string | undefined {
    return [...this.refreshTokens].filter(([, g]) => g.email === email).at(-1)?.[0];
  }

  private authorize(req: IncomingMessage): string {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const email = token && this.accessTokens.get(token);
    if (!email) throw new GraphError(401, 'InvalidAuthenticationToken');
    return email;
  }

  private route(
    method: string,
    url: URL,
    body: Record<string, unknown>,
    email: string,
    prefer: string | undefined,
  ): [number, unknown] {
    const path = url.pathname.replace(/^\/v1\.0/, '');
    const account = this.accounts.get(email)!;
    if (method === 'GET' && path === '/me') return [200, { mail: email, userPrincipalName: email }];
    if (method === 'GET' && path === '/me/calendars')
      return [
        200,
        this.page(
          url,
          account.calendars.map((c) => ({ ...c, canEdit: true })),
          2,
        ),
      ];
    const view = /^\/me\/(?:calendar|calendars\/([^/]+))\/calendarView$/.exec(path);
    if (method === 'GET' && view) {
      if (prefer !== 'outlook.timezone="UTC"') throw new GraphError(400, 'expected UTC');
      const calendarId = view[1] ? decodeURIComponent(view[1]) : this.defaultCalendarOf(email);
      if (!account.calendars.some((c) => c.id === calendarId)) throw new GraphError(404, 'ErrorItemNotFound');
      const from = Date.parse(url.searchParams.get('startDateTime') ?? '');
      const to = Date.parse(url.searchParams.get('endDateTime') ?? '');
      if (Number.isNaN(from) || Number.isNaN(to)) throw new GraphError(400, 'ErrorInvalidParameter');
      const events = this.eventsIn(calendarId)
        .filter((e) => msOf(e.start) < to && msOf(e.end) > from)
        .sort((a, b) => msOf(a.start) - msOf(b.start))
        .map((e) => ({
          id: e.id,
          showAs: e.showAs ?? 'busy',
          isCancelled: false,
          start: graphUtc(e.start),
          end: graphUtc(e.end),
        }));
      return [200, this.page(url, events, 3)];
    }

    const create = /^\/me(?:\/calendars\/([^/]+))?\/events$/.exec(path);
    if (method === 'POST' && create) {
      const calendarId = create[1] ? decodeURIComponent(create[1]) : this.defaultCalendarOf(email);
      if (!account.calendars.some((c) => c.id === calendarId)) throw new GraphError(404, 'ErrorItemNotFound');
      // transactionId: a retried create gets the event the first one made, unchanged.
      const existing = [...this.events.values()].find((e) => e.transactionId && e.transactionId === body.transactionId);
      if (existing) return [201, existing];
      const id = `AAMk-${randomBytes(10).toString('hex')}`;
      const event = { ...(body as Partial<GraphEvent>), id, calendarId, isOrganizer: true } as GraphEvent;
      this.events.set(id, event);
      return [201, event];
    }
    const one = /^\/me\/events\/([^/]+)$/.exec(path);
    if (one) {
      const event = this.events.get(decodeURIComponent(one[1]!));
      if (!event) throw new GraphError(404, 'ErrorItemNotFound');
      if (method === 'PATCH') return [200, Object.assign(event, body)];
      if (method === 'DELETE') {
        this.events.delete(event.id);
        return [204, null];
      }
    }
    if (method === 'POST' && path === '/me/calendar/getSchedule') {
      if (this.personal.has(email)) throw new GraphError(400, 'ErrorInvalidRequest');
      if (prefer !== 'outlook.timezone="UTC"') throw new GraphError(400, 'expected UTC');
      const from = msOf(body.startTime as GraphEvent['start']);
      const to = msOf(body.endTime as GraphEvent['end']);
      if (to - from > 62 * 86_400_000) throw new GraphError(400, 'ErrorInvalidTimeRange');
      const schedules = body.schedules as string[];
      return [
        200,
        {
          value: schedules.map((address) => ({
            scheduleId: address,
            scheduleItems: this.eventsIn(this.defaultCalendarOf(address))
              .concat(
                this.accounts
                  .get(address)
                  ?.calendars.filter((c) => !c.isDefaultCalendar)
                  .flatMap((c) => this.eventsIn(c.id)) ?? [],
              )
              .filter((e) => msOf(e.start) < to && msOf(e.end) > from)
              .map((e) => ({ status: e.showAs ?? 'busy', start: graphUtc(e.start), end: graphUtc(e.end) })),
          })),
        },
      ];
    }
    throw new GraphError(404, 'NotFound');
  }
}

/** The instant of a Graph date-time; this fake only deals in UTC. */
export function msOf(t: { dateTime: string; timeZone: string }): number {
  if (t.timeZone !== 'UTC') throw new Error(`fake Graph speaks UTC only, got ${t.timeZone}`);
  return Date.parse(`${t.dateTime.replace(/(\.\d{3})\d*$/, '$1')}Z`);
}

/** Graph's seven-digit form, as getSchedule writes it: `2026-12-02T09:30:00.0000000`. */
const graphUtc = (t: { dateTime: string; timeZone: string }) => ({
  dateTime: new Date(msOf(t)).toISOString().replace(/\.(\d{3})Z$/, '.$10000'),
  timeZone: 'UTC',
});

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
