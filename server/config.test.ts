import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    try {
      const config = loadConfig({ DATABASE_URL: `sqlite:${dir}/app.db` });
      expect(config).toMatchObject({ port: 3000, appUrl: 'http://localhost:3000', seedDemo: true, env: 'development' });
      // The development secret is generated once and kept beside the database.
      expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe(config.secretKey);
      expect(loadConfig({ DATABASE_URL: `sqlite:${dir}/app.db` }).secretKey).toBe(config.secretKey);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every bad variable in one clear message', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', APP_URL: 'ftp://x', SEED_DEMO: 'maybe' }),
    ).toThrowError(/PORT[\s\S]*DATABASE_URL[\s\S]*APP_URL[\s\S]*SEED_DEMO/);
  });

  it('requires SECRET_KEY in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:' })).toThrowError(/SECRET_KEY/);
    const key = 'k'.repeat(64);
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: key, APP_URL: 'https://book.example/' })).toMatchObject({
      secretKey: key,
      appUrl: 'https://book.example',
    });
  });

  it('reads SEED_DEMO=false and in-memory databases', () => {
    const config = loadConfig({ SEED_DEMO: 'false', DATABASE_URL: 'sqlite::memory:', PORT: '8080' });
    expect(config).toMatchObject({
      seedDemo: false,
      databaseUrl: 'sqlite::memory:',
      port: 8080,
      appUrl: 'http://localhost:8080',
    });
  });

  it('takes a PostgreSQL URL, with a SECRET_KEY that every instance shares', () => {
    const url = 'postgres://book:pw@db.internal:5432/book';
    expect(() => loadConfig({ DATABASE_URL: url })).toThrowError(/SECRET_KEY: required with a PostgreSQL/);
    const key = 'k'.repeat(64);
    expect(loadConfig({ DATABASE_URL: url, SECRET_KEY: key })).toMatchObject({ databaseUrl: url, secretKey: key });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/book', SECRET_KEY: key }).databaseUrl).toBe(
      'postgresql://db/book',
    );
  });
});
