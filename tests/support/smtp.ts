import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export type SmtpMode = 'accept' | 'tempfail' | 'permfail';

export interface TestSmtp {
  port: number;
  url: string;
  /** Every message accepted, parsed, in order of acceptance. */
  received: Email[];
  /** accept; 451 to every recipient; 550 to every recipient. */
  mode: SmtpMode;
  /** While set, each accepted message waits here before the server says 250. */
  gate: Promise<void> | null;
  /** Messages currently waiting at the gate. */
  waiting: number;
  close(): Promise<void>;
}

const replyError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) that parses what it accepts with postal-mime. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const state: TestSmtp = {
    port,
    url: '',
    received: [],
    mode: 'accept',
    gate: null,
    waiting: 0,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.mode === 'tempfail') return callback(replyError(451, 'Try again later'));
      if (state.mode === 'permfail') return callback(replyError(550, 'No such user here'));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const email = await PostalMime.parse(Buffer.concat(chunks));
        if (state.gate !== null) {
          state.waiting++;
          await state.gate;
          state.waiting--;
        }
        state.received.push(email);
        callback();
      });
    },
  });
  // A client that drops its connection (a timed-out send, a killed server) is part of what these tests do; without
  // a listener, smtp-server's 'error' event would end the test process with an uncaught ECONNRESET.
  server.on('error', () => {});
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A port nothing listens on (connection refused), which a later `startSmtp(port)` can take. */
export async function freePort(): Promise<number> {
  const probe = await startSmtp();
  await probe.close();
  return probe.port;
}

/** Polls until `check` holds (for events on the SMTP side, or in a database), failing after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, everyMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
