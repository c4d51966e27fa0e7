import { generateToken, hashToken } from '../auth/tokens.js';
import type { BusyTimeSource } from '../availability/availability.types.js';
import { findAppointment } from '../bookings/bookings.repository.js';
import { blockedInterval, freeMembersAt } from '../bookings/slot-check.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { findProviderById } from '../providers/providers.repository.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { findService } from '../services/services.repository.js';
import type { ServiceRow } from '../services/services.table.js';
import { performersOf } from '../team/team.repository.js';
import { candidatesFor, WAITLIST_HOLD_MINUTES, type WaitingEntry } from './matching.js';
import {
  closeOffer,
  endClassLine,
  entriesOfferedAt,
  findEntry,
  insertOffer,
  openOffersAt,
  openOffersOf,
  teamNameOf,
  updateEntry,
  waitingEntries,
} from './waitlist.repository.js';
import type { WaitlistOfferRow } from './waitlist.table.js';
import type { OfferEmail, SendOffer } from './waitlist.types.js';

export interface OfferDeps {
  now: () => Date;
  appUrl: string;
  /** The calendar busy times (holds are read with the appointments, see `bookedIntervalsOf`). */
  busyTimes: BusyTimeSource<Db>;
  sendOffer: SendOffer;
  /** Bumps the business's slots version inside the transaction (a hold starts or ends). */
  slotsChanged: (trx: Db, providerId: number) => Promise<void>;
}

/** A member's start of a service that a cancellation, a move or an ended hold made free. */
export interface Freed {
  providerId: number;
  serviceId: number;
  memberId: number;
  start: number;
}

/** Bounds the work under the write lock when many in line cannot take this time (their own appointment is in the way). */
const MAX_TRIED = 20;

/**
 * Offers a freed time to the first in line for whom it is free, inside the caller's transaction: the offer, its
 * hold and its email commit with the change that freed the time. Nothing when an offer of that time is open already
 * (one at a time), nobody matches, or the time is not free after all. Returns the offer's id.
 */
export async function offerFreedTime(trx: Db, deps: OfferDeps, freed: Freed): Promise<number | undefined> {
  const startAt = new Date(freed.start).toISOString();
  if ((await openOffersAt(trx, freed.memberId, startAt)).length > 0) return undefined;
  const entries = await waitingEntries(trx, freed.providerId, freed.serviceId);
  if (entries.length === 0) return undefined;
  const provider = await findProviderById(trx, freed.providerId);
  const service = provider && (await findService(trx, provider.id, freed.serviceId));
  if (!provider || service?.active !== 1) return undefined;
  // A member who left (their appointments are being cancelled) or no longer performs the service frees nothing.
  const performers = await performersOf(trx, provider.id, service.id);
  if (!performers.some((m) => m.id === freed.memberId)) return undefined;
  const now = deps.now();
  const candidates = candidatesFor(
    entries,
    { memberId: freed.memberId, start: freed.start, isClass: service.seats > 1 },
    {
      zone: provider.time_zone,
      earliest: now.getTime() + provider.min_notice_minutes * 60_000,
      skip: await entriesOfferedAt(trx, freed.memberId, startAt),
    },
  );
  for (const entry of candidates.slice(0, MAX_TRIED)) {
    if (!(await isFree(trx, deps, { provider, service, freed, entry, now }))) continue;
    const email = await emailFacts(trx, deps, { provider, service, freed, entry });
    if (!email) continue;
    return openOffer(trx, deps, { provider, service, freed, entry, now, email });
  }
  return undefined;
}

interface Offering {
  provider: ProviderRow;
  service: ServiceRow;
  freed: Freed;
  entry: WaitingEntry;
}

/** Free for this entry as a booking or move would find it (its own appointment left out of the way). */
async function isFree(trx: Db, deps: OfferDeps, o: Offering & { now: Date }): Promise<boolean> {
  try {
    await freeMembersAt(trx, {
      provider: o.provider,
      service: o.service,
      members: [{ id: o.freed.memberId, provider_id: o.provider.id }],
      start: o.freed.start,
      now: o.now.getTime(),
      busyTimes: deps.busyTimes,
      ...(o.entry.appointmentId !== null && { excludeAppointmentId: o.entry.appointmentId }),
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'slot_taken' || error.code === 'slot_not_offered')) return false;
    throw error;
  }
}

