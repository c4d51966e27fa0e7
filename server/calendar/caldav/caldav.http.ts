import { RefusedAddressError } from '../../outbound/address-guard.js';
import { publicOnlyFetch } from '../../outbound/public-only-fetch.js';
import { parseRetryAfter } from '../../outbox/backoff.js';
import { CalendarCallError } from '../calendar.types.js';

export interface DavCredentials {
  username: string;
  password: string;
}

/** `fetch` for one CalDAV account, as tsdav and the adapter call it. */
export type DavFetch = typeof fetch;

/**
 * Every request to a CalDAV server: HTTP Basic with the account's app password (what iCloud, Fastmail, Nextcloud
 * and Radicale all take), a timeout, no retries (the sync worker owns those), and only to the public internet
 * unless `allowPrivate` (CALDAV_ALLOW_PRIVATE: a server on one's own network) says otherwise. Answers that mean the same whatever
 * was asked leave as a `CalendarCallError`: 401 (the password was refused: reconnect), 408/429/5xx and no answer
 * (try later). Any other answer (404, 412, a multistatus…) goes back to the caller, who knows what it means there.
 */
export function davFetch(
  credentials: DavCredentials,
  options: { timeoutMs: number; now: () => number; allowPrivate: boolean },
): DavFetch {
  const send = options.allowPrivate ? fetch : publicOnlyFetch;
  const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', authorization);
    let response: Response;
    try {
      response = await send(input, { ...init, headers, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      if (isRefusedAddress(error))
        throw new CalendarCallError('permanent', 'the CalDAV server is not on the public internet', { cause: error });
      throw new CalendarCallError(
        'transient',
        `no answer from the CalDAV server: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    const { status } = response;
    const details = { status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), options.now()) };
    if (status === 401) {
      await response.body?.cancel();
      throw new CalendarCallError('auth', 'the CalDAV server refused the user name or app password (401)', details);
    }
    if (status === 408 || status === 429 || status >= 500) {
      await response.body?.cancel();
      throw new CalendarCallError('transient', `the CalDAV server answered ${status}`, details);
    }
    return response;
  };
}

/** A CalDAV answer the caller did not expect, as a call failure: the request itself is wrong, retrying will not help. */
export async function unexpected(response: Response, what: string): Promise<CalendarCallError> {
  const text = await response.text().catch(() => '');
  return new CalendarCallError(
    'permanent',
    `${what}: the CalDAV server answered ${response.status} ${text.slice(0, 200)}`.trim(),
    {
      status: response.status,
    },
  );
}

/** fetch wraps what refused the connection in its `cause`. */
function isRefusedAddress(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof RefusedAddressError) return true;
  return false;
}
