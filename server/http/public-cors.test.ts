import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { onError } from './error-handler.js';
import { publicCors } from './public-cors.js';

describe('publicCors', () => {
  const app = new Hono()
    .use(publicCors({ allowHeaders: ['Content-Type', 'Idempotency-Key'], maxAge: 600 }))
    .get('/ok', (c) => c.json({ ok: true }))
    .post('/ok', (c) => c.json({ ok: true }, 201))
    .get('/missing', () => {
      throw AppError.notFound('Thing');
    });
  app.onError(onError);

  it('answers preflights for any origin with the allowed headers and a max age', async () => {
    const res = await app.request('/ok', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type,Idempotency-Key');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('opens answers and errors alike to every origin, without credentials', async () => {
    for (const [method, path, status] of [
      ['GET', '/ok', 200],
      ['POST', '/ok', 201],
      ['GET', '/missing', 404],
    ] as const) {
      const res = await app.request(path, { method, headers: { Origin: 'https://shop.example' } });
      expect(res.status).toBe(status);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});
