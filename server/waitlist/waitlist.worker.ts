import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { type PollingWorker, startPollingWorker } from '../outbox/polling-worker.js';
import { type OfferDeps, releaseOffer } from './offers.js';
import { dueOffers, endPastEntries, findOffer, forgetEndedClassEntries } from './waitlist.repository.js';

/** Offers closed a pass, each in its own transaction (with the next offer of its time). */
const BATCH = 50;

/**
 * One pass: every offer whose hold ran out by `now` expires and its time goes to the next in line (the cascade),
 * and entries whose appointment or class time has begun end (an ended class entry's name and address are erased). Each offer in its own write transaction; an offer
 * another instance or a take closed meanwhile is skipped.
 */
export async function expireHolds(db: Db, deps: OfferDeps): Promise<number> {
  const now = deps.now().toISOString();
  let expired = 0;
  for (const due of await dueOffers(db, now, BATCH)) {
    const released = await withWriteLock(db, async (trx) => {
      const offer = await findOffer(trx, due.id);
      return offer?.status === 'open' && (await releaseOffer(trx, deps, offer));
    });
    if (released) expired++;
  }
  await withWriteLock(db, async (trx) => {
    await endPastEntries(trx, now);
    await forgetEndedClassEntries(trx, now);
  });
  return expired;
}

/** The hold-expiry worker (server/main.ts starts it): a pass every `intervalMs`; tests call `runOnce` with a moved clock. */
export function startWaitlistWorker(db: Db, deps: OfferDeps, intervalMs = 30_000): PollingWorker {
  return startPollingWorker('waitlist holds', intervalMs, async () => {
    await expireHolds(db, deps);
  });
}
