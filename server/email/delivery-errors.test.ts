import { describe, expect, it } from 'vitest';
import { classifyDeliveryError, PermanentDeliveryError } from './delivery-errors.js';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error('smtp said no'), fields);

describe('classifyDeliveryError', () => {
  it('retries 4xx replies, connection problems and timeouts', () => {
    for (const error of [
      smtpError({ code: 'EENVELOPE', responseCode: 451 }),
      smtpError({ code: 'EMESSAGE', responseCode: 452 }),
      smtpError({ code: 'ECONNECTION' }),
      smtpError({ code: 'ETIMEDOUT' }),
      smtpError({ code: 'ESOCKET' }),
      new Error('something odd'),
    ]) {
      expect(classifyDeliveryError(error).permanent, String(error)).toBe(false);
    }
  });

  it('stops at 5xx replies and envelopes nodemailer refuses', () => {
    expect(classifyDeliveryError(smtpError({ code: 'EENVELOPE', responseCode: 550 }))).toEqual({
      permanent: true,
      message: 'EENVELOPE 550: smtp said no',
    });
    expect(classifyDeliveryError(smtpError({ code: 'EMESSAGE', responseCode: 554 })).permanent).toBe(true);
    expect(classifyDeliveryError(smtpError({ code: 'EENVELOPE' })).permanent).toBe(true);
    expect(classifyDeliveryError(new PermanentDeliveryError('no link')).permanent).toBe(true);
  });

  it('retries authentication failures: they are configuration, not this email', () => {
    expect(classifyDeliveryError(smtpError({ code: 'EAUTH', responseCode: 535 })).permanent).toBe(false);
  });
});
