import type { Email } from 'postal-mime';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { emailWorker } from './email.js';
import { startSmtp, type TestSmtp } from './smtp.js';
import type { TestContext } from './test-app.js';

/** Real inboxes: what the app sends over SMTP, as the people it is addressed to receive it. */
export interface RealInbox {
  /** The test SMTP server (started before the file's tests). */
  readonly smtp: TestSmtp;
  /** Sends everything due in the outbox over SMTP, as the running app would. */
  deliver(ctx: TestContext): Promise<void>;
  /** The emails accepted for `to`, oldest first. */
  of(to: string): Email[];
  /**
   * The token of the newest link to `page` (`/verify-email`, `/reset-password`) in `to`'s inbox, in an email with
   * this subject if given (the worker sends in parallel, so arrival order says little).
   */
  token(to: string, page: string, subject?: string): string;
}

/** A real SMTP server for the calling test file, its inboxes emptied before each test. */
export function realInbox(): RealInbox {
  let smtp: TestSmtp | undefined;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp?.close());
  beforeEach(() => {
    smtp!.received.length = 0;
  });

  const of = (to: string) =>
    smtp!.received.filter((e) => (e.to ?? []).some((a) => a.address?.toLowerCase() === to.toLowerCase()));
  return {
    get smtp() {
      return smtp!;
    },
    async deliver(ctx) {
      const worker = emailWorker(ctx, { smtpUrl: smtp!.url });
      await worker.runOnce();
      await worker.stop();
    },
    of,
    token(to, page, subject) {
      const emails = of(to).filter((e) => subject === undefined || e.subject === subject);
      const links = emails.flatMap((e) => [...(e.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0])));
      const token = links
        .filter((url) => url.pathname === page)
        .at(-1)
        ?.searchParams.get('token');
      if (!token) throw new Error(`no ${page} link in the inbox of ${to}`);
      return token;
    },
  };
}
