import type { Migration } from 'kysely';
import * as core from './0001_core.js';
import * as emailNotifications from './0010_email_notifications.js';
import * as calendarSync from './0020_calendar_sync.js';
import * as calendarSettings from './0021_calendar_settings.js';
import * as accountTokens from './0030_account_tokens.js';
import * as privacy from './0040_privacy.js';
import * as emailReplyTo from './0050_email_reply_to.js';
import * as blockedTimes from './0060_blocked_times.js';
import * as cancelReason from './0065_cancel_reason.js';
import * as closures from './0066_closures.js';
import * as search from './0070_search.js';
import * as providerImages from './0071_provider_images.js';
import * as bookingPolicy from './0085_booking_policy.js';
import * as teamMembers from './0090_team_members.js';
import * as memberCalendars from './0095_member_calendars.js';
import * as ownerCopies from './0096_owner_copies.js';
import * as memberPhotos from './0097_member_photos.js';
import * as directoryOrder from './0100_directory_order.js';
import * as postgresNoOverlap from './0110_postgres_no_overlap.js';
import * as syncJobClaims from './0111_sync_job_claims.js';
import * as busyRefreshLease from './0112_busy_refresh_lease.js';
import * as slotsVersions from './0115_slots_versions.js';
import * as rateLimitWindows from './0116_rate_limit_windows.js';
import * as postgresSearch from './0119_postgres_search.js';
import * as searchVersion from './0120_search_version.js';
import * as webhooks from './0123_webhooks.js';
import * as apiKeys from './0127_api_keys.js';
import * as emailDrafts from './0131_email_drafts.js';
import * as caldav from './0135_caldav.js';
import * as waitlist from './0136_waitlist.js';
import * as recurring from './0140_recurring.js';
import * as listedName from './0145_listed_name.js';

/**
 * Every migration, keyed by a name that sorts in the order they must run. Listed here rather
 * than read from the folder so the server runs the same from source, a bundle or a test.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0010_email_notifications': emailNotifications,
  '0020_calendar_sync': calendarSync,
  '0021_calendar_settings': calendarSettings,
  '0030_account_tokens': accountTokens,
  '0040_privacy': privacy,
  '0050_email_reply_to': emailReplyTo,
  '0060_blocked_times': blockedTimes,
  '0065_cancel_reason': cancelReason,
  '0066_closures': closures,
  '0070_search': search,
  '0071_provider_images': providerImages,
  '0085_booking_policy': bookingPolicy,
  '0090_team_members': teamMembers,
  '0095_member_calendars': memberCalendars,
  '0096_owner_copies': ownerCopies,
  '0097_member_photos': memberPhotos,
  '0100_directory_order': directoryOrder,
  '0110_postgres_no_overlap': postgresNoOverlap,
  '0111_sync_job_claims': syncJobClaims,
  '0112_busy_refresh_lease': busyRefreshLease,
  '0115_slots_versions': slotsVersions,
  '0116_rate_limit_windows': rateLimitWindows,
  '0119_postgres_search': postgresSearch,
  '0120_search_version': searchVersion,
  '0123_webhooks': webhooks,
  '0127_api_keys': apiKeys,
  '0131_email_drafts': emailDrafts,
  '0135_caldav': caldav,
  '0136_waitlist': waitlist,
  '0140_recurring': recurring,
  '0145_listed_name': listedName,
};
