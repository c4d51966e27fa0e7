/** Shapes of the cookie-authenticated API the site uses (see docs/api.md). */
import type { Money, Policy, Provider, ServiceRepeat, StaffRef, WaitlistEntry } from '../../widget/api/types.js';

export type {
  Money,
  Provider,
  Service,
  ServiceRepeat,
  Slot,
  StaffRef,
  TeamMember,
  WaitlistEntry,
  WaitlistRequest,
} from '../../widget/api/types.js';

export type Role = 'customer' | 'provider';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
}

export interface BookingRules {
  /** Slots start no earlier than `now` plus this. */
  minNoticeMinutes: number;
  /** Slots start before `now` plus this many calendar days in the provider's zone (same wall-clock time). */
  maxDaysAhead: number;
  /** Grid of slot starts, stepped in absolute time from the start of each working interval. */
  slotStepMinutes: number;
}

/** The provider's own profile: the public fields, the phone and the booking rules. */
export interface Profile extends Omit<Provider, 'rating'> {
  phone: string;
  bookingRules: BookingRules;
  /** `ownerCopies`: the owner gets a copy of the emails of appointments other team members serve. */
  notifications?: { reminder: 'off' | '24h' | '2h'; ownerCopies?: boolean };
  /** Set once the business was closed (its data goes 30 days later); read-only. */
  closedAt?: string | null;
  /** The signed-in member of the business: what the site shows and allows depends on `role`. */
  me?: { memberId: number; role: MemberRole; name: string; photoUrl?: string | null };
}

/** owner: everything; admin: everything but closing the business and its ownership; staff: their own work only. */
export type MemberRole = 'owner' | 'admin' | 'staff';

/** A team member as the owner and admins manage them. */
export interface AdminMember {
  id: number;
  slug: string;
  name: string;
  role: MemberRole;
  email: string | null;
  bio: string;
  photoUrl: string | null;
  serviceIds: number[];
  /** Has signed in (accepted the invitation), or is the owner. */
  joined: boolean;
  position: number;
}

export interface Invitation {
  id: number;
  email: string;
  name: string;
  role: Exclude<MemberRole, 'owner'>;
  expiresAt: string;
}

export interface Team {
  members: AdminMember[];
  invitations: Invitation[];
}

/** An invitation as its invitee sees it before joining (`GET /api/team/invitation?token=`). */
export interface JoinInvitation {
  business: { name: string; slug: string };
  name: string;
  email: string;
  role: Exclude<MemberRole, 'owner'>;
  expiresAt: string;
  /** The address has an account: joining needs it signed in (the link alone does not hand it over). */
  hasAccount: boolean;
}

/** What becomes of a leaving member's future appointments. */
export interface MemberDeparture {
  future: 'reassign' | 'cancel';
  /** With 'reassign': this member takes them all; absent: each goes to a fair pick of the members free then. */
  reassignTo?: number;
}

export interface AdminService {
  id: number;
  name: string;
  description: string;
  durationMinutes: number;
  price: Money;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  active: boolean;
  /** Places per time: 1 is one-to-one, more is a class. Absent from servers before classes. */
  seats?: number;
  /** The members who perform it. Absent from servers before teams. */
  memberIds?: number[];
  /** Recurring bookings; null: not offered. Absent from servers before recurring appointments. */
  repeat?: ServiceRepeat | null;
}

export type ServiceInput = Omit<AdminService, 'id'>;

/** A wall-clock interval in the provider's time zone, `HH:mm` to `HH:mm` (end may be `24:00`). */
export interface LocalInterval {
  start: string;
  end: string;
}

/** Opening hours for one ISO weekday (1 = Monday … 7 = Sunday). */
export interface WeeklyInterval extends LocalInterval {
  weekday: number;
}

/** Replaces the weekly hours of one local date: no intervals means closed all day. */
export interface DateOverride {
  date: string; // YYYY-MM-DD in the provider's zone
  intervals: LocalInterval[];
}

/** A closure over whole days, `from` to `to` inclusive (local dates): one entry for a holiday. */
export interface Closure {
  id: number;
  from: string;
  to: string;
  label: string;
}

export interface Schedule {
  weeklyHours: WeeklyInterval[];
  overrides: DateOverride[];
  closures?: Closure[];
}

/** Time the owner keeps free (a lunch, a doctor's visit): UTC instants. */
export interface BlockedTime {
  id: number;
  start: string;
  end: string;
  label: string;
}

/** The owner's booking for a caller or a walk-in (`POST /api/admin/appointments`). */
export interface OwnerBookingInput {
  service: number;
  start: string;
  customer: { name: string; email?: string; phone?: string };
  note?: string;
  /** Who serves it; default: the signed-in member. */
  memberId?: number;
}

export type AppointmentStatus = 'confirmed' | 'cancelled' | 'completed' | 'no_show';

/**
 * An occurrence's place in its recurring series: `index` counts from 0 (skipped occurrences included), `count` is
 * how many the series has, `everyWeeks` its interval.
 */
export interface BookingSeries {
  id: number;
  index: number;
  count: number;
  everyWeeks: number;
}

