import { parseRetryAfter } from '../../outbox/backoff.js';
import { CalendarCallError } from '../calendar.types.js';

/** What googleapis (gaxios) throws, as far as we read it. */
interface GaxiosLike {
  message?: string;
  code?: string | number;
  response?: { status: number; headers?: Headers; data?: unknown };
}

// https://developers.google.com/calendar/api/guides/errors: these 403s mean "slow down", not "forbidden".
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

function reasonOf(data: unknown): string | undefined {
  const error = (data as { error?: unknown } | undefined)?.error;
  if (typeof error === 'string') return error; // the OAuth token endpoint: { error: 'invalid_grant' }
  return (error as { errors?: { reason?: string }[] } | undefined)?.errors?.[0]?.reason;
}

/** Sorts a googleapis failure into retry later, broken credentials, or give up. */
export function classifyGoogleError(error: unknown, now: number): CalendarCallError {
  if (error instanceof CalendarCallError) return error;
  const e = (error ?? {}) as GaxiosLike;
  const response = e.response;
  if (!response)
    return new CalendarCallError('transient', `no answer from Google: ${e.message ?? String(error)}`, { cause: error });
  const reason = reasonOf(response.data);
  const message = `Google answered ${response.status}${reason ? ` ${reason}` : ''}: ${e.message ?? ''}`.trim();
  // A refresh token that was revoked, expired or never valid: this provider must connect again.
  if (reason === 'invalid_grant')
    return new CalendarCallError('auth', message, { status: response.status, cause: error });
  // This app's own OAuth client is wrong (https://www.rfc-editor.org/rfc/rfc6749#section-5.2): the operator's to fix.
  if (reason === 'invalid_client' || reason === 'unauthorized_client') {
    return new CalendarCallError(
      'config',
      `server configuration error (GOOGLE_CLIENT_ID/GOOGLE_CLIENT_SECRET): ${message}`,
      {
        status: response.status,
        cause: error,
      },
    );
  }
  const retryAfterMs = parseRetryAfter(response.headers?.get?.('retry-after'), now);
  const transient =
    response.status === 401 || // the access token went stale; the next try fetches a new one
    response.status === 408 ||
    response.status === 429 ||
    response.status >= 500 ||
    (response.status === 403 && reason !== undefined && RATE_LIMIT_REASONS.has(reason));
  return new CalendarCallError(transient ? 'transient' : 'permanent', message, {
    retryAfterMs,
    status: response.status,
    cause: error,
  });
}
