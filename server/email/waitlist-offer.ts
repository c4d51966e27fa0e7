import type { SendOffer } from '../waitlist/waitlist.types.js';
import { newMessageId } from './compose.js';
import { draftColumns } from './draft.js';
import { sealLinkToken } from './link-token.js';
import { insertEmails } from './outbox.repository.js';

/**
 * Queues the offer email as a draft (written out when sent, see draft.ts), with the offer's token sealed on the row
 * as proof emails keep theirs: only the inbox sees the link, and the token is erased from the row once sent.
 */
export const offerSender =
  (secretKey: string): SendOffer =>
  async (trx, email, token, now) => {
    await insertEmails(trx, [
      {
        appointment_id: null,
        to_user_id: email.toUserId,
        to_address: email.to,
        to_role: 'customer',
        kind: 'waitlist_offer',
        ...draftColumns({ offer: email }),
        reply_to: null,
        message_id: newMessageId(email.appUrl),
        status: 'pending',
        next_attempt_at: now.toISOString(),
        dedupe_key: null,
        link_token_sealed: sealLinkToken(secretKey, token),
      },
    ]);
  };