/** One booked date of a recurring series, as `GET /api/bookings/:id/series` lists it. */
export interface SeriesOccurrence {
  id: number;
  /** From 0, as `BookingSeries.index`; an occurrence skipped when booking is not listed. */
  index: number;
  start: string;
  end: string;
  status: AppointmentStatus;
}

/** Every booked date of an occurrence's series, in series order. */
export interface SeriesDates {
  series: Pick<BookingSeries, 'id' | 'count' | 'everyWeeks'>;
  occurrences: SeriesOccurrence[];
}

/** What a cancel of an occurrence of a series covers: this date only, or it and every later confirmed one. */
export type CancelScope = 'one' | 'following';

/** A booking as its customer sees it. */
export interface CustomerBooking {
  id: number;
  status: AppointmentStatus;
  start: string;
  end: string;
  sequence: number;
  note: string;
  customerName: string;
  service: { id: number; name: string; durationMinutes: number };
  /** `phone` and `email` (a confirmed address, else null) reach the business; absent from older servers. */
  provider: { slug: string; name: string; address: string; timeZone: string; phone?: string; email?: string | null };
  /** The business's policy; `changeableUntil`: the customer may cancel or move it online until then (null: until it starts). */
  policy?: Policy & { changeableUntil: string | null };
  cancelledBy: Role | null;
  /** Who serves it; absent from servers before teams. */
  staff?: StaffRef | null;
  /** For a class: its places per time. */
  seats?: number;
  contactErased?: boolean;
  manageUrl?: string;
  calendarLinks?: { ics: string; google: string };
  /** Its "earlier time" waitlist entry, in "My appointments" (upcoming one-to-one ones; absent elsewhere). */
  waitlist?: WaitlistEntry | null;
  /** An occurrence of a recurring series; null: a single booking. Absent from servers before recurring appointments. */
  series?: BookingSeries | null;
}

/** An appointment as its provider sees it: with the customer's contact. */
export interface AdminAppointment extends CustomerBooking {
  customer: { name: string; email: string; phone: string | null; timeZone: string | null };
  /** The owner's message to the customer when they cancelled. */
  cancelReason?: string | null;
  /** The member who serves it. Absent from servers before teams. */
  member?: { id: number; name: string };
  createdAt: string;
  updatedAt: string;
}

export interface OwnReview {
  id: number;
  appointmentId: number;
  rating: number;
  body: string;
  createdAt: string;
  updatedAt: string;
  reply: string | null;
}

export interface PublicReview {
  id: number;
  rating: number;
  body: string;
  author: string;
  service: string;
  createdAt: string;
  reply: string | null;
  repliedAt: string | null;
}

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface Email {
  id: number;
  kind: string;
  appointmentId: number | null;
  to: string;
  subject: string;
  status: EmailStatus;
  createdAt: string;
  sentAt: string | null;
  /** `mailbox`: kept on this site only (the server has no SMTP_URL); `smtp`: handed to the mail server. */
  transport: 'smtp' | 'mailbox' | null;
  hasInvitation: boolean;
  /** Open only in a sandboxed frame: the server serves it with a `sandbox` CSP. */
  htmlUrl: string;
  html: string;
  text: string;
}

export interface AdminEmail extends Email {
  toRole: Role;
  messageId: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** A logo or photo of the business, in two sizes (`/media/<hash>.webp`). */
export interface ProfileImage {
  id: number;
  kind: 'logo' | 'photo';
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

/** `read`: look only (GET); `read_write`: also change things, as an admin would. */
export type ApiKeyScope = 'read' | 'read_write';

/** An API key of the business as listed: never the key itself, which only the answer that made it carries. */
export interface ApiKey {
  id: number;
  name: string;
  scope: ApiKeyScope;
  /** The key's public start (`bys_live_…`), to tell keys apart. */
  prefix: string;
  createdAt: string;
  /** The member who made it (null when they are gone). */
  createdBy: string | null;
  /** Within a minute. */
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A webhook endpoint as `/api/admin/webhooks` shows it (never its secret: docs/webhooks.md). */
export interface WebhookEndpoint {
  id: number;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  failureCount: number;
  failingSince: string | null;
  /** Set when it was disabled for persistent failure. */
  disabledAt: string | null;
  /** Until when the secret before the last rotation still signs too. */
  previousSecretUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookEndpointInput {
  url: string;
  events: string[];
  description: string;
}

export interface WebhookDelivery {
  id: number;
  eventId: string;
  type: string;
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/**
 * A freed time offered from a waitlist (`/waitlist/offers/:id?token=`), held for the customer until `expiresAt`.
 * `currentStart`: the appointment it would move (null for a class place); `timeZone`: the customer's, if known.
 */
export interface WaitlistOffer {
  id: number;
  status: 'open' | 'taken' | 'expired';
  start: string;
  end: string;
  expiresAt: string;
  serviceName: string;
  providerName: string;
  providerSlug: string;
  memberName: string | null;
  currentStart: string | null;
  timeZone: string | null;
}
