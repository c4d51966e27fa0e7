import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { CalendarMethod } from '../ical/appointment-calendar.js';
import { log as logger } from '../logger.js';

/** One outbox row, ready to go: the token is filled in, the ids and date are the row's own. */
export interface OutgoingEmail {
  id: number;
  from: string;
  to: string;
  /** Where a reply should go, when the product knows the address belongs to the person (see compose.ts). */
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  date: Date;
  ics: string | null;
  icsMethod: CalendarMethod | undefined;
  /** The link of an email that proves its reader owns the address (see `proof-emails.ts`). */
  proofLink?: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  /** Resolves once the SMTP server has accepted the message; rejects with nodemailer's error. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * The invitation goes in twice, as calendar apps expect: as the last `text/calendar; method=…` alternative (what
 * Gmail and Outlook act on) and as an `invite.ics` attachment of the same registered type (RFC 5545 §8.1; nodemailer's
 * own `icalEvent` labels the attachment `application/ics`). The `method` must equal the METHOD inside the file or
 * Outlook ignores the invitation.
 */
export function toMailOptions(email: OutgoingEmail): Mail.Options {
  const calendarType = `text/calendar; charset=utf-8; method=${email.icsMethod ?? 'PUBLISH'}`;
  return {
    from: email.from,
    to: email.to,
    ...(email.replyTo && { replyTo: email.replyTo }),
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    date: email.date,
    // RFC 3834: no auto-replies (out-of-office) to machine-sent mail.
    headers: { 'Auto-Submitted': 'auto-generated' },
    ...(email.ics && {
      alternatives: [{ contentType: calendarType, content: email.ics }],
      // Base64 keeps the file byte for byte, CRLF line ends included; quoted-printable leaves them to the reader.
      attachments: [
        {
          filename: 'invite.ics',
          contentType: calendarType,
          contentDisposition: 'attachment' as const,
          contentTransferEncoding: 'base64' as const,
          content: email.ics,
        },
      ],
    }),
  };
}

export interface SmtpTuning {
  maxConnections?: number;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/**
 * nodemailer's pooled SMTP transport: a few long-lived connections shared by all sends. nodemailer is loaded with
 * the first email, not at start-up (docs/operations.md, production start).
 */
export function smtpTransport(url: string, tuning: SmtpTuning = {}): MailTransport {
  const options: SMTPPool.Options = {
    url,
    pool: true,
    maxConnections: tuning.maxConnections ?? 3,
    maxMessages: 100,
    connectionTimeout: tuning.connectionTimeoutMs ?? 10_000,
    greetingTimeout: tuning.connectionTimeoutMs ?? 10_000,
    socketTimeout: tuning.socketTimeoutMs ?? 60_000,
  };
  let transporter: Promise<Transporter> | undefined;
  const opened = () => {
    transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(options));
    return transporter;
  };
  // nodemailer reports a server that goes silent after the message (no reply to the final ".") as a connection
  // error, but never settles that message's sendMail: the delivery lane, and with it every later email, would wait
  // forever. So each send has its own deadline; past it, it fails like a timeout and is retried (same Message-ID).
  const deadlineMs = (tuning.connectionTimeoutMs ?? 10_000) + 2 * (tuning.socketTimeoutMs ?? 60_000);
  return {
    kind: 'smtp',
    async send(email) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              Object.assign(new Error(`No answer from the SMTP server within ${deadlineMs} ms`), { code: 'ETIMEDOUT' }),
            ),
          deadlineMs,
        );
      });
      try {
        await Promise.race([opened().then((t) => t.sendMail(toMailOptions(email))), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => void transporter?.then((t) => t.close()),
  };
}

/**
 * Without SMTP_URL: the email stays in the built-in mailbox (the website shows it) and one line is logged. The line
 * names the email by id only: addresses and subjects ("New booking: Jane Doe, …") are customers' personal data.
 * An email that proves an address never shows on the site, whoever is signed in: its link goes to this log, for
 * the person running the server (in development, the developer) to open.
 */
export function mailboxTransport(log: (line: string) => void = (line) => logger.info(line)): MailTransport {
  return {
    kind: 'mailbox',
    async send(email) {
      if (email.proofLink)
        log(`email #${email.id} not sent (no SMTP_URL); its link, for the address's owner only: ${email.proofLink}`);
      else log(`email #${email.id} kept in the built-in mailbox (set SMTP_URL to send it)`);
    },
    close() {},
  };
}

export const transportFor = (smtpUrl: string | null, log?: (line: string) => void): MailTransport =>
  smtpUrl ? smtpTransport(smtpUrl) : mailboxTransport(log);
