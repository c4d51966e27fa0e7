import { AppError } from '../errors.js';
import { log } from '../logger.js';
import type { NewAccountToken } from './account-tokens.repository.js';
import type { Role } from './auth.table.js';

export interface AccountLinkUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** Whether the link went out, or the address had its hourly share of emails (and when to try again). */
export interface LinkOutcome {
  allowed: boolean;
  retryAfterS: number;
}

/**
 * Emails an account link (a new single-use token) to the account's address: email's `accountLinkSender`, wired in
 * app.ts (auth imports no feature). Over the address's hourly cap it writes nothing and says so.
 */
export type SendAccountLink = (
  user: AccountLinkUser,
  link: Pick<NewAccountToken, 'purpose' | 'claim'>,
) => Promise<LinkOutcome>;

export const linkRefused = (outcome: LinkOutcome): AppError =>
  AppError.rateLimited('Too many emails went to this address in the last hour; try again later', outcome.retryAfterS);

/** Queues the verification email for a new account; if the address had its hourly share of emails, says so in the log. */
export async function sendVerificationEmail(send: SendAccountLink, user: AccountLinkUser): Promise<void> {
  const outcome = await send(user, { purpose: 'verify_email' });
  if (!outcome.allowed)
    log.warn(`verification email for account #${user.id} not queued: its address had its hourly share of emails`);
}
