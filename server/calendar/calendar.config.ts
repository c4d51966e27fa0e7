import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { BackoffPolicy } from '../outbox/backoff.js';

const httpUrl = z.url({ protocol: /^https?$/ });

/** A service account key, given inline (`{...}`) or as the path of the JSON file Google hands out. */
const serviceAccount = z.string().transform((value, ctx) => {
  try {
    const json = JSON.parse(value.trim().startsWith('{') ? value : readFileSync(value, 'utf8')) as Record<
      string,
      unknown
    >;
    if (typeof json.client_email === 'string' && typeof json.private_key === 'string') {
      return { clientEmail: json.client_email, privateKey: json.private_key };
    }
    ctx.addIssue({ code: 'custom', message: 'needs client_email and private_key (a service account key file)' });
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `not readable JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return z.NEVER;
});

/** The calendar part of the environment, spread into `server/config.ts`'s schema. */
export const calendarEnv = {
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** The app account's refresh token (shared-calendar mode). */
  GOOGLE_REFRESH_TOKEN: z.string().min(1).optional(),
  GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccount.optional(),
  GOOGLE_API_ROOT_URL: httpUrl.default('https://www.googleapis.com/'),
  GOOGLE_OAUTH_TOKEN_URL: httpUrl.default('https://oauth2.googleapis.com/token'),
  GOOGLE_OAUTH_AUTH_URL: httpUrl.default('https://accounts.google.com/o/oauth2/v2/auth'),
  MS_CLIENT_ID: z.string().min(1).optional(),
  MS_CLIENT_SECRET: z.string().min(1).optional(),
  MS_AUTHORITY_URL: httpUrl.default('https://login.microsoftonline.com/common'),
  MS_GRAPH_BASE_URL: httpUrl.default('https://graph.microsoft.com/v1.0'),
  /**
   * CalDAV servers are reached over HTTPS on the public internet only (the app password goes with every request; no
   * address can point the server into its own network), unless this says 1: a server on one's own network, tests.
   */
  CALDAV_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  CALENDAR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
};

type CalendarEnv = z.output<z.ZodObject<typeof calendarEnv>>;

export interface CalendarConfig {
  google: {
    clientId: string | null;
    clientSecret: string | null;
    /** Shared-calendar mode authenticates as the app account with this (preferred) … */
    appRefreshToken: string | null;
    /** … or as this service account. */
    serviceAccount: { clientEmail: string; privateKey: string } | null;
    apiRootUrl: string;
    oauthTokenUrl: string;
    oauthAuthUrl: string;
  };
  microsoft: { clientId: string | null; clientSecret: string | null; authorityUrl: string; graphBaseUrl: string };
  /** `allowPrivate`: CalDAV servers on plain HTTP or a private address may be connected (one's own network, tests). */
  caldav: { allowPrivate: boolean };
  /** Every call to a calendar API gives up after this long. */
  timeoutMs: number;
  /** How often the sync worker looks for due jobs. */
  syncIntervalMs: number;
  /** Busy times older than this are refreshed when read; the background pass refreshes at `busyRefreshIntervalMs`. */
  busyTtlMs: number;
  busyRefreshIntervalMs: number;
  backoff: BackoffPolicy;
}

export function calendarConfigFrom(e: CalendarEnv): CalendarConfig {
  return {
    google: {
      clientId: e.GOOGLE_CLIENT_ID ?? null,
      clientSecret: e.GOOGLE_CLIENT_SECRET ?? null,
      appRefreshToken: e.GOOGLE_REFRESH_TOKEN ?? null,
      serviceAccount: e.GOOGLE_SERVICE_ACCOUNT_JSON ?? null,
      apiRootUrl: e.GOOGLE_API_ROOT_URL,
      oauthTokenUrl: e.GOOGLE_OAUTH_TOKEN_URL,
      oauthAuthUrl: e.GOOGLE_OAUTH_AUTH_URL,
    },
    microsoft: {
      clientId: e.MS_CLIENT_ID ?? null,
      clientSecret: e.MS_CLIENT_SECRET ?? null,
      authorityUrl: e.MS_AUTHORITY_URL.replace(/\/+$/, ''),
      graphBaseUrl: e.MS_GRAPH_BASE_URL.replace(/\/+$/, ''),
    },
    caldav: { allowPrivate: e.CALDAV_ALLOW_PRIVATE === '1' },
    timeoutMs: e.CALENDAR_TIMEOUT_MS,
    syncIntervalMs: 2_000,
    busyTtlMs: 2 * 60_000,
    busyRefreshIntervalMs: 5 * 60_000,
    // Google asks for exponential backoff on rate limits; ten tries reach the 15-minute cap in about an hour.
    backoff: { baseMs: 2_000, maxMs: 15 * 60_000, maxAttempts: 12 },
  };
}
