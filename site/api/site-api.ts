import { ApiError } from '../../widget/api/client.js';
import type { ProviderResponse } from '../../widget/api/types.js';
import type {
  AdminAppointment,
  AdminEmail,
  AdminMember,
  AdminService,
  ApiKey,
  ApiKeyScope,
  AppointmentStatus,
  BlockedTime,
  CancelScope,
  Closure,
  CustomerBooking,
  DateOverride,
  Email,
  Invitation,
  JoinInvitation,
  LocalInterval,
  MemberDeparture,
  OwnerBookingInput,
  OwnReview,
  Profile,
  ProfileImage,
  PublicReview,
  Role,
  Schedule,
  SeriesDates,
  ServiceInput,
  Slot,
  Team,
  User,
  WaitlistEntry,
  WaitlistOffer,
  WaitlistRequest,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WeeklyInterval,
} from './types.js';

export { ApiError };

/** A refusal whose body says more beside `error`: a taken waitlist offer's `next` times. */
export class ApiRefusal extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> | undefined,
    readonly extra: Record<string, unknown>,
  ) {
    super(status, code, message, fields);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const tokenQuery = (token?: string) => (token ? `?token=${encodeURIComponent(token)}` : '');

/** `?member=<id>` for the routes one member's things are under (absent: the signed-in member's). */
const forMember = (member?: number, joiner = '?') => (member ? `${joiner}member=${member}` : '');

/**
 * The site's client for its own server: same origin, session cookie included (the browser adds our `Origin` to
 * writes, which the CSRF check wants). Failures throw the widget's `ApiError` with the server's code and fields.
 */
export class SiteApi {
  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      // A form (a file upload) goes as multipart, with the boundary the browser sets.
      const form = body instanceof FormData;
      res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined || form ? {} : { 'content-type': 'application/json' },
        ...(body !== undefined && { body: form ? body : JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, 'offline', 'Network request failed');
    }
    if (res.status === 204) return undefined as T;
    const data = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string; fields?: Record<string, string> };
    } | null;
    if (res.ok && data) return data as T;
    const { error: err, ...extra } = data ?? { error: undefined };
    throw new ApiRefusal(res.status, err?.code ?? 'server_error', err?.message ?? res.statusText, err?.fields, extra);
  }

  // Accounts
  me = () => this.request<{ user: User; provider?: Profile | null }>('GET', '/api/me');
  login = (email: string, password: string) =>
    this.request<{ user: User }>('POST', '/api/auth/login', { email, password });
  /** `confirmationSent` instead of a user: the address has an unconfirmed account, whose owner got a link. */
  signup = (input: { email: string; password: string; name: string; role: Role }) =>
    this.request<{ user: User } | { confirmationSent: true }>('POST', '/api/auth/signup', input);
  logout = () => this.request<void>('POST', '/api/auth/logout');
  changePassword = (currentPassword: string, newPassword: string) =>
    this.request<void>('POST', '/api/auth/password', { currentPassword, newPassword });
  requestVerification = () =>
    this.request<{ sent: boolean; emailVerified: boolean }>('POST', '/api/auth/verify-email/request');
  /** Deletes the signed-in customer's account; their reviews stay without a name or go. */
  deleteAccount = (password: string, reviews: 'anonymous' | 'delete') =>
    this.request<{ deleted: true }>('DELETE', '/api/me', { password, reviews });
  verifyEmail = (token: string) =>
    this.request<{ emailVerified: true; role: Role; attached: number; signedIn: boolean }>(
      'POST',
      '/api/auth/verify-email',
      { token },
    );
  requestPasswordReset = (email: string) =>
    this.request<{ sent: true }>('POST', '/api/auth/password-reset/request', { email });
  resetPassword = (token: string, password: string) =>
    this.request<{ passwordReset: true; role: Role }>('POST', '/api/auth/password-reset', { token, password });

  // The customer
  myAppointments = () => this.request<{ appointments: CustomerBooking[] }>('GET', '/api/me/appointments');
  myEmails = () => this.request<{ emails: Email[] }>('GET', '/api/me/emails');
  myReviews = () => this.request<{ reviews: OwnReview[] }>('GET', '/api/reviews');
  createReview = (appointmentId: number, rating: number, body: string) =>
    this.request<{ review: OwnReview }>('POST', '/api/reviews', { appointmentId, rating, body });
  updateReview = (id: number, rating: number, body: string) =>
    this.request<{ review: OwnReview }>('PATCH', `/api/reviews/${id}`, { rating, body });

  // A booking, by manage token or the customer's session
  booking = (id: number, token?: string) =>
    this.request<{ booking: CustomerBooking }>('GET', `/api/bookings/${id}${tokenQuery(token)}`);
  /** Every date of the series the booking is in (404 for a single booking); same access as the booking. */
  bookingSeries = (id: number, token?: string) =>
    this.request<SeriesDates>('GET', `/api/bookings/${id}/series${tokenQuery(token)}`);
  /** `scope` for an occurrence of a series (the server's default is `one`); `cancelled`: how many were. */
  cancelBooking = (id: number, token?: string, scope?: CancelScope) =>
    this.request<{ booking: CustomerBooking; cancelled?: number }>('POST', `/api/bookings/${id}/cancel`, {
      token,
      scope,
    });
  /** `staff: 'any'`: another member may take it if theirs is busy then; omitted keeps the member. */
  rescheduleBooking = (id: number, start: string, token?: string, staff?: 'any') =>
    this.request<{ booking: CustomerBooking }>('POST', `/api/bookings/${id}/reschedule`, { token, start, staff });
  eraseBooking = (id: number, token?: string) =>
    this.request<{ booking: CustomerBooking }>('POST', `/api/bookings/${id}/erase`, { token });
  /** The booking's "earlier time" waitlist entry (null: none). */
  waitlist = (id: number, token?: string) =>
    this.request<{ waitlist: WaitlistEntry | null }>('GET', `/api/bookings/${id}/waitlist${tokenQuery(token)}`);
  /** Asks to be told when an earlier time frees up; asking again replaces the entry. */
  joinWaitlist = (id: number, request: WaitlistRequest, token?: string) =>
    this.request<{ waitlist: WaitlistEntry }>('PUT', `/api/bookings/${id}/waitlist`, { ...request, token });
  leaveWaitlist = (id: number, token?: string) =>
    this.request<{ waitlist: null }>('DELETE', `/api/bookings/${id}/waitlist`, { token });
  /** A freed time offered from the waitlist, by the token in its email's link. */
  offer = (id: number, token: string) =>
    this.request<{ offer: WaitlistOffer }>('GET', `/api/waitlist/offers/${id}${tokenQuery(token)}`);
  /** Takes an offer; a refusal (`offer_taken`, `offer_expired`) is an `ApiRefusal` with the `next` free times. */
  takeOffer = (id: number, token: string) =>
    this.request<{ offer: WaitlistOffer; booking: CustomerBooking }>('POST', `/api/waitlist/offers/${id}/take`, {
      token,
    });
  bookingEmails = (id: number, token?: string) =>
    this.request<{ emails: Email[] }>('GET', `/api/bookings/${id}/emails${tokenQuery(token)}`);

  // The provider
  profile = () => this.request<{ profile: Profile }>('GET', '/api/admin/profile');
  saveProfile = (profile: Profile) => this.request<{ profile: Profile }>('PUT', '/api/admin/profile', profile);
  /** `confirm`: the business's slug, typed again. */
  images = () => this.request<{ images: ProfileImage[] }>('GET', '/api/admin/images');
  uploadImage = (kind: ProfileImage['kind'], file: File) => {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', file);
    return this.request<{ image: ProfileImage }>('POST', '/api/admin/images', form);
  };
  removeImage = (id: number) => this.request<void>('DELETE', `/api/admin/images/${id}`);
  reorderPhotos = (ids: number[]) =>
    this.request<{ images: ProfileImage[] }>('PUT', '/api/admin/images/order', { ids });
  closeBusiness = (confirm: string) => this.request<{ closed: true }>('POST', '/api/admin/business/close', { confirm });
  services = () => this.request<{ services: AdminService[] }>('GET', '/api/admin/services');
  /**
   * The services the signed-in member books and filters by: every one for the owner and admins; for staff, who may
   * not open the business's service settings, the bookable ones as the public page lists them.
   */
  servicesFor = async (profile: Profile): Promise<AdminService[]> => {
    if (profile.me?.role !== 'staff') return (await this.services()).services;
    const { services } = await this.request<ProviderResponse>(
      'GET',
      `/api/providers/${encodeURIComponent(profile.slug)}`,
    );
    return services.map((s) => ({ ...s, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, active: true }));
  };
  createService = (input: ServiceInput) =>
    this.request<{ service: AdminService }>('POST', '/api/admin/services', input);
  updateService = (id: number, input: Partial<ServiceInput>) =>
    this.request<{ service: AdminService }>('PATCH', `/api/admin/services/${id}`, input);
  deleteService = (id: number) => this.request<void>('DELETE', `/api/admin/services/${id}`);
  schedule = (from?: string, to?: string, member?: number) =>
    this.request<Schedule>(
      'GET',
      `/api/admin/schedule${from && to ? `?from=${from}&to=${to}${forMember(member, '&')}` : forMember(member)}`,
    );
  saveWeekly = (intervals: WeeklyInterval[], member?: number) =>
    this.request<{ weeklyHours: WeeklyInterval[] }>('PUT', `/api/admin/schedule/weekly${forMember(member)}`, {
      intervals,
    });
  saveOverride = (date: string, intervals: LocalInterval[], member?: number) =>
    this.request<{ override: DateOverride }>('PUT', `/api/admin/schedule/overrides/${date}${forMember(member)}`, {
      intervals,
    });
  deleteOverride = (date: string, member?: number) =>
    this.request<void>('DELETE', `/api/admin/schedule/overrides/${date}${forMember(member)}`);
  addClosure = (closure: Omit<Closure, 'id'>) =>
    this.request<{ closure: Closure }>('POST', '/api/admin/schedule/closures', closure);
  deleteClosure = (id: number) => this.request<void>('DELETE', `/api/admin/schedule/closures/${id}`);
  appointments = (q: { from?: string; to?: string; status?: AppointmentStatus | ''; member?: number | undefined }) => {
    const params = new URLSearchParams(
      Object.entries(q).flatMap(([k, v]) => (v ? [[k, String(v)]] : [])) as [string, string][],
    );
    return this.request<{ appointments: AdminAppointment[] }>('GET', `/api/admin/appointments?${params}`);
  };
  appointment = (id: number) => this.request<{ appointment: AdminAppointment }>('GET', `/api/admin/appointments/${id}`);
  /** `reason`: for a cancellation, the owner's message, quoted in the customer's email. */
  appointmentAction = (id: number, action: 'cancel' | 'complete' | 'no-show', reason?: string) =>
    this.request<{ appointment: AdminAppointment }>(
      'POST',
      `/api/admin/appointments/${id}/${action}`,
      reason ? { reason } : undefined,
    );
  /**
   * Cancels an appointment; `reason` is quoted in the customer's email, `scope` chooses for an occurrence of a series
   * (the server's default is `one`). `cancelled`: how many were.
   */
  cancelAppointment = (id: number, { reason, scope }: { reason?: string; scope?: CancelScope } = {}) => {
    const body = { ...(reason && { reason }), ...(scope && { scope }) };
    return this.request<{ appointment: AdminAppointment; cancelled?: number }>(
      'POST',
      `/api/admin/appointments/${id}/cancel`,
      Object.keys(body).length ? body : undefined,
    );
  };
  rescheduleAppointment = (id: number, start: string) =>
    this.request<{ appointment: AdminAppointment }>('POST', `/api/admin/appointments/${id}/reschedule`, { start });
  /** Gives the appointment to another member (409 when they are busy then, 422 when they don't perform it). */
  changeMember = (id: number, memberId: number) =>
    this.request<{ appointment: AdminAppointment }>('PUT', `/api/admin/appointments/${id}/member`, { memberId });
  /** Cancels every attendee of one class time; each gets an email with `reason`. */
  cancelClass = (input: { serviceId: number; memberId: number; start: string; reason?: string }) =>
    this.request<unknown>('POST', '/api/admin/classes/cancel', input);
  /** A phone call or a walk-in, booked by the owner. */
  createAppointment = (input: OwnerBookingInput) =>
    this.request<{ appointment: AdminAppointment }>('POST', '/api/admin/appointments', input);
  /** Free starts of a local date for the owner (no notice period), of one member when given. */
  ownerSlots = (service: number, date: string, member?: number) =>
    this.request<{ timeZone: string; slots: Slot[] }>(
      'GET',
      `/api/admin/appointments/slots?service=${service}&date=${date}${forMember(member, '&')}`,
    );
  blockedTimes = (range: { from: string; to: string }, member?: number) =>
    this.request<{ blockedTimes: BlockedTime[] }>(
      'GET',
      `/api/admin/blocked-times?${new URLSearchParams(range)}${forMember(member, '&')}`,
    );
  /** `date`, `from` and `to` in the business's zone. */
  blockTime = (input: { date: string; from: string; to: string; label?: string }, member?: number) =>
    this.request<{ blockedTime: BlockedTime }>('POST', `/api/admin/blocked-times${forMember(member)}`, input);
  unblockTime = (id: number) => this.request<void>('DELETE', `/api/admin/blocked-times/${id}`);
  team = () => this.request<Team>('GET', '/api/admin/team');
  invite = (input: Pick<Invitation, 'email' | 'name' | 'role'>) =>
    this.request<{ invitation: Invitation }>('POST', '/api/admin/team/invitations', input);
  revokeInvitation = (id: number) => this.request<void>('DELETE', `/api/admin/team/invitations/${id}`);
  updateMember = (id: number, patch: Partial<Pick<AdminMember, 'name' | 'bio' | 'role' | 'serviceIds' | 'position'>>) =>
    this.request<{ member: AdminMember }>('PATCH', `/api/admin/team/${id}`, patch);
  /** A member's photo (any member's for the owner and admins, only their own for staff). */
  uploadMemberPhoto = (id: number, file: File) => {
    const form = new FormData();
    form.set('file', file);
    return this.request<{ photoUrl: string }>('PUT', `/api/admin/team/${id}/photo`, form);
  };
  removeMemberPhoto = (id: number) => this.request<void>('DELETE', `/api/admin/team/${id}/photo`);
  removeMember = (id: number, departure: MemberDeparture) =>
    this.request<unknown>('DELETE', `/api/admin/team/${id}`, departure);
  /** The signed-in member leaves the business (not its owner). */
  leaveTeam = (departure: MemberDeparture) => this.request<unknown>('POST', '/api/admin/team/leave', departure);
  /** An invitation by its emailed token: 404 once used or expired. */
  invitation = (token: string) =>
    this.request<{ invitation: JoinInvitation }>('GET', `/api/team/invitation?token=${encodeURIComponent(token)}`);
  /** Accepts an invitation: a new account (name, password) or the signed-in one with the invited email. */
  join = (input: { token: string; name?: string; password?: string }) =>
    this.request<{ member: NonNullable<Profile['me']> }>('POST', '/api/team/join', input);
  adminReviews = (page = 1) =>
    this.request<{ reviews: PublicReview[]; page: number; pageSize: number }>('GET', `/api/admin/reviews?page=${page}`);
  replyToReview = (id: number, reply: string) =>
    this.request<{ review: OwnReview }>('POST', `/api/admin/reviews/${id}/reply`, { reply });
  adminEmails = (q: { status?: string; appointment?: number } = {}) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]);
    return this.request<{ emails: AdminEmail[] }>('GET', `/api/admin/emails?${params}`);
  };
  /** Whether this server sends email at all (SMTP_URL set), for the owner's banner. */
  emailDelivery = () => this.request<{ delivery: { sendsEmail: boolean } }>('GET', '/api/admin/emails/delivery');
  apiKeys = () => this.request<{ apiKeys: ApiKey[] }>('GET', '/api/admin/api-keys');
  /** `key` is the whole key: this answer is the only place it ever appears. */
  createApiKey = (input: { name: string; scope: ApiKeyScope }) =>
    this.request<{ apiKey: ApiKey; key: string }>('POST', '/api/admin/api-keys', input);
  revokeApiKey = (id: number) => this.request<void>('DELETE', `/api/admin/api-keys/${id}`);
  retryEmail = (id: number) => this.request<{ email: AdminEmail }>('POST', `/api/admin/emails/${id}/retry`);
  /** Sends email `id` again; `emails` with that one in its new state (for a list answering `book-email-retry`). */
  retryEmailIn = async (emails: AdminEmail[], id: number): Promise<AdminEmail[]> => {
    const { email } = await this.retryEmail(id);
    return emails.map((e) => (e.id === id ? email : e));
  };

  // Webhooks (docs/webhooks.md): a secret comes back only when it is made.
  webhooks = () => this.request<{ endpoints: WebhookEndpoint[]; eventTypes: string[] }>('GET', '/api/admin/webhooks');
  createWebhook = (input: WebhookEndpointInput) =>
    this.request<{ endpoint: WebhookEndpoint; secret: string }>('POST', '/api/admin/webhooks', input);
  updateWebhook = (id: number, changes: Partial<WebhookEndpointInput> & { enabled?: boolean }) =>
    this.request<{ endpoint: WebhookEndpoint }>('PATCH', `/api/admin/webhooks/${id}`, changes);
  deleteWebhook = (id: number) => this.request<void>('DELETE', `/api/admin/webhooks/${id}`);
  rotateWebhookSecret = (id: number) =>
    this.request<{ endpoint: WebhookEndpoint; secret: string }>('POST', `/api/admin/webhooks/${id}/rotate-secret`);
  testWebhook = (id: number) => this.request<{ delivery: WebhookDelivery }>('POST', `/api/admin/webhooks/${id}/test`);
  webhookDeliveries = (id: number) =>
    this.request<{ deliveries: WebhookDelivery[] }>('GET', `/api/admin/webhooks/${id}/deliveries`);
  redeliverWebhook = (id: number, deliveryId: number) =>
    this.request<{ delivery: WebhookDelivery }>('POST', `/api/admin/webhooks/${id}/deliveries/${deliveryId}/redeliver`);
}

export const api = new SiteApi();
