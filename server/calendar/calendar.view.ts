import type { CalendarConnectionRow } from './calendar.table.js';
import type { CalendarSettings } from './settings.repository.js';
import type { SyncJobListing } from './sync-jobs.repository.js';

const kindNames = { google_shared: 'google-shared', google_oauth: 'google', microsoft: 'microsoft' } as const;

/** What the admin shows of a connection: never a token, sealed or not. */
export function connectionView(c: CalendarConnectionRow) {
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

export const settingsView = (s: CalendarSettings) => ({ includeCustomerContact: s.includeCustomerContact });

export const feedView = (s: CalendarSettings) => ({ active: s.feedTokenHash !== null, createdAt: s.feedCreatedAt });

export function syncJobView(j: SyncJobListing) {
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
