import { z } from 'zod';
import type { CalendarConnectionRow } from './calendar.table.js';
import type { CalendarSettings } from './settings.repository.js';
import type { SyncJobListing } from './sync-jobs.repository.js';

const kindNames = {
  google_shared: 'google-shared',
  google_oauth: 'google',
  microsoft: 'microsoft',
  caldav: 'caldav',
} as const;

export const connectionSchema = z.object({
  service: z.enum(['google-shared', 'google', 'microsoft', 'caldav']),
  status: z.string(),
  calendarId: z.string().nullable(),
  accountEmail: z.string().nullable(),
  sharedWith: z.string().nullable(),
  sharedRole: z.enum(['writer', 'reader']).nullable(),
  lastError: z.string().nullable(),
  busyRefreshedAt: z.string().nullable(),
  connectedAt: z.string(),
});

const jobStatus = z.enum(['pending', 'running', 'done', 'failed']);

export const calendarStateSchema = z.object({
  connection: connectionSchema.nullable(),
  health: z.enum(['up_to_date', 'retrying', 'missing', 'reconnect', 'connecting']).nullable(),
  settings: z.object({ includeCustomerContact: z.boolean() }),
  /** Whether the member has an iCalendar feed and since when (its URL is shown only when made). */
  feed: z.object({ active: z.boolean(), createdAt: z.string().nullable() }),
  syncJobs: z.record(jobStatus, z.number().int()),
  /** Which ways of connecting this server offers. */
  available: z.object({ googleShared: z.boolean(), google: z.boolean(), microsoft: z.boolean(), caldav: z.boolean() }),
});

export const syncJobSchema = z.object({
  id: z.number().int(),
  appointment: z.object({
    id: z.number().int(),
    start: z.string(),
    customerName: z.string(),
    serviceName: z.string(),
  }),
  action: z.string(),
  status: jobStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});

/** What the admin shows of a connection: never a token, sealed or not. */
export function connectionView(c: CalendarConnectionRow): z.output<typeof connectionSchema> {
  return {
    service: kindNames[c.kind],
    status: c.status,
    calendarId: c.calendar_id,
    accountEmail: c.account_email,
    sharedWith: c.share_with,
    sharedRole: c.share_role,
    lastError: c.last_error,
    busyRefreshedAt: c.busy_refreshed_at,
    connectedAt: c.created_at,
  };
}

/**
 * The connection's state in the owner's words, not the sync machinery's: `reconnect` (the grant is gone),
 * `connecting` (not finished), `missing` (some appointments gave up; a retry is the owner's to ask for),
 * `retrying` (the service could not be reached; the worker keeps trying on its own), else `up_to_date`.
 */
export type CalendarHealth = 'up_to_date' | 'retrying' | 'missing' | 'reconnect' | 'connecting';

export function calendarHealth(
  connection: Pick<CalendarConnectionRow, 'status'> | undefined,
  jobs: { failed: number; retrying: number },
): CalendarHealth | null {
  if (!connection) return null;
  if (connection.status === 'broken') return 'reconnect';
  if (connection.status === 'pending') return 'connecting';
  if (jobs.failed > 0) return 'missing';
  return jobs.retrying > 0 ? 'retrying' : 'up_to_date';
}

export const settingsView = (s: CalendarSettings) => ({ includeCustomerContact: s.includeCustomerContact });

/** The member's feed: whether they have one and since when (its URL is shown only when made). */
export const feedView = (createdAt: string | undefined) => ({
  active: createdAt !== undefined,
  createdAt: createdAt ?? null,
});

export function syncJobView(j: SyncJobListing): z.output<typeof syncJobSchema> {
  return {
    id: j.id,
    appointment: {
      id: j.appointment_id,
      start: j.start_at,
      customerName: j.customer_name,
      serviceName: j.service_name,
    },
    action: j.action,
    status: j.status,
    attempts: j.attempts,
    nextAttemptAt: j.status === 'pending' ? j.next_attempt_at : null,
    lastError: j.last_error,
    createdAt: j.created_at,
    completedAt: j.completed_at,
  };
}
