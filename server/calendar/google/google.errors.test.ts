import { describe, expect, it } from 'vitest';
import { classifyGoogleError } from './google.errors.js';

const answer = (status: number, data: unknown, headers: Record<string, string> = {}) => ({
  message: 'failed',
  response: { status, data, headers: new Headers(headers) },
});
const reasonOf = (reason: string) => ({ error: { code: 403, errors: [{ reason }] } });

describe('classifyGoogleError', () => {
  it('retries rate limits, 429, 5xx, stale tokens and lost connections', () => {
    expect(classifyGoogleError(answer(403, reasonOf('rateLimitExceeded')), 0).kind).toBe('transient');
    expect(classifyGoogleError(answer(403, reasonOf('userRateLimitExceeded')), 0).kind).toBe('transient');
    expect(classifyGoogleError(answer(429, reasonOf('rateLimitExceeded'), { 'retry-after': '30' }), 0)).toMatchObject({
      kind: 'transient',
      retryAfterMs: 30_000,
    });
    expect(classifyGoogleError(answer(503, null), 0).kind).toBe('transient');
    expect(classifyGoogleError(answer(401, reasonOf('authError')), 0).kind).toBe('transient');
    expect(classifyGoogleError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 0).kind).toBe(
      'transient',
    );
  });

  it('gives up on requests Google will never take, and breaks on refused credentials', () => {
    expect(classifyGoogleError(answer(403, reasonOf('forbidden')), 0).kind).toBe('permanent');
    expect(classifyGoogleError(answer(400, reasonOf('invalid')), 0)).toMatchObject({ kind: 'permanent', status: 400 });
    expect(classifyGoogleError(answer(404, reasonOf('notFound')), 0).kind).toBe('permanent');
    expect(
      classifyGoogleError(
        answer(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
        0,
      ).kind,
    ).toBe('auth');
    expect(classifyGoogleError(answer(401, { error: 'invalid_client' }), 0).kind).toBe('config');
    expect(classifyGoogleError(answer(400, { error: 'unauthorized_client' }), 0).kind).toBe('config');
  });
});
