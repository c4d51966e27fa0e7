import type { SendAccountLink } from '../auth/account-links.js';
import { issueAccountToken } from '../auth/account-tokens.repository.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { accountLinkEmail } from './account-emails.js';
import { LINK_TOKEN } from './link-token.js';
import { queueProofEmail } from './proof-emails.js';
import { recipientAllowance } from './recipient-cap.js';

export interface AccountLinkDeps {
  db: Db;
  now: () => Date;
  appUrl: string;
  secretKey: string;
}

const pageOf = { verify_email: '/verify-email', signup: '/verify-email', password_reset: '/reset-password' } as const;

/**
 * Emails an account link (a new token) to the account's address, unless the address has had its hourly share of
 * emails from people who have not proven they own it: then nothing is written and the caller decides what to say.
 */
export const accountLinkSender =
  (deps: AccountLinkDeps): SendAccountLink =>
  async (user, link) => {
    const now = deps.now();
    return withWriteLock(deps.db, async (trx) => {
      const allowance = await recipientAllowance(trx, user.email, now);
      if (!allowance.allowed) return allowance;
      const token = await issueAccountToken(trx, { userId: user.id, email: user.email, ...link }, now);
      const url = `${deps.appUrl}${pageOf[link.purpose]}?token=${LINK_TOKEN}`;
      await queueProofEmail(
        trx,
        accountLinkEmail({ purpose: link.purpose, user, url, appUrl: deps.appUrl, now }),
        token,
        deps.secretKey,
        now,
      );
      return allowance;
    });
  };
