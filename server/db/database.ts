import type { ApiKeysTable } from '../api-keys/api-keys.table.js';
import type { AccountTokensTable, SessionsTable, UsersTable } from '../auth/auth.table.js';
import type { BlockedTimesTable } from '../blocked-times/blocked-times.table.js';
import type { AppointmentsTable, IdempotencyKeysTable } from '../bookings/bookings.table.js';
import type {
  CalendarBusyTable,
  CalendarConnectionsTable,
  CalendarEventsTable,
  CalendarOauthStatesTable,
  CalendarSettingsTable,
  MemberFeedsTable,
  SyncJobsTable,
} from '../calendar/calendar.table.js';
import type { EmailLinkTokensTable, EmailOutboxTable } from '../email/email.table.js';
import type { RateLimitWindowsTable } from '../http/rate-limit.table.js';
import type { MemberPhotosTable, ProviderImagesTable } from '../media/media.table.js';
import type { ProviderSlugsTable, ProvidersTable } from '../providers/providers.table.js';
import type { ReviewsTable } from '../reviews/reviews.table.js';
import type { ClosuresTable, DateOverridesTable, WeeklyHoursTable } from '../schedule/schedule.table.js';
import type {
  ProviderSearchTable,
  ProviderSearchVocabTable,
  SearchStaleTable,
  SearchVersionTable,
} from '../search/search.table.js';
import type { AppointmentSeriesTable } from '../series/series.table.js';
import type { ServicesTable } from '../services/services.table.js';
import type { SlotsVersionsTable } from '../slots/slots.table.js';
import type { MemberServicesTable, TeamInvitationsTable, TeamMembersTable } from '../team/team.table.js';
import type { WaitlistEntriesTable, WaitlistOffersTable } from '../waitlist/waitlist.table.js';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../webhooks/webhooks.table.js';

/**
 * The schema Kysely checks queries against, composed from the table types each feature owns
 * (`server/<feature>/<feature>.table.ts`). Type-only imports: nothing of a feature runs in db/.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  providers: ProvidersTable;
  provider_slugs: ProviderSlugsTable;
  services: ServicesTable;
  weekly_hours: WeeklyHoursTable;
  date_overrides: DateOverridesTable;
  closures: ClosuresTable;
  appointments: AppointmentsTable;
  appointment_series: AppointmentSeriesTable;
  idempotency_keys: IdempotencyKeysTable;
  reviews: ReviewsTable;
  email_outbox: EmailOutboxTable;
  email_link_tokens: EmailLinkTokensTable;
  calendar_connections: CalendarConnectionsTable;
  sync_jobs: SyncJobsTable;
  calendar_events: CalendarEventsTable;
  calendar_busy: CalendarBusyTable;
  calendar_settings: CalendarSettingsTable;
  calendar_oauth_states: CalendarOauthStatesTable;
  member_feeds: MemberFeedsTable;
  blocked_times: BlockedTimesTable;
  provider_search: ProviderSearchTable;
  provider_search_vocab: ProviderSearchVocabTable;
  search_stale: SearchStaleTable;
  search_version: SearchVersionTable;
  provider_images: ProviderImagesTable;
  member_photos: MemberPhotosTable;
  team_members: TeamMembersTable;
  member_services: MemberServicesTable;
  team_invitations: TeamInvitationsTable;
  slots_versions: SlotsVersionsTable;
  rate_limit_windows: RateLimitWindowsTable;
  api_keys: ApiKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  waitlist_entries: WaitlistEntriesTable;
  waitlist_offers: WaitlistOffersTable;
}
