/** Thrown for problems that no retry can fix (the email itself is unusable). */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

export interface DeliveryFailure {
  permanent: boolean;
  /** What the provider sees as the last error: nodemailer's code, the SMTP reply, no secrets. */
  message: string;
}

interface SmtpErrorLike {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

/**
 * SMTP replies say which failures are worth retrying (RFC 5321 §4.2.1): 4yz is transient, 5yz
 * permanent. Without a reply, a refused or dropped connection or a timeout is transient, while an
 * envelope or message nodemailer refuses to send (no valid recipient) is permanent.
 * Authentication failures are retried despite their 5yz reply: they are a configuration
 * problem, fixed once for every email, not a fault of this email.
 */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const text = typeof e.message === 'string' ? e.message : String(error);
  const message = [code, reply].filter(Boolean).join(' ') + (code || reply ? ': ' : '') + text.slice(0, 500);
  if (error instanceof PermanentDeliveryError) return { permanent: true, message };
  if (code === 'EAUTH') return { permanent: false, message };
  if (reply !== undefined) return { permanent: reply >= 500, message };
  return { permanent: code === 'EENVELOPE' || code === 'EMESSAGE', message };
}
