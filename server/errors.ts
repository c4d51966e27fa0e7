import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'insufficient_scope'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'email_taken'
  | 'slug_taken'
  | 'slot_taken'
  | 'slot_not_offered'
  | 'invalid_transition'
  | 'cancellation_cutoff_passed'
  | 'invalid_schedule'
  | 'idempotency_key_reused'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unprocessable'
  | 'calendar_unavailable'
  | 'not_waitlistable'
  | 'class_not_full'
  | 'offer_taken'
  | 'offer_expired'
  | 'repeat_not_allowed'
  | 'series_conflict';

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  insufficient_scope: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  slug_taken: 409,
  slot_taken: 409,
  invalid_transition: 409,
  cancellation_cutoff_passed: 409,
  slot_not_offered: 422,
  invalid_schedule: 422,
  idempotency_key_reused: 422,
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  calendar_unavailable: 502,
  not_waitlistable: 409,
  class_not_full: 409,
  offer_taken: 409,
  offer_expired: 409,
  repeat_not_allowed: 422,
  series_conflict: 409,
};

/** Field-level messages, keyed by the dotted path of the offending input. */
export type FieldErrors = Record<string, string>;

/**
 * The one error type domain code throws. `server/http/error-handler.ts` renders it as
 * `{ error: { code, message, fields? } }` with the status its code implies.
 */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
    /** More of the answer, beside `error` (a refused waitlist offer's `next` times). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = statusOf[code];
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }

  /** 429 with `Retry-After` in seconds. */
  static rateLimited(message: string, retryAfterS: number): AppError {
    return new AppError('rate_limited', message, undefined, { 'Retry-After': String(retryAfterS) });
  }
}
