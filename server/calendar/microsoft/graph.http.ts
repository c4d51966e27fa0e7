import { parseRetryAfter } from '../../outbox/backoff.js';
import { CalendarCallError } from '../calendar.types.js';

export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** `application/x-www-form-urlencoded` instead of JSON (the token endpoint). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  timeoutMs: number;
  now: () => number;
}

/**
 * Token errors that only the provider can clear by signing in again: a revoked or expired grant, or one the identity
 * platform wants confirmed interactively (MFA, new consent, a new sign-in).
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes#handling-error-codes-in-your-application
 */
const RECONNECT_CODES = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'login_required']);

/** Reads the error code of a Graph (`{ error: { code } }`) or token endpoint (`{ error: 'invalid_grant' }`) answer. */
function codeOf(body: unknown): string | undefined {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return error;
  return (error as { code?: string } | undefined)?.code;
}

/**
 * One HTTP call to Microsoft (Graph or the identity platform) with plain `fetch`: a timeout on
 * every call, no retries (the sync worker owns those), and every failure as a `CalendarCallError`.
 */
export async function graphCall<T>(request: GraphRequest): Promise<T> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: {
        Accept: 'application/json',
        ...(request.body !== undefined && { 'Content-Type': 'application/json' }),
        ...(request.form && { 'Content-Type': 'application/x-www-form-urlencoded' }),
        ...request.headers,
      },
      body: request.form
        ? new URLSearchParams(request.form).toString()
        : request.body === undefined
          ? null
          : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    throw new CalendarCallError(
      'transient',
      `no answer from Microsoft: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep null, the status says enough
  }
  if (response.ok) return body as T;

  const code = codeOf(body);
  const message = `Microsoft answered ${response.status}${code ? ` ${code}` : ''}`;
  const details = {
    status: response.status,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), request.now()),
  };
  if (code && RECONNECT_CODES.has(code)) throw new CalendarCallError('auth', message, details);
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    throw new CalendarCallError(
      'config',
      `server configuration error (MS_CLIENT_ID/MS_CLIENT_SECRET): ${message}`,
      details,
    );
  }
  // https://learn.microsoft.com/graph/throttling: 429 and 503/504 come with Retry-After.
  const transient =
    response.status === 401 || response.status === 408 || response.status === 429 || response.status >= 500;
  throw new CalendarCallError(transient ? 'transient' : 'permanent', message, details);
}
