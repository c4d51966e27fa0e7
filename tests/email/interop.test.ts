import nodemailer from 'nodemailer';
import type { Email } from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailWorker } from '../../server/email/email.worker.js';
import { toMailOptions } from '../../server/email/transport.js';
import { emailWorker, flushOutbox, outbox } from '../support/email.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { expectWellFormed, parseBoth } from '../support/ical.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

// What other software reads in the emails and files: checked with postal-mime, ical.js and node-ical.
const SLOT = '2026-12-02T09:00:00.000Z';
const text = (content: string | ArrayBuffer | Uint8Array | undefined) =>
  typeof content === 'string' ? content : new TextDecoder().decode(content);

describe('emails and calendar files as other software reads them', () => {
  let ctx: TestContext;
  let smtp: TestSmtp;
  let worker: EmailWorker;
  let provider: ProviderFixture;
  let providerEmail: string;

  beforeEach(async () => {
    ctx = await createTestContext();
    smtp = await startSmtp();
    worker = emailWorker(ctx, { smtpUrl: smtp.url });
    provider = await createProvider(ctx, { confirmed: false });
    providerEmail = (await call(ctx, 'GET', '/api/me', { session: provider.session })).body.user.email;
    await flushOutbox(ctx);
  });
  afterEach(async () => {
    await worker.stop();
    await smtp.close();
  });

  const confirm = (email: string) =>
    ctx.db
      .updateTable('users')
      .set({ email_verified_at: ctx.clock.now.toISOString() })
      .where('email', '=', email)
      .execute();
  /** The customer's and the provider's copy of what was just sent. */
  const deliver = async (customer: string): Promise<[Email, Email]> => {
    const before = smtp.received.length;
    await worker.runOnce();
    const sent = smtp.received.slice(before);
    expect(sent).toHaveLength(2);
    const mine = sent.find((e) => e.to?.[0]?.address === customer)!;
    return [mine, sent.find((e) => e !== mine)!];
  };
  const replyTo = (email: Email) => email.replyTo?.map((a) => a.address) ?? [];

  it('attaches invite.ics as text/calendar with the method, like the inline invitation', async () => {
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
    for (const email of await deliver('chris@example.com')) {
      const file = email.attachments.find((a) => a.filename === 'invite.ics');
      expect(file?.mimeType).toBe('text/calendar');
      expect(file?.method).toBe('REQUEST');
      const inline = email.attachments.filter((a) => a.mimeType === 'text/calendar' && a.filename !== 'invite.ics');
      expect(inline.map((a) => a.method)).toEqual(['REQUEST']);
      expect(parseBoth(text(file?.content)).method).toBe('REQUEST');
    }
  });

  it('sends the file byte for byte (base64), CRLF line ends included', async () => {
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
    const [row] = await outbox(ctx);
    expectWellFormed(row!.ics!);
    // postal-mime hands text parts back with LF line ends, so the raw message is read here.
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const options = toMailOptions({
      id: 1,
      from: 'a@booking.test',
      to: 'b@example.com',
      replyTo: null,
      subject: 's',
      html: '<p>s</p>',
      text: 's',
      messageId: '<m@booking.test>',
      date: new Date(0),
      ics: row!.ics,
      icsMethod: 'REQUEST',
    });
    const raw = ((await stream.sendMail(options)).message as Buffer).toString();
    const part =
      /Content-Type: text\/calendar; charset=utf-8; method=REQUEST; name=invite\.ics\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=invite\.ics\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(
        raw,
      );
    expect(Buffer.from(part![1]!.replace(/\r\n/g, ''), 'base64').toString()).toBe(row!.ics);
  });

  it('sets Reply-To only to confirmed addresses: the business’s for customers, a signed-in customer’s for the provider', async () => {
    // Nobody confirmed yet: no Reply-To anywhere.
    expect((await book(ctx, provider, SLOT)).status).toBe(201);
    let [customerCopy, providerCopy] = await deliver('chris@example.com');
    expect(replyTo(customerCopy)).toEqual([]);
    expect(replyTo(providerCopy)).toEqual([]);

    // The provider confirmed their address; a guest's typed address is still not known to be theirs.
    await confirm(providerEmail);
    expect(
      (
        await book(ctx, provider, '2026-12-02T11:00:00.000Z', {
          customer: { name: 'Guest', email: 'guest@example.com' },
        })
      ).status,
    ).toBe(201);
    [customerCopy, providerCopy] = await deliver('guest@example.com');
    expect(replyTo(customerCopy)).toEqual([providerEmail]);
    expect(replyTo(providerCopy)).toEqual([]);

    // A signed-in customer whose address is confirmed.
    const customer = await signUp(ctx, 'customer', { email: 'dana@example.com', name: 'Dana' });
    await confirm('dana@example.com');
    await flushOutbox(ctx);
    const res = await call(ctx, 'POST', '/api/bookings', {
      session: customer,
      body: {
        provider: provider.slug,
        service: provider.serviceId,
        start: '2026-12-02T13:00:00.000Z',
        customer: { name: 'Dana', email: 'dana@example.com' },
      },
    });
    expect(res.status).toBe(201);
    [customerCopy, providerCopy] = await deliver('dana@example.com');
    expect(replyTo(customerCopy)).toEqual([providerEmail]);
    expect(replyTo(providerCopy)).toEqual(['dana@example.com']);
  });

  it('keeps a name with quotes, separators, a backslash and a line break inside its CN (RFC 6868), in both parsers', async () => {
    const name = 'Bob "The Boss":mailto:attacker@evil.example; Jr, CEO: A\\B\nSecond line';
    expect((await book(ctx, provider, SLOT, { customer: { name, email: 'chris@example.com' } })).status).toBe(201);
    const [customerCopy] = await deliver('chris@example.com');
    const ics = text(customerCopy.attachments.find((a) => a.filename === 'invite.ics')?.content);
    const parsed = parseBoth(ics);
    expect(parsed.method).toBe('REQUEST');
    for (const events of [parsed.icalJs, parsed.nodeIcal]) {
      expect(events).toHaveLength(1);
      expect(events[0]!.attendees.map((a) => a.address)).toEqual(['mailto:chris@example.com']);
      expect(events[0]!.organizer?.address).toBe(`mailto:${providerEmail}`);
    }
    // The file itself holds one quoted CN without a quote inside (RFC 5545 §3.2 allows none).
    expect(ics.replace(/\r?\n[ \t]/g, '')).toMatch(
      /^ATTENDEE;[^"\n]*CN="[^"\n]*"[^"\n]*:mailto:chris@example\.com\r?$/im,
    );
    // node-ical reads RFC 6868 sequences as they are (and cuts a CN at its first ";", its own bug).
    expect(parsed.nodeIcal[0]!.attendees[0]!.name).toMatch(/^"?Bob \^'The Boss\^'/);
    // ical.js decodes RFC 6868; the backslash, which ical-generator would double, is left out.
    expect(parsed.icalJs[0]!.attendees[0]!.name).toBe(
      'Bob "The Boss":mailto:attacker@evil.example; Jr, CEO: AB\nSecond line',
    );
  });

  it('serves the download and the feed as plain calendars (no METHOD) that end in CRLF', async () => {
    const res = await book(ctx, provider, SLOT);
    const { id, manageUrl } = res.body.booking;
    const download = await call(
      ctx,
      'GET',
      `/api/bookings/${id}/calendar.ics?token=${new URL(manageUrl).searchParams.get('token')}`,
    );
    const feedUrl = (await call(ctx, 'POST', '/api/admin/calendar/feed/rotate', { session: provider.session })).body
      .url as string;
    const feed = await call(ctx, 'GET', feedUrl.slice(APP_URL.length));
    for (const file of [download, feed]) {
      expect(file.status).toBe(200);
      expectWellFormed(file.body);
      const parsed = parseBoth(file.body);
      expect(parsed.method).toBeUndefined();
      expect(parsed.icalJs.map((e) => e.uid)).toEqual([`appointment-${id}@booking.test`]);
      expect(parsed.nodeIcal.map((e) => e.uid)).toEqual([`appointment-${id}@booking.test`]);
    }
  });
});
