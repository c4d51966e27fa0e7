import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { log as logger } from '../logger.js';
import { type BackoffPolicy, retryDelayMs } from '../outbox/backoff.js';
import { calendarMethodOf } from './compose.js';
import { claimDueEmails, markFailed, markRetry, markSent, releaseClaim } from './delivery.repository.js';
import { classifyDeliveryError, PermanentDeliveryError } from './delivery-errors.js';
import { written } from './draft.js';
import type { EmailRow } from './email.table.js';
import { fillLinkToken, LINK_TOKEN, openLinkToken } from './link-token.js';
import { findLinkToken } from './outbox.repository.js';
import type { MailTransport, OutgoingEmail } from './transport.js';

/** About three hours of retries (30 s doubling to an hour) before an email is marked failed. */
export const EMAIL_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 10 };

export interface EmailDeliveryOptions {
  db: Db;
  transport: MailTransport;
  /** `MAIL_FROM`. */
  from: string;
  /** Unseals manage tokens for the customer's links. */
  secretKey: string;
  now?: () => Date;
  policy?: BackoffPolicy;
  /** How long a claimed row is reserved; longer than any send can take (see the SMTP timeouts). */
  leaseMs?: number;
  batchSize?: number;
  /** Sends in flight at once; at most the SMTP pool's connections are useful. */
  concurrency?: number;
  random?: () => number;
  log?: (line: string) => void;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

export interface EmailDelivery {
  /** One batch: claims due rows, sends each, records each outcome as soon as it is known. */
  deliverDue(): Promise<DeliveryReport>;
  /** A batch in progress starts no further sends; the rows it did not try go back at once. */
  halt(): void;
}

/**
 * Logs name emails by id and kind, never by address: a customer's address is personal data, and mail servers
 * quote it in their errors ("550 <jane@example.com>: no such user"). The admin email log keeps the full reason.
 */
const withoutAddresses = (text: string): string => text.replace(/[^\s<>"',;:()]+@[^\s<>"',;:()]+/g, '[address]');

export function createEmailDelivery(options: EmailDeliveryOptions): EmailDelivery {
  const { db, transport } = options;
  const clock = options.now ?? (() => new Date());
  const policy = options.policy ?? EMAIL_BACKOFF;
  const log = options.log ?? ((line: string) => logger.warn(line));
  let halted = false;

  const prepare = async (row: EmailRow): Promise<OutgoingEmail> => {
    let { html, text } = row;
    let proofLink: string | undefined;
    if (html.includes(LINK_TOKEN) || text.includes(LINK_TOKEN)) {
      // An account link carries its own token; an appointment's emails link with the booking's manage token.
      const sealed =
        row.link_token_sealed ??
        (row.appointment_id === null ? undefined : await findLinkToken(db, row.appointment_id));
      const token = sealed && openLinkToken(options.secretKey, sealed);
      if (!token)
        throw new PermanentDeliveryError(
          'The link cannot be made: its token is gone or was sealed under another SECRET_KEY',
        );
      html = fillLinkToken(html, token);
      text = fillLinkToken(text, token);
      if (row.link_token_sealed) proofLink = text.split(/\s/).find((word) => word.includes(encodeURIComponent(token)));
    }
    return {
      ...(proofLink && { proofLink }),
      id: row.id,
      from: options.from,
      to: row.to_address,
      replyTo: row.reply_to,
      subject: row.subject,
      html,
      text,
      messageId: row.message_id,
      date: new Date(row.created_at),
      ics: row.ics,
      icsMethod: calendarMethodOf(row.kind),
    };
  };

  const deliverOne = async (queued: EmailRow, claimId: string, report: DeliveryReport): Promise<void> => {
    // A draft is written out here, outside any transaction; the row keeps what was sent (below).
    const row = written(queued);
    try {
      if (row.attempts > policy.maxAttempts)
        throw new PermanentDeliveryError('The worker stopped while sending it too often');
      await transport.send(await prepare(row));
    } catch (error) {
      const failure = classifyDeliveryError(error);
      if (failure.permanent || row.attempts >= policy.maxAttempts) {
        report.failed++;
        log(
          `email #${row.id} (${row.kind}, to the ${row.to_role}) failed after ${row.attempts} attempt(s): ${withoutAddresses(failure.message)}`,
        );
        await markFailed(db, row.id, claimId, failure.message);
      } else {
        report.retrying++;
        const delay = retryDelayMs(policy, row.attempts, undefined, options.random);
        log(
          `email #${row.id} (${row.kind}, to the ${row.to_role}): attempt ${row.attempts} failed, next in ${Math.round(delay / 1000)} s: ${withoutAddresses(failure.message)}`,
        );
        await markRetry(db, row.id, claimId, { at: new Date(clock().getTime() + delay), error: failure.message });
      }
      return;
    }
    // Outside the try: if recording fails, the row stays leased and is resent (same Message-ID) after the lease.
    await markSent(db, row.id, claimId, {
      at: clock(),
      transport: transport.kind,
      ...(queued.draft !== null && { content: { subject: row.subject, html: row.html, text: row.text, ics: row.ics } }),
    });
    report.sent++;
  };

  return {
    async deliverDue() {
      const claimId = randomUUID();
      const now = clock();
      const rows = halted
        ? []
        : await claimDueEmails(db, {
            claimId,
            now,
            leaseUntil: new Date(now.getTime() + (options.leaseMs ?? 5 * 60_000)),
            limit: options.batchSize ?? 50,
          });
      const report: DeliveryReport = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
      const queue = [...rows];
      const untried: number[] = [];
      const lane = async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          if (halted) untried.push(row.id);
          else await deliverOne(row, claimId, report);
        }
      };
      const lanes = await Promise.allSettled(
        Array.from({ length: Math.min(options.concurrency ?? 3, rows.length) }, lane),
      );
      await releaseClaim(db, untried, claimId);
      const crashed = lanes.find((l) => l.status === 'rejected');
      if (crashed) throw crashed.reason;
      return report;
    },
    halt() {
      halted = true;
    },
  };
}
