import type { Db } from '../db/connect.js';
import type { EmailRow } from './email.table.js';
import { openLinkToken } from './link-token.js';
import { findLinkToken } from './outbox.repository.js';

/** The manage token for the customer's own copy of an email, unsealed; undefined for any other copy. */
export async function customerTokenFor(db: Db, secretKey: string, row: EmailRow): Promise<string | undefined> {
  if (row.to_role !== 'customer' || row.appointment_id === null) return undefined;
  const sealed = await findLinkToken(db, row.appointment_id);
  return sealed === undefined ? undefined : openLinkToken(secretKey, sealed);
}