/** The email's facts, without the offer's id and times yet; undefined when the customer has no address to write to. */
async function emailFacts(
  trx: Db,
  deps: OfferDeps,
  o: Offering,
): Promise<Omit<OfferEmail, 'offerId' | 'startAt' | 'endAt' | 'expiresAt'> | undefined> {
  const member = await teamNameOf(trx, o.freed.memberId);
  const shared = {
    serviceName: o.service.name,
    providerName: o.provider.name,
    memberName: member.team ? member.name : null,
    appUrl: deps.appUrl,
  };
  if (o.entry.appointmentId !== null) {
    const a = await findAppointment(trx, o.entry.appointmentId);
    if (!a?.customer_email) return undefined;
    return {
      ...shared,
      to: a.customer_email,
      toUserId: a.customer_user_id,
      customerName: a.customer_name,
      timeZone: a.customer_time_zone ?? a.provider_time_zone,
      currentStartAt: a.start_at,
      currentEndAt: a.end_at,
    };
  }
  const entry = await findEntry(trx, o.entry.id);
  if (!entry?.customer_email) return undefined;
  return {
    ...shared,
    to: entry.customer_email,
    toUserId: entry.customer_user_id,
    customerName: entry.customer_name ?? '',
    timeZone: entry.customer_time_zone ?? o.provider.time_zone,
    currentStartAt: null,
    currentEndAt: null,
  };
}

async function openOffer(
  trx: Db,
  deps: OfferDeps,
  o: Offering & { now: Date; email: Omit<OfferEmail, 'offerId' | 'startAt' | 'endAt' | 'expiresAt'> },
): Promise<number> {
  const token = generateToken();
  const times = blockedInterval(o.service, o.freed.start);
  const expiresAt = new Date(o.now.getTime() + WAITLIST_HOLD_MINUTES * 60_000).toISOString();
  const nowIso = o.now.toISOString();
  const offerId = await insertOffer(trx, {
    entry_id: o.entry.id,
    provider_id: o.provider.id,
    service_id: o.service.id,
    member_id: o.freed.memberId,
    appointment_id: o.entry.appointmentId,
    ...times,
    token_hash: hashToken(token),
    status: 'open',
    expires_at: expiresAt,
    updated_at: nowIso,
  });
  await updateEntry(trx, o.entry.id, { status: 'offered', updated_at: nowIso });
  await deps.slotsChanged(trx, o.provider.id);
  await deps.sendOffer(
    trx,
    { ...o.email, offerId, startAt: times.start_at, endAt: times.end_at, expiresAt },
    token,
    o.now,
  );
  return offerId;
}

/**
 * Ends an open offer (`expired`: its hold ran out, its time could not be taken, or its entry ended) and offers its
 * time to the next in line. The entry, if still waiting on it, waits on for other times (each time is offered to an
 * entry once). False when the offer was not open any more.
 */
export async function releaseOffer(trx: Db, deps: OfferDeps, offer: WaitlistOfferRow): Promise<boolean> {
  const now = deps.now().toISOString();
  if (!(await closeOffer(trx, offer.id, 'expired', now))) return false;
  const entry = await findEntry(trx, offer.entry_id);
  if (entry?.status === 'offered') await updateEntry(trx, entry.id, { status: 'waiting', updated_at: now });
  await deps.slotsChanged(trx, offer.provider_id);
  await offerFreedTime(trx, deps, freedOf(offer));
  return true;
}

/** Ends an entry (`done` or `left`) and passes on the time of any offer it held open. */
export async function endEntry(trx: Db, deps: OfferDeps, entryId: number, status: 'done' | 'left'): Promise<void> {
  await updateEntry(trx, entryId, { status, updated_at: deps.now().toISOString() });
  for (const offer of await openOffersOf(trx, entryId)) await releaseOffer(trx, deps, offer);
}

export const freedOf = (offer: WaitlistOfferRow): Freed => ({
  providerId: offer.provider_id,
  serviceId: offer.service_id,
  memberId: offer.member_id,
  start: Date.parse(offer.start_at),
});

/**
 * A class time the business cancelled as a whole: nobody waits for it any more (its line ends) and an offer of one
 * of its places is withdrawn, not passed on.
 */
export async function closeClassLine(trx: Db, deps: OfferDeps, at: Freed): Promise<void> {
  const now = deps.now().toISOString();
  const startAt = new Date(at.start).toISOString();
  await endClassLine(trx, { serviceId: at.serviceId, memberId: at.memberId, startAt }, now);
  for (const offer of await openOffersAt(trx, at.memberId, startAt)) {
    await closeOffer(trx, offer.id, 'expired', now);
    await deps.slotsChanged(trx, offer.provider_id);
  }
}
