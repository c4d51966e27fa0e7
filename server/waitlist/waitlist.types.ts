import type { Db } from '../db/connect.js';

/** What the offer email says: plain data, written out by the email worker when it sends (a draft). */
export interface OfferEmail {
  offerId: number;
  to: string;
  /** The customer's account, if any (the email shows in their mailbox then). */
  toUserId: number | null;
  customerName: string;
  /** The customer's zone: every time in the email is on their clock. */
  timeZone: string;
  startAt: string;
  endAt: string;
  /** Until when the time is held for them. */
  expiresAt: string;
  serviceName: string;
  providerName: string;
  /** Who serves the offered time, in a team; null for a business of one. */
  memberName: string | null;
  /** The appointment the offer would move (null: a place in a class, booked anew). */
  currentStartAt: string | null;
  currentEndAt: string | null;
  appUrl: string;
}

/**
 * Queues the offer email in the caller's transaction, its link carrying `token` (the only plaintext copy: the offer
 * stores its hash). Email writes it; the waitlist is handed it (server/app.ts), as team is its invitation sender.
 */
export type SendOffer = (trx: Db, email: OfferEmail, token: string, now: Date) => Promise<void>;
