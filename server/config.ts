import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { type CalendarConfig, calendarConfigFrom, calendarEnv } from './calendar/calendar.config.js';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)/, 'must look like sqlite:./data/app.db, sqlite::memory: or postgres://…')
    .default('sqlite:./data/app.db'),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  SEED_DEMO: flag.optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  TRUST_PROXY: flag.default(false),
  BOOKING_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  SIGNUP_RATE_LIMIT: z.coerce.number().int().positive().default(20),
  SLOTS_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  API_KEY_RATE_LIMIT: z.coerce.number().int().positive().default(300),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(730),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  WEBHOOKS_ALLOW_PRIVATE: flag.default(false),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)').optional(),
  ...calendarEnv,
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  /** Origin for links in emails and the CSRF check, without a trailing slash. */
  appUrl: string;
  /** On: seed demo data when the database has no provider yet. */
  seedDemo: boolean;
  secretKey: string;
  /** Read the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** Bookings per minute per client address. */
  bookingRateLimit: number;
  /** Failed-or-not login attempts per 15 minutes per email and address. */
  loginRateLimit: number;
  /** Sign-ups per hour per client address. */
  signupRateLimit: number;
  /** Slot answers computed (not served from the cache) per minute per client address. */
  slotsRateLimit: number;
  /** Admin API requests per minute per API key. */
  apiKeyRateLimit: number;
  /** Days after an appointment's end when its customer's contact details are erased. */
  retentionDays: number;
  /** `smtp://user:pass@host:587` or `smtps://…:465`; null: emails go to the built-in mailbox only. */
  smtpUrl: string | null;
  /** The From of every email, e.g. `Book your services <bookings@example.com>`. */
  mailFrom: string;
  /**
   * Webhook endpoints may be http:// and on loopback or private addresses (tests, a receiver on your own network).
   * Off: https only, and only addresses on the public internet (docs/webhooks.md).
   */
  webhooksAllowPrivate: boolean;
  /** Bearer token for `/metrics`; null: it answers loopback clients only (docs/operations.md). */
  metricsToken: string | null;
  /** Google Calendar and Outlook sync (GOOGLE_*, MS_*, CALENDAR_*; see docs/calendar.md). */
  calendar: CalendarConfig;
}

/** Reads and validates the environment; throws one message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SECRET_KEY) {
    throw new Error('Invalid configuration:\n  SECRET_KEY: required when NODE_ENV=production');
  }
  // Instances on one PostgreSQL database must share the key that seals tokens; a key file beside each is no good.
  if (!e.DATABASE_URL.startsWith('sqlite:') && !e.SECRET_KEY) {
    throw new Error('Invalid configuration:\n  SECRET_KEY: required with a PostgreSQL DATABASE_URL');
  }
  const port = e.PORT;
  const appUrl = (e.APP_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appUrl,
    seedDemo: e.SEED_DEMO ?? true,
    secretKey: e.SECRET_KEY ?? developmentSecret(e.DATABASE_URL),
    trustProxy: e.TRUST_PROXY,
    bookingRateLimit: e.BOOKING_RATE_LIMIT,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    signupRateLimit: e.SIGNUP_RATE_LIMIT,
    slotsRateLimit: e.SLOTS_RATE_LIMIT,
    apiKeyRateLimit: e.API_KEY_RATE_LIMIT,
    retentionDays: e.RETENTION_DAYS,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? `Book your services <no-reply@${new URL(appUrl).hostname}>`,
    metricsToken: e.METRICS_TOKEN ?? null,
    webhooksAllowPrivate: e.WEBHOOKS_ALLOW_PRIVATE,
    calendar: calendarConfigFrom(e),
  };
}

/**
 * Outside production a key is made once and kept beside the database, so encrypted tokens
 * stay readable across restarts without anyone having to configure a secret.
 */
function developmentSecret(databaseUrl: string): string {
  if (databaseUrl === 'sqlite::memory:') return randomBytes(32).toString('hex');
  const file = `${dirname(databaseUrl.slice('sqlite:'.length))}/secret.key`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
