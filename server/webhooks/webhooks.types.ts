import type { Db } from '../db/connect.js';

/**
 * Tells the business that an endpoint was disabled after failing persistently. Runs in the transaction that
 * disables it (email's outbox writes the message; webhooks knows nothing of email: the server wires it in).
 */
export type NotifyEndpointDisabled = (
  trx: Db,
  endpoint: { providerId: number; url: string; failingSince: string },
) => Promise<void>;
