import { afterEach, describe, expect, it } from 'vitest';
import { classifyDeliveryError } from '../../server/email/delivery-errors.js';
import { smtpTransport } from '../../server/email/transport.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const email = (id: number) => ({
  id,
  from: 'bookings@booking.test',
  to: 'chris@example.com',
  subject: 'Hello',
  html: '<p>Hello</p>',
  text: 'Hello',
  messageId: `<m${id}@booking.test>`,
  date: new Date(),
  ics: null,
  icsMethod: undefined,
  replyTo: null,
});

describe('SMTP transport against a server that goes silent', () => {
  let smtp: TestSmtp;
  afterEach(async () => smtp?.close());

  it('fails a send the server never answers, as a retryable timeout, and sends again once the server answers', async () => {
    smtp = await startSmtp();
    let release!: () => void;
    smtp.gate = new Promise<void>((resolve) => (release = resolve)); // takes the message, never says 250
    // Short enough that the held send gives up within the test's timeout (the send's own deadline is 1 s + 2 × 0.5 s,
    // and a send that never settles fails the test by its timeout), long enough that a busy machine answering the
    // second send slowly is not taken for a silent server.
    const transport = smtpTransport(smtp.url, { connectionTimeoutMs: 1_000, socketTimeoutMs: 500 });
    const error = await transport.send(email(1)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'ETIMEDOUT' });
    expect(classifyDeliveryError(error).permanent).toBe(false);
    release();
    smtp.gate = null;
    await transport.send(email(2));
    expect(smtp.received.map((m) => m.messageId)).toContain('<m2@booking.test>');
    transport.close();
  });
});
